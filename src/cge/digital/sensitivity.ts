/**
 * Systematic sensitivity analysis of a digital-divide scenario over the elasticities and channel
 * parameters whose distributions the scenario file gives: Latin-hypercube Monte Carlo (seeded) or
 * Stroud order-3 quadrature, evaluated on worker threads by {@link runSensitivity}.
 * @module
 */
import { UsageError } from '../../errors.js';
import { runSensitivity, type SensitivityResult } from '../ssa/sensitivity.js';
import type { Distribution } from '../ssa/distributions.js';
import type { DdcgeDatabase } from './database.js';
import { mulberry32 as seededUniform } from '../../util/random.js';
import { formatResult } from './report.js';
import { formatCsv } from '../../util/csv.js';
import type { DigitalScenario } from './scenarios.js';
import type { DigitalSsaSetup } from './ssa-evaluator.js';

/** Options of {@link digitalSensitivity}. */
export interface DigitalSensitivityOptions {
  method: 'monte-carlo' | 'quadrature';
  /** Monte Carlo draws (default: the scenario's `uncertainty.draws`, else 1000). */
  draws?: number;
  /** Seed (default: the scenario's `uncertainty.seed`, else 1). */
  seed?: number;
  workers?: number;
  onProgress?: (done: number, total: number) => void;
}

/** Runs the sensitivity analysis of one scenario on one database. */
export async function digitalSensitivity(
  db: DdcgeDatabase,
  scenario: DigitalScenario,
  options: DigitalSensitivityOptions,
): Promise<SensitivityResult> {
  const unc = scenario.uncertainty;
  if (!unc || unc.parameters.length === 0) {
    throw new UsageError(
      'SSA_NO_PARAMETERS',
      `scenario ${scenario.name} gives no uncertain parameters (add "uncertainty": {"parameters": [...]})`,
      { jsonPath: '/uncertainty' },
    );
  }
  const setup: DigitalSsaSetup = {
    area: db.area,
    labels: db.sam.accounts.map((a) => a.label),
    values: Array.from(db.sam.values),
    params: db.params,
    baseline: db.baseline,
    scenario,
    names: unc.parameters.map((p) => p.name),
  };
  return runSensitivity<DigitalSsaSetup>({
    parameters: unc.parameters.map((p) => ({ name: p.name, distribution: p.distribution as Distribution })),
    method: options.method,
    draws: options.draws ?? unc.draws ?? 1000,
    uniform: seededUniform(options.seed ?? unc.seed ?? 1),
    // the evaluator next to this module: .ts from the sources, .js from the compiled package
    moduleUrl: new URL(`./ssa-evaluator${import.meta.url.slice(import.meta.url.lastIndexOf('.'))}`, import.meta.url).href,
    setup,
    ...(options.workers !== undefined ? { workers: options.workers } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
}

/** The SSA table: one row per outcome with mean, sd and the 5/50/95 % bands (empty for quadrature). */
export function sensitivityTable(area: string, scenario: string, r: SensitivityResult): string {
  const rows = Object.keys(r.summaries)
    .sort()
    .map((k) => {
      const s = r.summaries[k]!;
      const pc = (q: number) => s.percentiles[q];
      return [area, scenario, r.method, r.samples, r.failures.length, k, s.mean, s.sd, pc(5), pc(50), pc(95)];
    });
  return formatCsv(['area', 'scenario', 'method', 'samples', 'failures', 'outcome', 'mean', 'sd', 'p5', 'p50', 'p95'], rows, formatResult);
}
