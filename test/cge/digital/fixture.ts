import type { SamInput } from '../../../src/cge/sam-input.js';

/**
 * A small ddcge SAM balanced by construction (rows receive, columns pay): every flow is chosen,
 * then exports close each good's row, which balances the whole matrix (the rest of the world's
 * account closes by Walras' law). Goods: AGR, MAN, ICT, TEL, SRV; labour LAB_DS, LAB_OT; CAP;
 * households URB_CON, URB_UNC, RUR_CON, RUR_UNC.
 */
export function ddcgeTestSam(): SamInput {
  const goods = ['AGR', 'MAN', 'ICT', 'TEL', 'SRV'];
  const factors = ['LAB_DS', 'LAB_OT', 'CAP'];
  const hh = ['URB_CON', 'URB_UNC', 'RUR_CON', 'RUR_UNC'];
  const labels = [...goods, ...factors, 'IDT', 'TRF', ...hh, 'GOV', 'INV', 'EXT'];
  const n = labels.length;
  const v = new Float64Array(n * n);
  const k = (l: string) => labels.indexOf(l);
  const set = (r: string, c: string, x: number) => (v[k(r) * n + k(c)] = x);
  const get = (r: string, c: string) => v[k(r) * n + k(c)]!;
  // intermediate use X(i,j)
  const X: Record<string, number[]> = {
    AGR: [10, 20, 0.5, 0.2, 4],
    MAN: [8, 40, 6, 3, 12],
    ICT: [0.5, 3, 4, 5, 4],
    TEL: [0.3, 1.5, 1, 3, 5],
    SRV: [5, 15, 3, 4, 20],
  };
  goods.forEach((i) => goods.forEach((j, c) => set(i, j, X[i]![c]!)));
  // value added F(f,j); agriculture uses no digitally skilled labour
  const F: Record<string, number[]> = { LAB_DS: [0, 6, 5, 4, 30], LAB_OT: [42, 30, 3, 3, 45], CAP: [28, 36, 6, 10, 40] };
  factors.forEach((f) => goods.forEach((j, c) => set(f, j, F[f]![c]!)));
  goods.forEach((j, c) => {
    set('IDT', j, [1, 4, 1, 1.5, 3][c]!);
    set('EXT', j, [6, 35, 12, 1, 5][c]!);
    set('TRF', j, [0.6, 2.5, 0.3, 0, 0.2][c]!);
  });
  // factor ownership shares by household (rows: factor; columns: households)
  const own: Record<string, number[]> = { LAB_DS: [0.6, 0.1, 0.25, 0.05], LAB_OT: [0.2, 0.3, 0.15, 0.35], CAP: [0.4, 0.2, 0.2, 0.2] };
  for (const f of factors) {
    const total = goods.reduce((s, j) => s + get(f, j), 0);
    hh.forEach((h, c) => set(h, f, own[f]![c]! * total));
  }
  // households: direct tax and savings rates, consumption by budget shares
  const budget: Record<string, number[]> = {
    URB_CON: [0.12, 0.3, 0.08, 0.08, 0.42],
    URB_UNC: [0.22, 0.35, 0.03, 0.02, 0.38],
    RUR_CON: [0.25, 0.3, 0.06, 0.06, 0.33],
    RUR_UNC: [0.35, 0.32, 0.02, 0.01, 0.3],
  };
  hh.forEach((h, c) => {
    const income = factors.reduce((s, f) => s + get(h, f), 0);
    const td = [0.08, 0.04, 0.05, 0.02][c]! * income;
    const sp = [0.15, 0.08, 0.1, 0.05][c]! * income;
    set('GOV', h, td);
    set('INV', h, sp);
    goods.forEach((i, g) => set(i, h, budget[h]![g]! * (income - td - sp)));
  });
  set(
    'GOV',
    'IDT',
    goods.reduce((s, j) => s + get('IDT', j), 0),
  );
  set(
    'GOV',
    'TRF',
    goods.reduce((s, j) => s + get('TRF', j), 0),
  );
  const revenue = ['IDT', 'TRF', ...hh].reduce((s, a) => s + get('GOV', a), 0);
  const sg = 0.1 * revenue;
  set('INV', 'GOV', sg);
  const gshares = [0.05, 0.2, 0.05, 0.05, 0.65];
  goods.forEach((i, g) => set(i, 'GOV', gshares[g]! * (revenue - sg)));
  const sf = 6;
  set('INV', 'EXT', sf);
  const savings = [...hh, 'GOV', 'EXT'].reduce((s, a) => s + get('INV', a), 0);
  const vshares = [0.05, 0.45, 0.15, 0.1, 0.25];
  goods.forEach((i, g) => set(i, 'INV', vshares[g]! * savings));
  // exports close each good's row
  for (const i of goods) {
    const col = labels.reduce((s, r) => s + get(r, i), 0);
    const row = labels.reduce((s, c) => s + get(i, c), 0);
    if (col - row <= 0) throw new Error(`fixture: good ${i} would need negative exports (${col - row})`);
    set(i, 'EXT', col - row);
  }
  return { accounts: labels.map((label) => ({ label })), values: v };
}

/** Parameters for the test SAM; channels given by the caller. */
export function ddcgeTestParams(channels: Record<string, unknown> = {}): Record<string, unknown> {
  const goods = ['AGR', 'MAN', 'ICT', 'TEL', 'SRV'];
  const by = (x: number | number[]) => Object.fromEntries(goods.map((g, k) => [g, Array.isArray(x) ? x[k] : x]));
  return {
    households: {
      URB_CON: { location: 'urban', connected: true },
      URB_UNC: { location: 'urban', connected: false },
      RUR_CON: { location: 'rural', connected: true },
      RUR_UNC: { location: 'rural', connected: false },
    },
    factors: ['LAB_DS', 'LAB_OT', 'CAP'],
    labour: ['LAB_DS', 'LAB_OT'],
    digital_goods: ['ICT', 'TEL'],
    orderable_goods: ['MAN', 'ICT'],
    telecom: 'TEL',
    armington_elasticity: by([2, 2, 3, 1.5, 1.5]),
    transformation_elasticity: by([2, 2, 3, 1.5, 1.5]),
    va_elasticity: by(0.8),
    income_elasticity: by([0.6, 1, 1.4, 1.3, 1.1]),
    frisch: { URB_CON: -1.8, URB_UNC: -2.2, RUR_CON: -2.2, RUR_UNC: -2.8 },
    population: { URB_CON: 2.2e6, URB_UNC: 0.8e6, RUR_CON: 2.0e6, RUR_UNC: 2.5e6 },
    channels,
  };
}
