import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { NumericError } from '../../errors.js';

/** Results of one model evaluation: named scalar outcomes (e.g. `GDP`, `EV:RUR_CON`). */
export type SampleResult = Record<string, number>;

/** Evaluates the model at one sample of the uncertain parameters. */
export type Evaluator = (sample: Float64Array) => SampleResult | Promise<SampleResult>;

/**
 * What an evaluator module exports: `createEvaluator(setup)` runs once per worker thread (compile
 * and calibrate the model there) and returns the function evaluated at each sample. The setup must
 * be structured-cloneable.
 */
export interface EvaluatorModule<Setup> {
  createEvaluator(setup: Setup): Evaluator | Promise<Evaluator>;
}

/** @internal message to a worker */
export interface WorkerRequest {
  index: number;
  sample: number[];
}
/** @internal message from a worker */
export type WorkerReply = { index: number; result: SampleResult } | { index: number; error: string };

/**
 * Worker threads used for `total` samples: the number asked for (default: all cores), capped at the
 * cores available and at the number of samples, at least one. More threads than cores only add
 * memory (each worker compiles its own model), never speed.
 */
export function workerCount(asked: number | undefined, total: number): number {
  const cores = availableParallelism();
  return Math.max(1, Math.min(asked ?? cores, cores, total));
}

/** Options of {@link evaluateSamples}. */
export interface EvaluateSamplesOptions<Setup> {
  /** URL of the evaluator module (`new URL('./my-evaluator.ts', import.meta.url).href`). */
  moduleUrl: string;
  /** Data every worker receives once. */
  setup: Setup;
  /** The samples, one row of parameter values each. */
  samples: readonly Float64Array[];
  /** Worker threads (default and upper bound: the machine's available parallelism; at most the number of samples). */
  workers?: number;
  /** Called after each sample with the count done and the total. */
  onProgress?: (done: number, total: number) => void;
}

/** The outcome of one sample: its results, or the reason the model could not be solved there. */
export type SampleOutcome = { ok: true; result: SampleResult } | { ok: false; error: string };

/**
 * Evaluates a model at many samples of its uncertain parameters on worker threads, in parallel.
 * Outcomes come back in sample order whatever order the workers finish in, so the same samples give
 * the same results. A sample whose evaluation fails is returned with its error (never silently
 * dropped); a worker that cannot start is a {@link NumericError}.
 */
export async function evaluateSamples<Setup>(options: EvaluateSamplesOptions<Setup>): Promise<SampleOutcome[]> {
  const total = options.samples.length;
  const outcomes: (SampleOutcome | undefined)[] = new Array(total);
  if (total === 0) return [];
  const nWorkers = workerCount(options.workers, total);
  const bootstrap = new URL('./worker-bootstrap.mjs', import.meta.url);
  let next = 0;
  let done = 0;
  const workers: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      let finished = 0;
      const feed = (w: Worker): boolean => {
        if (next >= total) return false;
        const index = next++;
        w.postMessage({ index, sample: Array.from(options.samples[index]!) } satisfies WorkerRequest);
        return true;
      };
      for (let k = 0; k < nWorkers; k++) {
        const w = new Worker(bootstrap, { workerData: { moduleUrl: options.moduleUrl, setup: options.setup } });
        workers.push(w);
        w.on('message', (msg: WorkerReply | { ready: true } | { fatal: string }) => {
          if ('fatal' in msg) {
            reject(new NumericError('SSA_WORKER_FAILED', `a sensitivity-analysis worker could not start: ${msg.fatal}`));
            return;
          }
          if ('ready' in msg) {
            if (!feed(w) && ++finished === nWorkers) resolve();
            return;
          }
          outcomes[msg.index] = 'error' in msg ? { ok: false, error: msg.error } : { ok: true, result: msg.result };
          done++;
          options.onProgress?.(done, total);
          if (!feed(w) && ++finished === nWorkers) resolve();
        });
        w.on('error', (err) => reject(new NumericError('SSA_WORKER_FAILED', `a sensitivity-analysis worker failed: ${err.message}`)));
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return outcomes.map((o, i) => o ?? { ok: false, error: `sample ${i} was not evaluated` });
}
