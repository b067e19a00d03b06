/**
 * Systematic sensitivity analysis (SSA) of model results to uncertain parameters: Stroud order-3
 * quadrature in the manner of GEMPACK, Latin hypercube Monte Carlo, parallel evaluation on worker
 * threads, and summaries with percentile bands.
 * @module
 */
export type { Distribution } from './distributions.js';
export { distributionMean, distributionSd, distributionQuantile, normalQuantile, distributionProblem } from './distributions.js';
export { stroud3Points, stroud3Samples } from './quadrature.js';
export { latinHypercubeSamples, type UniformSource } from './sampling.js';
export { percentileOfSorted, summarise, type ResultSummary } from './statistics.js';
export {
  evaluateSamples,
  type EvaluateSamplesOptions,
  type Evaluator,
  type EvaluatorModule,
  type SampleOutcome,
  type SampleResult,
} from './runner.js';
export { runSensitivity, type SensitivityOptions, type SensitivityResult, type UncertainParameter } from './sensitivity.js';
