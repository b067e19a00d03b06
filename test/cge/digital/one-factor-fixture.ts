import type { SamInput } from '../../../src/cge/sam-input.js';

/**
 * A ddcge economy small enough to solve by hand: one factor (labour, `LAB`), three goods (`TEL`
 * telecom, digital; `GDS` goods, digitally orderable; `SRV` services), no trade, no indirect taxes,
 * households by location × access with direct taxes and savings, government and investment.
 * With labour the numeraire (pf = 1) and the exchange rate fixed, value added is Y = TFP·F, so
 * py = 1/TFP, prices solve the Leontief price system pq = A'·pq + ay/TFP, incomes are pf·FFH, and
 * quantities follow from the LES demands and the Leontief quantity system — every channel's
 * comparative statics in closed form.
 */
export const GOODS = ['TEL', 'GDS', 'SRV'] as const;
export const HOUSEHOLDS = ['URB_CON', 'URB_UNC', 'RUR_CON', 'RUR_UNC'] as const;

/** Intermediate use X(i,j), rows i, columns j in GOODS order. */
export const INTERMEDIATE: readonly (readonly number[])[] = [
  [1, 2, 3],
  [0.5, 6, 4],
  [1, 3, 5],
];
/** Each group's share of labour income, direct-tax rate, saving rate and budget shares (GOODS order). */
export const GROUPS = {
  URB_CON: { labour: 0.35, taud: 0.08, ssp: 0.15, budget: [0.1, 0.4, 0.5] },
  URB_UNC: { labour: 0.15, taud: 0.04, ssp: 0.08, budget: [0.04, 0.5, 0.46] },
  RUR_CON: { labour: 0.2, taud: 0.05, ssp: 0.1, budget: [0.08, 0.5, 0.42] },
  RUR_UNC: { labour: 0.3, taud: 0.02, ssp: 0.05, budget: [0.03, 0.6, 0.37] },
} as const;
const INCOME = 100;
const GOV_SAVING_RATE = 0.1;
const GOV_SHARES = [0.05, 0.25, 0.7];
const INV_SHARES = [0.1, 0.5, 0.4];

/** The balanced SAM of the economy (rows receive, columns pay). */
export function oneFactorSam(): SamInput {
  const labels = [...GOODS, 'LAB', 'IDT', 'TRF', ...HOUSEHOLDS, 'GOV', 'INV', 'EXT'];
  const n = labels.length;
  const v = new Float64Array(n * n);
  const k = (l: string) => labels.indexOf(l);
  const add = (r: string, c: string, x: number) => (v[k(r) * n + k(c)] += x);
  const fd = [0, 0, 0];
  let td = 0;
  let sp = 0;
  for (const h of HOUSEHOLDS) {
    const g = GROUPS[h];
    const y = g.labour * INCOME;
    add(h, 'LAB', y);
    add('GOV', h, g.taud * y);
    add('INV', h, g.ssp * y);
    td += g.taud * y;
    sp += g.ssp * y;
    g.budget.forEach((b, i) => {
      add(GOODS[i]!, h, b * (1 - g.taud - g.ssp) * y);
      fd[i]! += b * (1 - g.taud - g.ssp) * y;
    });
  }
  const sg = GOV_SAVING_RATE * td;
  add('INV', 'GOV', sg);
  GOODS.forEach((g, i) => {
    add(g, 'GOV', GOV_SHARES[i]! * (td - sg));
    add(g, 'INV', INV_SHARES[i]! * (sp + sg));
    fd[i]! += GOV_SHARES[i]! * (td - sg) + INV_SHARES[i]! * (sp + sg);
  });
  GOODS.forEach((j, c) => {
    GOODS.forEach((i, r) => add(i, j, INTERMEDIATE[r]![c]!));
    const output = INTERMEDIATE[c]!.reduce((s, x) => s + x, 0) + fd[c]!;
    const inputs = INTERMEDIATE.reduce((s, row) => s + row[c]!, 0);
    if (!(output - inputs > 0)) throw new Error(`fixture: ${j} has no value added`);
    add('LAB', j, output - inputs);
  });
  return { accounts: labels.map((label) => ({ label })), values: v };
}

/** Parameter file of the economy; `channels` given by the caller. */
export function oneFactorParams(channels: Record<string, unknown> = {}): Record<string, unknown> {
  const by = (x: number[]) => Object.fromEntries(GOODS.map((g, i) => [g, x[i]]));
  return {
    households: {
      URB_CON: { location: 'urban', connected: true },
      URB_UNC: { location: 'urban', connected: false },
      RUR_CON: { location: 'rural', connected: true },
      RUR_UNC: { location: 'rural', connected: false },
    },
    factors: ['LAB'],
    labour: ['LAB'],
    digital_goods: ['TEL'],
    orderable_goods: ['GDS'],
    telecom: 'TEL',
    armington_elasticity: by([2, 2, 2]),
    transformation_elasticity: by([2, 2, 2]),
    va_elasticity: by([0.8, 0.8, 0.8]),
    income_elasticity: by([1.4, 0.9, 1.1]),
    frisch: { URB_CON: -1.8, URB_UNC: -2.2, RUR_CON: -2.2, RUR_UNC: -2.8 },
    population: { URB_CON: 2.2e6, URB_UNC: 0.8e6, RUR_CON: 2.0e6, RUR_UNC: 2.5e6 },
    channels,
  };
}
