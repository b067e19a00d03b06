/**
 * Public API of the `cge` stage: the model language (sets, parameters, variables, equations, in a
 * typed builder and a GAMS-like text form), its compilation to exact sparse Jacobians and generated
 * kernels, the Newton solver, calibration from a SAM, closures and scenarios as data, results with
 * welfare measures, and the model library (stdcge, splcge).
 * @module
 */
export type { Expr, IndexArg, BinaryOp, CompareOp, UnaryFn } from './model/expr.js';
export { formatExpr } from './model/expr.js';
/** Builders of indexed expressions (`cgeExpr.sum('h', cgeExpr.ref('F', 'h', 'j'))`), grouped to keep short names out of the package namespace. */
export * as cgeExpr from './model/expr.js';
export { parseExpr, parseEquations, parseAllEquations, type ParsedEquation } from './model/parse.js';
// GAMS text as GAMS reads it: the lexer, the equation reader and the runner of GAMS model files.
export { lexGams, type Token, type TokenKind, type Directive, type Lexed } from './gams/lex.js';
export type { GExpr, GIndex, GBinaryOp } from './gams/ast.js';
export { parseEquationDefinition, splitStatements, type GamsEquationDef, type Relation } from './gams/equation.js';
export { runGams, formatDisplays, type GamsRunResult, type GamsDisplay, type GamsSkipped } from './gams/run.js';
export type { GamsSolveReport, SolveStatement } from './gams/solve.js';
export {
  GamsState,
  type GSymbol,
  type GSet,
  type GParameter,
  type GVariable,
  type GEquation,
  type GModel,
  type GFile,
  type VarAttrs,
} from './gams/state.js';
export * from './model/model.js';
export { copyModel, type CopyModelOptions } from './model/copy.js';
export { ScalarDag, type ScalarNode, type ScalarOp } from './compile/dag.js';
export { formatRef, type SymbolRef, type Layout } from './compile/instantiate.js';
export { compileModel, parameterVector, type CompiledModel } from './compile/compile.js';
export { structuralAnalysis, type Pattern as JacobianPattern, type StructuralReport } from './solve/structure.js';
export { denseLu, type LinearSolver, type LinearSolverFactory } from './solve/linear.js';
export { sparseLu } from './solve/sparse-lu.js';
export { defaultLinearSolver } from './solve/default-solver.js';
export { reduceSystem, type ReducedSystem } from './solve/system.js';
export {
  newtonSolve,
  ConvergenceError,
  type NewtonOptions,
  type NewtonResult,
  type NewtonIterate,
  type NamedResidual,
  type VariableAtBound,
} from './solve/newton.js';
export * from './sam-input.js';
export * from './closure.js';
export * from './definition.js';
export * from './welfare.js';
export * from './scenario.js';
export * from './run.js';
export * from './walras.js';
// Model listings and documents generated from a model's definition.
export * from './listing/index.js';
export * from './checks.js';
export * from './results.js';
export * from './models/index.js';
// The digital-divide model and its link to the harmonised statistics.
export * from './digital/index.js';
// Systematic sensitivity analysis (Stroud quadrature, Monte Carlo) on worker threads.
export * from './ssa/index.js';
// Hand-over to GAMS.
export {
  formatGamsExpr,
  formatModelGams,
  formatScenarioGams,
  gamsElement,
  gamsNumber,
  readGamsData,
  type GamsData,
  type ModelGamsOptions,
} from './gams.js';
