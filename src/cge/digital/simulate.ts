/**
 * Simulating a digital-divide scenario on a ddcge database: replicate the benchmark (fail loudly
 * if it does not), translate the scenario, solve, and gather the headline results — real GDP, EV
 * per household group and per capita, the connected/unconnected and urban/rural per-capita income
 * gaps before and after, sector output and prices, employment and wages by skill, the digital
 * economy's share of GDP (direct and induced by hypothetical extraction), trade.
 *
 * Money in the database's unit (US$ million for the ASEAN databases) at benchmark prices unless
 * said; populations in persons; per-capita figures in US$ (money unit / `moneyUnitPerUsd`).
 * @module
 */
import { ModelError, NumericError } from '../../errors.js';
import { digitalValueAdded } from '../../multipliers/digital-economy.js';
import { industryByIndustry, type SupplyUse } from '../../multipliers/industry-by-industry.js';
import { replicationCheck } from '../checks.js';
import { applyShocks } from '../scenario.js';
import { levelReader, prepareModel, runScenario, type PreparedModel, type ScenarioResult, type CgeSolution } from '../run.js';
import type { DdcgeDatabase } from './database.js';
import { ddcge } from './ddcge.js';
import { translateDigitalScenario, type DigitalScenario, type TranslatedScenario } from './scenarios.js';
import { ddcgeWelfare, type GroupWelfare } from './welfare.js';
import { whySignsDisagree, type SignInputs } from './signs.js';

/** Benchmark replication of a database. */
export interface ReplicationSummary {
  passed: boolean;
  initialResidual: number;
  benchmarkIterations: number;
  samMaxDiff: number;
  samWorstCell: string;
}

/** Per-capita income gap: ratio of the better-off group's per-capita income to the other's. */
export interface IncomeGap {
  ratioBase: number;
  ratio: number;
}

/** One good's results. */
export interface SectorResult {
  good: string;
  outputBase: number;
  outputPct: number;
  pricePct: number;
  valueAddedBase: number;
  valueAdded: number;
  exportsBase: number;
  exportsPct: number;
  importsBase: number;
  importsPct: number;
}

/** One factor's results. */
export interface FactorResult {
  factor: string;
  /** Employment in efficiency units (benchmark value units). */
  employmentBase: number;
  employment: number;
  /** Wage (price per efficiency unit) relative to the numeraire, % change. */
  wagePct: number;
  /** Real wage: wage deflated by the consumer price index, % change. */
  realWagePct: number;
}

/**
 * The digital economy (ADB 2021, "Capturing the Digital Economy") as shares of gross value added at
 * basic prices: the digital industries' own value added (direct) and the value added they induce
 * in the other industries along their domestic backward linkages (induced), computed exactly as the
 * multipliers stage does on the SAM (industry-by-industry.ts: import proportionality, value added
 * = factor income + production tax). At the benchmark both give the same numbers.
 */
export interface DigitalShare {
  directBase: number;
  direct: number;
  inducedBase: number;
  induced: number;
}

/** Results of one scenario on one database. */
export interface DigitalResults {
  area: string;
  scenario: string;
  /** Year of the database's connectivity baseline (HH7 and population). */
  baseYear: string;
  /** What the database was built from: the SAM file and the files of the baseline observations. */
  vintage: string;
  closure: string;
  statements: string[];
  observations: string[];
  assumptions: string[];
  shocks: NonNullable<import('../scenario.js').CgeScenario['shocks']>;
  replication: ReplicationSummary;
  solve: { iterations: number; maxResidual: number; walrasResidual: number };
  gdp: { realBase: number; real: number; pct: number };
  /** Consumer price index (base 1). */
  cpi: number;
  welfare: (GroupWelfare & { evPctOfSpending: number })[];
  /** Σ over groups of per-capita EV × population after: mixes in the composition change when people move between groups (movers lower a group's average). */
  evTotal: number;
  evPerCapita: number;
  /**
   * Change in all households' money-metric consumption at benchmark prices:
   * Σ_h N1_h·(e0_h + EV_h) − Σ_h N0_h·e0_h (e0 base spending per capita). Free of the composition
   * artefact of `evTotal`: people who move are counted at their group's money metric before and after.
   */
  evAggregate: number;
  evAggregatePerCapita: number;
  /** `urbanRural` is null for an urban-only economy (Singapore: no rural households). */
  gaps: { connectedUnconnected: IncomeGap; urbanRural: IncomeGap | null };
  sectors: SectorResult[];
  factors: FactorResult[];
  digitalShare: DigitalShare;
  trade: { exportsBase: number; exports: number; importsBase: number; imports: number };
}

/** A prepared database: compiled model and benchmark, reused across scenarios. */
export interface PreparedDatabase {
  db: DdcgeDatabase;
  prep: PreparedModel;
  benchmark: CgeSolution;
  replication: ReplicationSummary;
}

/** Calibrates and compiles a database and replicates its benchmark; throws when it does not replicate. */
export function prepareDatabase(db: DdcgeDatabase): PreparedDatabase {
  const prep = prepareModel(ddcge, db.sam, db.params, {}, db.sam.file);
  let scale = 0;
  for (const v of db.sam.values) scale = Math.max(scale, Math.abs(v));
  const rep = replicationCheck(prep, 1e-10 * Math.max(1, scale), 1e-9 * Math.max(1, scale));
  const replication: ReplicationSummary = {
    passed: rep.passed,
    initialResidual: rep.initialResidual,
    benchmarkIterations: rep.benchmarkIterations,
    samMaxDiff: rep.samMaxDiff,
    samWorstCell: rep.samWorstCell,
  };
  if (!rep.passed) {
    throw new ModelError(
      'BENCHMARK_NOT_REPLICATED',
      `${db.area}: the ddcge benchmark does not replicate its SAM (largest initial residual ${rep.initialResidual.toExponential(3)} in ${rep.initialWorst}, SAM difference ${rep.samMaxDiff.toExponential(3)} at ${rep.samWorstCell})`,
      { ...(db.sam.file ? { file: db.sam.file } : {}), equation: rep.initialWorst },
    );
  }
  return { db, prep, benchmark: rep.benchmark, replication };
}

/** Runs one digital scenario on a prepared database. */
export function simulateScenario(pd: PreparedDatabase, scenario: DigitalScenario, file?: string): DigitalResults {
  const { prep, benchmark, db } = pd;
  const t: TranslatedScenario = translateDigitalScenario(prep, db.baseline, scenario, file);
  const result = runScenario(prep, benchmark, t.scenario, file);
  const { p } = applyShocks(prep.compiled, t.scenario, prep.p0, file);
  const x = Float64Array.from(result.variables.map((v) => v.level));
  return describeDigital(pd, t, result, x, p);
}

/** Builds the result record from a solved scenario. */
export function describeDigital(
  pd: PreparedDatabase,
  t: TranslatedScenario,
  result: ScenarioResult,
  x: Float64Array,
  p: Float64Array,
): DigitalResults {
  const { prep, benchmark, db } = pd;
  const m = prep.calibrated.model;
  const cm = prep.compiled;
  const L0 = levelReader(cm, benchmark.x);
  const L1 = levelReader(cm, x);
  const par = (v: Float64Array, name: string, index: readonly string[] = []) =>
    v[cm.params.offset.get(name)! + m.flatIndex(m.getParameter(name), index)]!;
  const goods = m.getSet('i').elements;
  const factors = m.getSet('f').elements;
  const hh = m.getSet('hh').elements;
  const con = new Set(m.getSet('hcon').elements);
  const digital = m.getSet('dig').elements;
  // consumer price index: household consumption weights at base
  const w = goods.map((i) => hh.reduce((s, h) => s + L0('XH', [i, h]), 0));
  const wsum = w.reduce((s, v) => s + v, 0);
  const cpi = goods.reduce((s, i, k) => s + (w[k]! / wsum) * L1('pq', [i]), 0);
  const welfare = ddcgeWelfare(prep, benchmark, { ...benchmark, x }, p).map((g) => ({
    ...g,
    evPctOfSpending: g.spendingPerCapitaBase > 0 ? (100 * g.evPerCapita) / g.spendingPerCapitaBase : 0,
  }));
  const evTotal = welfare.reduce((s, g) => s + g.ev, 0);
  const popAfter = welfare.reduce((s, g) => s + g.population, 0);
  const evAggregate = welfare.reduce(
    (s, g) => s + g.population * (g.spendingPerCapitaBase + g.evPerCapita) - g.populationBase * g.spendingPerCapitaBase,
    0,
  );
  const gap = (better: (h: string) => boolean): IncomeGap => {
    const pc = (L: typeof L0, v: Float64Array, pick: (h: string) => boolean) => {
      const hs = hh.filter(pick);
      return hs.reduce((s, h) => s + L('YH', [h]), 0) / hs.reduce((s, h) => s + par(v, 'POP', [h]), 0);
    };
    return {
      ratioBase: pc(L0, prep.p0, better) / pc(L0, prep.p0, (h) => !better(h)),
      ratio: pc(L1, p, better) / pc(L1, p, (h) => !better(h)),
    };
  };
  const hhAttrs = (db.params.households ?? {}) as Record<string, { location: string }>;
  const pct = (a: number, b: number) => (b === 0 ? 0 : 100 * (a / b - 1));
  const va = (L: typeof L0, j: string) => factors.reduce((s, f) => s + L('pf', [f]) * L('F', [f, j]), 0);
  const sectors: SectorResult[] = goods.map((j) => ({
    good: j,
    outputBase: L0('Z', [j]),
    outputPct: pct(L1('Z', [j]), L0('Z', [j])),
    pricePct: pct(L1('pq', [j]), L0('pq', [j])),
    valueAddedBase: va(L0, j),
    valueAdded: va(L1, j),
    exportsBase: L0('E', [j]),
    exportsPct: pct(L1('E', [j]), L0('E', [j])),
    importsBase: L0('M', [j]),
    importsPct: pct(L1('M', [j]), L0('M', [j])),
  }));
  const factorResults: FactorResult[] = factors.map((f) => {
    const e0 = goods.reduce((s, j) => s + L0('F', [f, j]), 0);
    const e1 = goods.reduce((s, j) => s + L1('F', [f, j]), 0);
    return {
      factor: f,
      employmentBase: e0,
      employment: e1,
      wagePct: pct(L1('pf', [f]), L0('pf', [f])),
      realWagePct: pct(L1('pf', [f]) / cpi, L0('pf', [f])),
    };
  });
  const share = (L: typeof L0) => {
    // the ADB measure of the multipliers stage, on the model's flows: one good = one industry,
    // output at basic prices pz·Z + Tz, domestic share of each good's domestic uses pd·D / pq·Q
    const n = goods.length;
    const xo = Float64Array.from(goods, (j) => L('pz', [j]) * L('Z', [j]) + L('Tz', [j]));
    const V = new Float64Array(n * n);
    const U = new Float64Array(n * n);
    goods.forEach((j, c) => {
      V[c * n + c] = xo[c]!;
      goods.forEach((i, r) => (U[r * n + c] = L('pq', [i]) * L('X', [i, j])));
    });
    const su: SupplyUse = {
      industries: goods,
      commodities: goods,
      V: { rows: n, cols: n, data: V },
      U: { rows: n, cols: n, data: U },
      g: xo,
      supply: Float64Array.from(goods, (i) => L('pq', [i]) * L('Q', [i]) + L('pe', [i]) * L('E', [i])),
      exports: Float64Array.from(goods, (i) => L('pe', [i]) * L('E', [i])),
    };
    const Z = industryByIndustry(su).Z;
    const A = new Float64Array(n * n);
    for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) A[r * n + c] = Z.data[r * n + c] / xo[c]!;
    const v = Float64Array.from(goods, (j, c) => (va(L, j) + L('Tz', [j])) / xo[c]!);
    const d = digitalValueAdded(
      { rows: n, cols: n, data: A },
      xo,
      v,
      digital.map((g) => goods.indexOf(g)),
      goods,
    );
    return { direct: d.direct / d.gdp, induced: d.induced / d.gdp };
  };
  const s0 = share(L0);
  const s1 = share(L1);
  const total = (L: typeof L0, name: string) => goods.reduce((s, j) => s + L(name, [j]), 0);
  const out: DigitalResults = {
    area: db.area,
    scenario: t.scenario.name,
    baseYear: db.record?.baseYear ?? db.baseline.year,
    vintage: databaseVintage(db),
    closure: result.closure,
    statements: t.statements,
    observations: t.observations,
    assumptions: t.assumptions,
    shocks: t.scenario.shocks ?? [],
    replication: pd.replication,
    solve: { iterations: result.iterations, maxResidual: result.maxResidual, walrasResidual: result.walrasResidual },
    gdp: { realBase: result.gdp.realBase, real: result.gdp.real, pct: pct(result.gdp.real, result.gdp.realBase) },
    cpi,
    welfare,
    evTotal,
    evPerCapita: evTotal / popAfter,
    evAggregate,
    evAggregatePerCapita: evAggregate / popAfter,
    gaps: {
      connectedUnconnected: gap((h) => con.has(h)),
      urbanRural: hh.some((h) => hhAttrs[h]?.location === 'rural') ? gap((h) => hhAttrs[h]?.location === 'urban') : null,
    },
    sectors,
    factors: factorResults,
    digitalShare: { directBase: s0.direct, direct: s1.direct, inducedBase: s0.induced, induced: s1.induced },
    trade: { exportsBase: total(L0, 'E'), exports: total(L1, 'E'), importsBase: total(L0, 'M'), imports: total(L1, 'M') },
  };
  assertFinite(out, `${db.area}/${t.scenario.name}`);
  return out;
}

/**
 * The data vintage of a database in one line: its SAM file and the files (with their periods) of
 * the observations its connectivity baseline was taken from.
 */
export function databaseVintage(db: DdcgeDatabase): string {
  if (!db.record) return `baseline ${db.baseline.year}; the database carries no provenance record`;
  const files = [...new Set(db.record.observations.map((o) => o.replace(/^.*@/, '').replace(/:\d+$/, '')))].sort();
  return `SAM ${db.record.samFile} (US$ million); baseline ${db.record.baseYear} observations from ${files.join(', ')}`;
}

function assertFinite(x: unknown, where: string, path = ''): void {
  if (typeof x === 'number') {
    if (!Number.isFinite(x)) throw new NumericError('RESULT_NOT_FINITE', `${where}: result ${path} is ${x}`, { jsonPath: path });
  } else if (Array.isArray(x)) x.forEach((v, k) => assertFinite(v, where, `${path}/${k}`));
  else if (x && typeof x === 'object') for (const [k, v] of Object.entries(x)) assertFinite(v, where, `${path}/${k}`);
}

/** One paragraph summarising a scenario's headline results (money in US$ when the SAM is in US$ million). */
export function summariseDigital(r: DigitalResults, usdPerUnit = 1e6): string {
  const f = (x: number, d = 2) => x.toFixed(d);
  const ev = r.welfare.map((g) => `${g.household} ${f(g.evPerCapita * usdPerUnit, 1)}`).join(', ');
  const cu = r.gaps.connectedUnconnected;
  const ur = r.gaps.urbanRural;
  return (
    `${r.area}, ${r.scenario} (database baseline ${r.baseYear}; ${r.vintage}): ${r.statements.join('; ') || 'explicit shocks'}. Benchmark replicated (SAM difference ${r.replication.samMaxDiff.toExponential(1)} US$ million). ` +
    `Real GDP at market prices ${r.gdp.pct >= 0 ? '+' : ''}${f(r.gdp.pct, 3)} %; households' money-metric gain ${f(r.evAggregate, 1)} US$ million, ${f(r.evAggregatePerCapita * usdPerUnit, 2)} US$ per person ` +
    `(sum of group EVs ${f(r.evTotal, 1)} US$ million, lowered by the changed make-up of groups); ` +
    `EV per person (US$): ${ev}. Per-capita income ratio connected/unconnected ${f(cu.ratioBase, 3)} → ${f(cu.ratio, 3)}${ur ? `, urban/rural ${f(ur.ratioBase, 3)} → ${f(ur.ratio, 3)}` : ' (no rural households)'}. ` +
    `Digital industries' value added ${f(100 * r.digitalShare.directBase)} → ${f(100 * r.digitalShare.direct)} % of gross value added at basic prices (plus ${f(100 * r.digitalShare.inducedBase)} → ${f(100 * r.digitalShare.induced)} % induced along domestic backward linkages). ` +
    (whySignsDisagree(signInputs(r)) ?? '')
  ).trimEnd();
}

/** The figures of a run that {@link whySignsDisagree} explains from. */
export function signInputs(r: DigitalResults): SignInputs {
  return {
    gdpPct: r.gdp.pct,
    evAggregate: r.evAggregate,
    groups: r.welfare.map((g) => ({
      household: g.household,
      gain: g.population * (g.spendingPerCapitaBase + g.evPerCapita) - g.populationBase * g.spendingPerCapitaBase,
    })),
    factors: r.factors.map((f) => ({
      factor: f.factor,
      employmentBase: f.employmentBase,
      employment: f.employment,
      realWagePct: f.realWagePct,
    })),
  };
}
