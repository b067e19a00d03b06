/**
 * Matrix balancing for SAMs and input–output tables: RAS, GRAS (negative entries) and
 * cross-entropy, as pure kernels on row-major `Float64Array`s.
 * @module
 */
export type { BalanceOptions, BalanceResult, FixedCell } from './types.js';
export { balanceRas, rasUpdateCoefficients, type RasCoefficientResult } from './ras.js';
export { squareSamTargets, SQUARE_TARGET_RULES, type SquareTargetRule } from './targets.js';
export { balanceGras } from './gras.js';
export {
  balanceCrossEntropy,
  type CellErrorSpec,
  type CrossEntropyOptions,
  type CrossEntropyResult,
  type CrossEntropySolver,
  type MacroConstraint,
  type TotalSpec,
} from './cross-entropy.js';
export { errorTerm, errorMoments, weightsEntropy, type ErrorTerm } from './error-terms.js';
export { transposeNegativeCells, restoreNegativeCells, type MovedCell } from './negatives.js';
export { resolveProblem, type BalanceProblem, type ResolvedProblem } from './problem.js';
export {
  balanceLabelledMatrix,
  formatBalanceReport,
  isSquareLabelled,
  BALANCE_METHODS,
  type BalanceMethod,
  type BalanceLabelledOptions,
  type BalanceReport,
  type LabelledMatrix,
} from './labelled.js';
export { balanceSam } from './balance-sam.js';
export { parseLabelledMatrixCsv, formatLabelledMatrixCsv } from './matrix-csv.js';
export { findHallViolation, type HallViolation } from './feasibility.js';
