// Entry of a sensitivity-analysis worker thread. From the sources (a clone, the CLI through tsx,
// the test runner) it registers tsx so that the TypeScript worker and evaluator run as they do in
// the main thread; from the compiled package it loads the JavaScript worker directly, and needs tsx
// only when the caller's evaluator module is itself TypeScript.
import { existsSync } from 'node:fs';
import { workerData } from 'node:worker_threads';

const fromSource = existsSync(new URL('./worker.ts', import.meta.url));
if (fromSource || /\.[cm]?tsx?$/.test(String(workerData?.moduleUrl ?? ''))) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(fromSource ? './worker.ts' : './worker.js');
