/**
 * Evaluator module of the digital-divide sensitivity analysis, loaded once per worker thread:
 * calibrates and compiles the database's model once, then at each draw recomputes only the
 * elasticity-dependent parameters ({@link ddcgeParameterVector}), translates the scenario under them
 * and solves from the benchmark levels.
 * @module
 */
import type { Evaluator } from '../ssa/runner.js';
import { prepareModel, type CgeSolution } from '../run.js';
import type { ConnectivityBaseline } from './connectivity.js';
import type { DdcgeDatabase } from './database.js';
import { ddcge } from './ddcge.js';
import { applyDraws, ddcgeParameterVector } from './recalibrate.js';
import type { DigitalScenario } from './scenarios.js';
import { simulateScenario, type DigitalResults, type PreparedDatabase } from './simulate.js';

/** What every worker receives (structured-cloneable). */
export interface DigitalSsaSetup {
  area: string;
  labels: string[];
  values: number[];
  params: Record<string, unknown>;
  baseline: ConnectivityBaseline;
  scenario: DigitalScenario;
  /** Uncertain parameter names, in sample column order. */
  names: string[];
}

/** The headline outcomes of one run, by name. */
export function headlineOutcomes(r: DigitalResults): Record<string, number> {
  const out: Record<string, number> = {
    gdp_real_pct: r.gdp.pct,
    ev_total: r.evTotal,
    ev_aggregate: r.evAggregate,
    ev_aggregate_per_capita: r.evAggregatePerCapita,
    ev_per_capita: r.evPerCapita,
    gap_connected_unconnected: r.gaps.connectedUnconnected.ratio,
    ...(r.gaps.urbanRural ? { gap_urban_rural: r.gaps.urbanRural.ratio } : {}),
    digital_va_share: r.digitalShare.direct,
  };
  for (const g of r.welfare) out[`ev_per_capita:${g.household}`] = g.evPerCapita;
  return out;
}

/** Builds the per-worker evaluator. */
export function createEvaluator(setup: DigitalSsaSetup): Evaluator {
  const sam = { accounts: setup.labels.map((label) => ({ label })), values: Float64Array.from(setup.values) };
  const prep = prepareModel(ddcge, sam, setup.params);
  const db: DdcgeDatabase = {
    area: setup.area,
    sam,
    params: setup.params,
    baseline: setup.baseline,
    record: setup.params.provenance as DdcgeDatabase['record'],
  };
  return (sample: Float64Array) => {
    const params = applyDraws(setup.params, setup.names, sample);
    const p0 = ddcgeParameterVector(prep, params);
    const drawPrep = { ...prep, p0 };
    const benchmark = {
      x: prep.x0,
      newton: { iterations: 0 },
      closure: prep.calibrated.closures.default,
      walrasResidual: 0,
    } as unknown as CgeSolution;
    const pd: PreparedDatabase = {
      db,
      prep: drawPrep,
      benchmark,
      replication: { passed: true, initialResidual: 0, benchmarkIterations: 0, samMaxDiff: 0, samWorstCell: '' },
    };
    return headlineOutcomes(simulateScenario(pd, setup.scenario));
  };
}
