/**
 * The four connectivity channels against the closed-form equilibrium of a one-factor economy
 * (one-factor-fixture.ts): the shocks a population move gives are recomputed from the SAM and the
 * baseline, and the equilibrium from the Leontief price and quantity systems and the LES demands —
 * none of it from the model's equations. Magnitudes, not signs, are compared.
 */
import { describe, expect, it } from 'vitest';
import { prepareModel, runScenario, solveBenchmark, type ScenarioResult } from '../../../src/cge/run.js';
import { applyShocks } from '../../../src/cge/scenario.js';
import { connectivityScenario, connectivityShift, ddcge, ddcgeWelfare, type ConnectivityBaseline } from '../../../src/cge/digital/index.js';
import type { CgeScenario } from '../../../src/cge/scenario.js';
import { GOODS, HOUSEHOLDS, oneFactorParams, oneFactorSam } from './one-factor-fixture.js';

const BASELINE: ConnectivityBaseline = {
  area: 'TEST',
  year: '2022',
  urbanPopulation: 3.0e6,
  ruralPopulation: 4.5e6,
  urbanShare: 2.2 / 3.0,
  ruralShare: 2.0 / 4.5,
  provenance: [],
  assumptions: [],
};
/** Rural Internet use rises from 44.4 % to 70 %: 1.15 million rural people connect. */
const RURAL_TARGET = 0.7;
const MOVERS = (RURAL_TARGET - BASELINE.ruralShare) * BASELINE.ruralPopulation;

type H = (typeof HOUSEHOLDS)[number];
const n = GOODS.length;

/** Solves a small dense system by Gaussian elimination with partial pivoting. */
function solve(A: number[][], b: number[]): number[] {
  const m = A.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    const p = m.reduce((best, _, r) => (r >= c && Math.abs(m[r]![c]!) > Math.abs(m[best]![c]!) ? r : best), c);
    [m[c], m[p]] = [m[p]!, m[c]!];
    for (let r = c + 1; r < n; r++) {
      const f = m[r]![c]! / m[c]![c]!;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) x[r] = (m[r]![n]! - m[r]!.slice(r + 1, n).reduce((s, a, k) => s + a * x[r + 1 + k]!, 0)) / m[r]![r]!;
  return x;
}

/** The economy read straight from the SAM. */
function structure() {
  const sam = oneFactorSam();
  const labels = sam.accounts.map((a) => a.label);
  const N = labels.length;
  const S = (r: string, c: string) => sam.values[labels.indexOf(r) * N + labels.indexOf(c)]!;
  const Z0 = GOODS.map((j) => labels.reduce((s, r) => s + S(r, j), 0));
  const A = GOODS.map((i) => GOODS.map((j, c) => S(i, j) / Z0[c]!));
  const ay = GOODS.map((j, c) => S('LAB', j) / Z0[c]!);
  const dint = GOODS.map((j) => S('TEL', j) / GOODS.reduce((s, i) => s + S(i, j), 0));
  const YH0 = Object.fromEntries(HOUSEHOLDS.map((h) => [h, S(h, 'LAB')])) as Record<H, number>;
  const taud = Object.fromEntries(HOUSEHOLDS.map((h) => [h, S('GOV', h) / YH0[h]])) as Record<H, number>;
  const ssp = Object.fromEntries(HOUSEHOLDS.map((h) => [h, S('INV', h) / YH0[h]])) as Record<H, number>;
  const Td0 = HOUSEHOLDS.reduce((s, h) => s + S('GOV', h), 0);
  const ssg = S('INV', 'GOV') / Td0;
  const G0 = GOODS.reduce((s, i) => s + S(i, 'GOV'), 0);
  const V0 = GOODS.reduce((s, i) => s + S(i, 'INV'), 0);
  const mu = GOODS.map((i) => S(i, 'GOV') / G0);
  const lambda = GOODS.map((i) => S(i, 'INV') / V0);
  return { A, ay, dint, YH0, taud, ssp, ssg, mu, lambda };
}
const ECON = structure();

/** Model inputs of a scenario: populations, labour endowments, access, discount, TFP. */
interface Inputs {
  pop: Record<H, number>;
  ffh: Record<H, number>;
  acc: Record<H, number>;
  dpo: Record<H, number>;
  tfp: number[];
}

/** The scenario's inputs, derived by hand from the baseline, the SAM and the channel values. */
function handInputs(ch: { accq?: number; pdisc?: number; prem?: number; spill?: number }): Inputs {
  const pop0: Record<H, number> = { URB_CON: 2.2e6, URB_UNC: 0.8e6, RUR_CON: 2.0e6, RUR_UNC: 2.5e6 };
  const pop = { ...pop0, RUR_CON: pop0.RUR_CON + MOVERS, RUR_UNC: pop0.RUR_UNC - MOVERS };
  const carried = (MOVERS / pop0.RUR_UNC) * ECON.YH0.RUR_UNC;
  const ffh = { ...ECON.YH0, RUR_UNC: ECON.YH0.RUR_UNC - carried, RUR_CON: ECON.YH0.RUR_CON + carried * (1 + (ch.prem ?? 0)) };
  const newly = MOVERS / pop.RUR_CON;
  const zero = { URB_CON: 0, URB_UNC: 0, RUR_CON: 0, RUR_UNC: 0 };
  const con = (p: Record<H, number>) => (p.URB_CON + p.RUR_CON) / HOUSEHOLDS.reduce((s, h) => s + p[h], 0);
  const dCon = (con(pop) - con(pop0)) / con(pop0);
  return {
    pop,
    ffh,
    acc: { ...zero, RUR_CON: (ch.accq ?? 0) * newly },
    dpo: { ...zero, RUR_CON: (ch.pdisc ?? 0) * newly },
    tfp: ECON.dint.map((d) => 1 + (ch.spill ?? 0) * d * dCon),
  };
}

/** The closed-form equilibrium (labour the numeraire, pf = 1; TEL is the telecom good, GDS the orderable one). */
function equilibrium(x: Inputs, les: { bet: (i: number, h: H) => number; gam: (i: number, h: H) => number }) {
  const { A, ay, taud, ssp, ssg, mu, lambda } = ECON;
  const pq = solve(
    GOODS.map((_, j) => GOODS.map((_, i) => (i === j ? 1 : 0) - A[i]![j]!)),
    ay.map((a, j) => a / x.tfp[j]!),
  );
  const YH = x.ffh;
  const Td = HOUSEHOLDS.reduce((s, h) => s + taud[h] * YH[h], 0);
  const Sg = ssg * Td;
  const Sp = HOUSEHOLDS.reduce((s, h) => s + ssp[h] * YH[h], 0);
  const EH = Object.fromEntries(HOUSEHOLDS.map((h) => [h, (1 - taud[h] - ssp[h]) * YH[h]])) as Record<H, number>;
  const tel = GOODS.indexOf('TEL');
  const gds = GOODS.indexOf('GDS');
  const eff = (i: number, h: H) => pq[i]! * (i === gds ? 1 - x.dpo[h] : 1);
  const need = (i: number, h: H) => x.pop[h] * (les.gam(i, h) + (i === tel ? x.acc[h] : 0));
  const XH = Object.fromEntries(
    HOUSEHOLDS.map((h) => {
      const committed = GOODS.reduce((s, _, j) => s + eff(j, h) * need(j, h), 0);
      return [h, GOODS.map((_, i) => need(i, h) + (les.bet(i, h) * (EH[h] - committed)) / eff(i, h))];
    }),
  ) as Record<H, number[]>;
  const market = GOODS.map((_, i) => HOUSEHOLDS.reduce((s, h) => s + (i === gds ? 1 - x.dpo[h] : 1) * XH[h][i]!, 0));
  const fd = GOODS.map((_, i) => market[i]! + (mu[i]! * (Td - Sg)) / pq[i]! + (lambda[i]! * (Sp + Sg)) / pq[i]!);
  const Z = solve(
    GOODS.map((_, i) => GOODS.map((_, j) => (i === j ? 1 : 0) - A[i]![j]!)),
    fd,
  );
  const labourDemand = GOODS.reduce((s, _, j) => s + (ay[j]! * Z[j]!) / x.tfp[j]!, 0);
  // per-capita EV at benchmark prices (all 1): U = Π(q − γ)^β, e(p,U) = Σpγ + U·Π(p/β)^β
  const ev = (h: H, e0: number) => {
    const e1 = EH[h] / x.pop[h];
    const sub1 = GOODS.reduce((s, _, i) => s + eff(i, h) * les.gam(i, h), 0);
    const sub0 = GOODS.reduce((s, _, i) => s + les.gam(i, h), 0);
    const index = GOODS.reduce((s, _, i) => s * Math.pow(1 / eff(i, h), les.bet(i, h)), 1);
    return (e1 - sub1) * index + sub0 - e0;
  };
  return { pq, YH, XH, Z, realGdp: fd.reduce((s, v) => s + v, 0), labourDemand, ev };
}

function run(channels: Record<string, unknown>) {
  const prep = prepareModel(ddcge, oneFactorSam(), oneFactorParams(channels));
  const bench = solveBenchmark(prep);
  const shift = connectivityShift(BASELINE, { kind: 'use-reaches', urbanisation: 'R', percent: 100 * RURAL_TARGET });
  const scenario: CgeScenario = { ...connectivityScenario(prep, shift, 'rural push'), closure: 'fixed-exchange-rate' };
  const result = runScenario(prep, bench, scenario);
  const p = applyShocks(prep.compiled, scenario, prep.p0).p;
  const welfare = ddcgeWelfare(prep, bench, { ...bench, x: Float64Array.from(result.variables.map((v) => v.level)) }, p);
  const m = prep.calibrated.model;
  const les = { bet: (i: number, h: H) => m.param('bet', [GOODS[i]!, h]), gam: (i: number, h: H) => m.param('gam', [GOODS[i]!, h]) };
  return { scenario, result, welfare, les };
}

const level = (r: ScenarioResult, variable: string, ...index: string[]) =>
  r.variables.find((v) => v.variable === variable && v.index.join() === index.join())!.level;
const shock = (s: CgeScenario, parameter: string, ...index: string[]) =>
  s.shocks!.find((x) => x.parameter === parameter && (x.index ?? []).join() === index.join())?.set;
/** |a − b| within `rel` of `scale` (default |b|): a relative comparison, whatever the magnitude. */
const close = (a: number, b: number, rel = 1e-9, scale = Math.abs(b)) => expect(Math.abs(a - b)).toBeLessThanOrEqual(rel * scale);

/** Compares the model's solution with the closed form, variable by variable. */
function expectClosedForm(ch: Parameters<typeof handInputs>[0], channels: Record<string, unknown>) {
  const { scenario, result, welfare, les } = run(channels);
  const x = handInputs(ch);
  const eq = equilibrium(x, les);
  close(
    eq.labourDemand,
    HOUSEHOLDS.reduce((s, h) => s + x.ffh[h], 0),
  ); // Walras: the hand solution clears labour too
  GOODS.forEach((g, i) => {
    close(level(result, 'pq', g), eq.pq[i]!);
    close(level(result, 'Z', g), eq.Z[i]!);
    for (const h of HOUSEHOLDS) close(level(result, 'XH', g, h), eq.XH[h][i]!);
  });
  for (const h of HOUSEHOLDS) close(level(result, 'YH', h), eq.YH[h]);
  close(result.gdp.real, eq.realGdp);
  // EV per capita is a difference of money metrics of the size of spending per capita: compared to that
  for (const w of welfare) close(w.evPerCapita, eq.ev(w.household as H, w.spendingPerCapitaBase), 1e-9, w.spendingPerCapitaBase);
  return { scenario, result, eq, x };
}

describe('ddcge channels against the closed-form equilibrium of a one-factor economy', () => {
  it('no channel: people move with their endowments and the economy is where the closed form puts it', () => {
    const { scenario, eq } = expectClosedForm({}, {});
    close(shock(scenario, 'POP', 'RUR_CON')!, 2.0e6 + MOVERS);
    close(eq.realGdp, 100); // income is unchanged: the movers carry their labour
  });

  it('cost of access: telecom demand rises by POP·acc·(1 − β(TEL)), other goods fall by β·pq(TEL)·POP·acc/pq', () => {
    const accq = 4e-7;
    const { scenario, result, x } = expectClosedForm({ accq }, { access_quantity: accq });
    const acc = accq * (MOVERS / x.pop.RUR_CON);
    close(shock(scenario, 'acc', 'TEL', 'RUR_CON')!, acc);
    const off = run({}).result;
    const bet = run({}).les.bet;
    const dTel = level(result, 'XH', 'TEL', 'RUR_CON') - level(off, 'XH', 'TEL', 'RUR_CON');
    close(dTel, x.pop.RUR_CON * acc * (1 - bet(0, 'RUR_CON')), 1e-8);
    const dSrv = level(result, 'XH', 'SRV', 'RUR_CON') - level(off, 'XH', 'SRV', 'RUR_CON');
    close(dSrv, -(bet(2, 'RUR_CON') * level(off, 'pq', 'TEL') * x.pop.RUR_CON * acc) / level(off, 'pq', 'SRV'), 1e-8);
  });

  it('price discount: the connected group buys orderable goods at pq·(1 − dpo), needs (1 − dpo) market units each, and gains the closed-form EV', () => {
    const pdisc = 0.05;
    const { scenario, eq, x } = expectClosedForm({ pdisc }, { price_discount: pdisc });
    close(shock(scenario, 'dpo', 'GDS', 'RUR_CON')!, pdisc * (MOVERS / x.pop.RUR_CON));
    const off = equilibrium(handInputs({}), run({}).les);
    expect(eq.ev('RUR_CON', 0) - off.ev('RUR_CON', 0)).toBeGreaterThan(0);
  });

  it('productivity premium: real GDP rises by exactly the premium on the labour the movers carry', () => {
    const prem = 0.1;
    const { scenario, result } = expectClosedForm({ prem }, { productivity_premium: { LAB: prem } });
    const carried = (MOVERS / 2.5e6) * ECON.YH0.RUR_UNC;
    close(shock(scenario, 'FFH', 'LAB', 'RUR_CON')!, ECON.YH0.RUR_CON + carried * (1 + prem));
    close(result.gdp.real - 100, prem * carried, 1e-8);
  });

  it('TFP spillover: TFP = 1 + spill·dint·ΔCON/CON, prices fall as the Leontief price system says', () => {
    const spill = 0.2;
    const { scenario, eq, x } = expectClosedForm({ spill }, { spillover: spill });
    GOODS.forEach((g, j) => close(shock(scenario, 'TFP', g)!, x.tfp[j]!));
    expect(Math.max(...x.tfp)).toBe(x.tfp[GOODS.indexOf('TEL')]); // TEL has the highest digital input intensity
    expect(eq.pq.every((p) => p < 1)).toBe(true);
  });

  it('all four channels together', () => {
    expectClosedForm(
      { accq: 4e-7, pdisc: 0.05, prem: 0.1, spill: 0.2 },
      { access_quantity: 4e-7, price_discount: 0.05, productivity_premium: { LAB: 0.1 }, spillover: 0.2 },
    );
  });

  it('nominal GDP by expenditure (market units) equals factor income, also under a price discount', () => {
    const { result } = run({ price_discount: 0.05, spillover: 0.2 });
    const factorIncome = GOODS.reduce((s, j) => s + level(result, 'pf', 'LAB') * level(result, 'F', 'LAB', j), 0);
    close(result.gdp.nominal, factorIncome);
  });
});
