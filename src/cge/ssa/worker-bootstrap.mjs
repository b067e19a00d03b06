// Entry of a sensitivity-analysis worker thread: registers tsx so the TypeScript worker and the
// evaluator module it loads run as they do in the main thread, under the CLI or the test runner.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
