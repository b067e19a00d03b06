/** The one-command demo of the whole pipeline. @module */
export { runDemo, DEMO_STAGES } from './run.js';
export type { DemoOptions, DemoStepResult, DemoStage } from './run.js';
