import { NumericError, UsageError } from '../../errors.js';
import { distributionProblem, type Distribution } from './distributions.js';
import { stroud3Samples } from './quadrature.js';
import { latinHypercubeSamples, type UniformSource } from './sampling.js';
import { evaluateSamples, type SampleResult } from './runner.js';
import { summarise, type ResultSummary } from './statistics.js';

/**
 * The largest number of Monte Carlo draws (as the scenario and composite-index schemas state): a
 * million model solves is days of computing; more is a typing error, not a plan.
 */
export const MAX_SSA_DRAWS = 1_000_000;

/** One uncertain parameter: a name (e.g. `sigma_q(TELECOM)`) and its distribution. */
export interface UncertainParameter {
  name: string;
  distribution: Distribution;
}

/** Options of {@link runSensitivity}. */
export interface SensitivityOptions<Setup> {
  parameters: readonly UncertainParameter[];
  /** `quadrature`: Stroud's 2n points (GEMPACK-style SSA); `monte-carlo`: Latin hypercube draws. */
  method: 'quadrature' | 'monte-carlo';
  /** Monte Carlo draws (ignored by quadrature). */
  draws?: number;
  /** Uniform random source for Monte Carlo (a seeded generator, for reproducible results). */
  uniform?: UniformSource;
  /** Evaluator module and its setup, run on worker threads (see {@link evaluateSamples}). */
  moduleUrl: string;
  setup: Setup;
  workers?: number;
  /** Percentile levels reported for Monte Carlo (default 5, 50, 95). */
  levels?: readonly number[];
  onProgress?: (done: number, total: number) => void;
}

/** Results of a systematic sensitivity analysis. */
export interface SensitivityResult {
  method: 'quadrature' | 'monte-carlo';
  /** Parameter names, in sample column order. */
  parameters: string[];
  /** Samples evaluated. */
  samples: number;
  /** Samples at which the model could not be solved, with the reason (Monte Carlo only: quadrature fails whole). */
  failures: { index: number; sample: number[]; error: string }[];
  /** Mean, standard deviation and bands of every outcome. */
  summaries: Record<string, ResultSummary>;
}

/**
 * Systematic sensitivity analysis of a model's results to uncertain parameters: draws samples
 * (Stroud quadrature or Latin hypercube Monte Carlo), evaluates the model at each on worker threads,
 * and summarises every outcome. Failed Monte Carlo samples are reported and left out of the
 * summaries; a failed quadrature point fails the analysis (its weights would no longer hold).
 */
export async function runSensitivity<Setup>(options: SensitivityOptions<Setup>): Promise<SensitivityResult> {
  if (options.parameters.length === 0)
    throw new UsageError('SSA_NO_PARAMETERS', 'sensitivity analysis needs at least one uncertain parameter');
  options.parameters.forEach((p, i) => {
    const problem = distributionProblem(p.distribution);
    if (problem) throw new UsageError('SSA_BAD_DISTRIBUTION', `${p.name}: ${problem}`, { jsonPath: `/parameters/${i}/distribution` });
  });
  const dists = options.parameters.map((p) => p.distribution);
  let samples: Float64Array[];
  if (options.method === 'quadrature') {
    samples = stroud3Samples(dists);
  } else {
    if (!options.uniform)
      throw new UsageError('SSA_NO_RANDOM_SOURCE', 'Monte Carlo sensitivity analysis needs a seeded uniform random source');
    const draws = options.draws ?? 1000;
    if (!Number.isInteger(draws) || draws < 1 || draws > MAX_SSA_DRAWS) {
      throw new UsageError('SSA_BAD_DRAWS', `the number of Monte Carlo draws must be an integer from 1 to ${MAX_SSA_DRAWS}, got ${draws}`);
    }
    samples = latinHypercubeSamples(dists, draws, options.uniform);
  }
  const outcomes = await evaluateSamples({
    moduleUrl: options.moduleUrl,
    setup: options.setup,
    samples,
    ...(options.workers !== undefined ? { workers: options.workers } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  const failures = outcomes.flatMap((o, index) => (o.ok ? [] : [{ index, sample: Array.from(samples[index]!), error: o.error }]));
  if (options.method === 'quadrature' && failures.length > 0) {
    const f = failures[0]!;
    throw new NumericError(
      'SSA_QUADRATURE_POINT_FAILED',
      `the model could not be solved at quadrature point ${f.index + 1} of ${samples.length} (${options.parameters
        .map((p, j) => `${p.name}=${f.sample[j]!.toPrecision(6)}`)
        .join(', ')}): ${f.error}`,
    );
  }
  const good = outcomes.flatMap((o) => (o.ok ? [o.result] : [])) as SampleResult[];
  if (good.length === 0)
    throw new NumericError(
      'SSA_ALL_SAMPLES_FAILED',
      `the model could not be solved at any of the ${samples.length} samples: ${failures[0]?.error}`,
    );
  const names = Object.keys(good[0]!).sort();
  const levels = options.method === 'monte-carlo' ? (options.levels ?? [5, 50, 95]) : [];
  const summaries: Record<string, ResultSummary> = {};
  for (const name of names) {
    const values = good.map((r) => r[name]!);
    summaries[name] = summarise(values, options.method === 'quadrature' ? values.map(() => 1 / values.length) : undefined, levels);
  }
  return { method: options.method, parameters: options.parameters.map((p) => p.name), samples: samples.length, failures, summaries };
}
