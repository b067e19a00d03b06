/**
 * A small pool of worker threads that run the dense kernels on row or column ranges of matrices in
 * shared memory, so a synchronous caller (LU, the Leontief series) uses every core. The caller's
 * thread takes one share of each job and blocks (`Atomics.wait`) until the helpers finish theirs;
 * no promises, so the public functions stay synchronous. The helpers are started on first use and
 * `unref`-ed, so they never keep the process alive.
 * @module
 */
import { availableParallelism } from 'node:os';
import { NumericError } from '../../errors.js';
import { Worker } from 'node:worker_threads';
import { gemmUpdate } from './gemm.js';
import { inversePanel, panelUpdate } from './inverse-panel.js';
import { addRowTimesA } from './row-times.js';

/** Job codes understood by the helpers. */
const JOB_GEMM = 1;
const JOB_ROW_TIMES_A = 2;
const JOB_INVERSE = 3;
const JOB_STOP = 9;
// control words: 0 job sequence, 1 done count, 2 ready count, 3 job code, 4… parameters
const CTRL = 16;
/** Control word a helper sets when its job threw. */
const FAILED = 15;
/** Rows of C per grab in the shared LU update (even: the kernel takes rows in pairs). */
const ROWS = 32;
/** Columns per grab in the shared series product. */
const COLS = 256;
/** Work counter shared by the calling thread and the helpers: the next chunk to take. */
const work = new Int32Array(new SharedArrayBuffer(4));

interface Helper {
  worker: Worker;
  ctrl: Int32Array;
}

let helpers: Helper[] | null = null;
/** Set when helpers failed to start: the kernels then run on the calling thread only. */
let broken = false;

function workerSource(): string {
  return `
const { parentPort } = require('node:worker_threads');
// transpilers that keep function names (esbuild's keepNames, as under tsx) call __name in the source
const __name = (f) => f;
const gemmUpdate = ${gemmUpdate.toString()};
const addRowTimesA = ${addRowTimesA.toString()};
const panelUpdate = ${panelUpdate.toString()};
const inversePanel = ${inversePanel.toString()};
let a, b, c, work;
parentPort.on('message', (m) => {
  const ctrl = m.ctrl;
  a = m.a; b = m.b; c = m.c; work = m.work;
  // read the job sequence before saying ready: the caller may start a job right after
  let seq = Atomics.load(ctrl, 0);
  Atomics.add(ctrl, 2, 1);
  Atomics.notify(ctrl, 2);
  for (;;) {
    Atomics.wait(ctrl, 0, seq);
    seq = Atomics.load(ctrl, 0);
    const job = ctrl[3];
    if (job === ${JOB_STOP}) break;
    try {
    if (job === ${JOB_GEMM}) {
      const n = ctrl[4], r0 = ctrl[5], r1 = ctrl[6];
      for (;;) {
        const lo = r0 + Atomics.add(work, 0, ${ROWS});
        if (lo >= r1) break;
        gemmUpdate(a, n, lo, Math.min(lo + ${ROWS}, r1), ctrl[7], ctrl[8], ctrl[9], ctrl[10], ctrl[11]);
      }
    } else if (job === ${JOB_ROW_TIMES_A}) {
      const n = ctrl[4], k = ctrl[5];
      const X = ctrl[6] === 0 ? b : c, out = ctrl[6] === 0 ? c : b;
      for (;;) {
        const lo = Atomics.add(work, 0, ${COLS});
        if (lo >= n) break;
        addRowTimesA(X, a, n, k, out, lo, Math.min(lo + ${COLS}, n));
      }
    } else if (job === ${JOB_INVERSE}) {
      const n = ctrl[4], w = ctrl[5], nb = ctrl[6];
      for (;;) {
        const lo = Atomics.add(work, 0, 1) * w;
        if (lo >= n) break;
        inversePanel(a, b, c, n, lo, Math.min(lo + w, n), nb);
      }
    }
    } catch (err) {
      ctrl[${FAILED}] = 1; // the caller throws instead of waiting for ever
    }
    Atomics.add(ctrl, 1, 1);
    Atomics.notify(ctrl, 1);
  }
});
`;
}

/** Number of threads the kernels use by default: the machine's parallelism, at most 4. */
export function defaultThreads(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

function ensureHelpers(count: number): Helper[] {
  if (helpers && helpers.length >= count) return helpers;
  const src = workerSource();
  helpers = helpers ?? [];
  while (helpers.length < count) {
    const worker = new Worker(src, { eval: true });
    worker.unref();
    helpers.push({ worker, ctrl: new Int32Array(new SharedArrayBuffer(CTRL * 4)) });
  }
  return helpers;
}

/** A Float64Array of the given length in shared memory. */
export function sharedFloat64(length: number): Float64Array {
  return new Float64Array(new SharedArrayBuffer(length * 8));
}

/**
 * Hands shared arrays to `count` helpers (they block waiting for jobs until {@link release}).
 * `a`, `b`, `c` are the kernel operands: for LU, `a` is the matrix; for the series, `a` is A, `b`
 * the previous iterate and `c` the output.
 */
export function bind(count: number, a: Float64Array, b?: Float64Array, c?: Float64Array): Helper[] {
  if (broken || count < 1) return [];
  const hs = ensureHelpers(count).slice(0, count);
  const empty = sharedFloat64(0);
  for (const h of hs) {
    Atomics.store(h.ctrl, 2, 0);
    h.worker.postMessage({ ctrl: h.ctrl, a, b: b ?? empty, c: c ?? empty, work });
  }
  const deadline = Date.now() + 10_000;
  for (const h of hs) {
    while (Atomics.load(h.ctrl, 2) === 0) {
      if (Date.now() > deadline) {
        // a helper did not start (no worker threads here?): run on this thread from now on
        broken = true;
        for (const x of helpers ?? []) void x.worker.terminate();
        helpers = null;
        return [];
      }
      Atomics.wait(h.ctrl, 2, 0, 100);
    }
  }
  return hs;
}

/** Releases helpers bound by {@link bind}: they return to waiting for messages. */
export function release(hs: readonly Helper[]): void {
  for (const h of hs) {
    h.ctrl[3] = JOB_STOP;
    Atomics.add(h.ctrl, 0, 1);
    Atomics.notify(h.ctrl, 0);
  }
}

function start(h: Helper, job: number, params: readonly number[]): void {
  h.ctrl[3] = job;
  for (let i = 0; i < params.length; i++) h.ctrl[4 + i] = params[i];
  Atomics.store(h.ctrl, 1, 0);
  Atomics.add(h.ctrl, 0, 1);
  Atomics.notify(h.ctrl, 0);
}

function wait(h: Helper): void {
  while (Atomics.load(h.ctrl, 1) === 0) Atomics.wait(h.ctrl, 1, 0);
  if (h.ctrl[FAILED]) {
    h.ctrl[FAILED] = 0;
    throw new NumericError(
      'PARALLEL_KERNEL_FAILED',
      'a worker thread of the dense kernels failed; the result is incomplete (run again with one thread)',
    );
  }
}

/**
 * C ← C − L U on the bound matrix (see `gemmUpdate`): the calling thread and the helpers take
 * chunks of rows from a shared counter until none is left, so a thread that the OS delays (a busy
 * machine) simply takes fewer chunks.
 */
export function parallelGemmUpdate(
  hs: readonly Helper[],
  a: Float64Array,
  n: number,
  r0: number,
  r1: number,
  k0: number,
  k1: number,
  c0: number,
  c1: number,
): void {
  Atomics.store(work, 0, 0);
  for (const h of hs) start(h, JOB_GEMM, [n, r0, r1, k0, k1, c0, c1, 256]);
  for (;;) {
    const lo = r0 + Atomics.add(work, 0, ROWS);
    if (lo >= r1) break;
    gemmUpdate(a, n, lo, Math.min(lo + ROWS, r1), k0, k1, c0, c1, 256);
  }
  for (const h of hs) wait(h);
}

/**
 * The explicit inverse from LU factors in shared memory, panel by panel (see `inversePanel`): the
 * calling thread and the helpers bound to (lu, pinv, x) take panels of `w` columns from a shared
 * counter until none is left.
 */
export function parallelInversePanels(
  hs: readonly Helper[],
  lu: Float64Array,
  pinv: Float64Array,
  x: Float64Array,
  n: number,
  w: number,
  nb: number,
): void {
  Atomics.store(work, 0, 0);
  for (const h of hs) start(h, JOB_INVERSE, [n, w, nb]);
  for (;;) {
    const lo = Atomics.add(work, 0, 1) * w;
    if (lo >= n) break;
    inversePanel(lu, pinv, x, n, lo, Math.min(lo + w, n), nb);
  }
  for (const h of hs) wait(h);
}

/**
 * Repeated products out += X·A for the k rows of X (k×n) with a fixed n×n A, double-buffered:
 * `buffers[0]` and `buffers[1]` alternate as X and out. Columns are split between the calling thread
 * and the helpers; call {@link RowTimesRunner.close} when done.
 */
export interface RowTimesRunner {
  /** The two k×n buffers (shared memory when threads > 1). */
  readonly buffers: readonly [Float64Array, Float64Array];
  /** buffers[1 − from] += buffers[from] · A. */
  step(from: 0 | 1): void;
  /** Frees the helpers. */
  close(): void;
}

/** Sets up {@link RowTimesRunner} for A (n×n) and k rows on `threads` threads. */
export function rowTimesRunner(A: Float64Array, n: number, k: number, threads: number): RowTimesRunner {
  const t = n >= 256 ? Math.max(1, Math.floor(threads)) : 1;
  if (t === 1) {
    const buffers: [Float64Array, Float64Array] = [new Float64Array(k * n), new Float64Array(k * n)];
    return {
      buffers,
      step: (from) => addRowTimesA(buffers[from], A, n, k, buffers[1 - from], 0, n),
      close: () => {},
    };
  }
  const As = sharedFloat64(n * n);
  As.set(A);
  const buffers: [Float64Array, Float64Array] = [sharedFloat64(k * n), sharedFloat64(k * n)];
  const hs = bind(t - 1, As, buffers[0], buffers[1]);
  return {
    buffers,
    step: (from) => {
      Atomics.store(work, 0, 0);
      for (const h of hs) start(h, JOB_ROW_TIMES_A, [n, k, from]);
      for (;;) {
        const lo = Atomics.add(work, 0, COLS);
        if (lo >= n) break;
        addRowTimesA(buffers[from], As, n, k, buffers[1 - from], lo, Math.min(lo + COLS, n));
      }
      for (const h of hs) wait(h);
    },
    close: () => {
      if (hs.length) release(hs);
    },
  };
}
