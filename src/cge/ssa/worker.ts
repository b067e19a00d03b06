/**
 * Body of a sensitivity-analysis worker thread. It imports the evaluator module named by the
 * parent, builds one evaluator from the shared setup (e.g. compiles and calibrates a model once),
 * then answers sample requests until closed.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { EvaluatorModule, WorkerReply, WorkerRequest } from './runner.js';

const { moduleUrl, setup } = workerData as { moduleUrl: string; setup: unknown };
const port = parentPort!;
try {
  const mod = (await import(moduleUrl)) as EvaluatorModule<unknown>;
  const evaluate = await mod.createEvaluator(setup);
  port.on('message', async (req: WorkerRequest) => {
    let reply: WorkerReply;
    try {
      reply = { index: req.index, result: await evaluate(Float64Array.from(req.sample)) };
    } catch (err) {
      reply = { index: req.index, error: err instanceof Error ? err.message : String(err) };
    }
    port.postMessage(reply);
  });
  port.postMessage({ ready: true });
} catch (err) {
  port.postMessage({ fatal: err instanceof Error ? `${err.message}` : String(err) });
}
