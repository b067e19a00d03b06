/**
 * Running a model: calibrate, compile once, solve the benchmark, then any number of scenarios on
 * the same compiled model (parameters and closures are data, so no recompilation unless a shock
 * changes a parameter that decides a `$` condition).
 * @module
 */
import { ModelError, NumericError } from '../errors.js';
import { applyClosure, type Closure } from './closure.js';
import { compileModel, parameterVector, type CompiledModel } from './compile/compile.js';
import { formatRef } from './compile/instantiate.js';
import type { CalibratedModel, CgeModelDefinition, Gdp, LevelReader, ParameterReader } from './definition.js';
import { copyModel } from './model/copy.js';
import type { SamInput } from './sam-input.js';
import { applyShocks, applyVariableShocks, scenarioClosure, type CgeScenario } from './scenario.js';
import { defaultLinearSolver } from './solve/default-solver.js';
import type { LinearSolver, LinearSolverFactory } from './solve/linear.js';
import { newtonSolve, type NewtonResult } from './solve/newton.js';
import { reduceSystem, type ReducedSystem } from './solve/system.js';
import { ACCOUNTING_TOLERANCE, assertAccountsClose, samImbalance, walrasResidual, type SamImbalance } from './walras.js';
import { householdWelfare, type HouseholdWelfare } from './welfare.js';

/** Options of {@link prepareModel}. */
export interface PrepareOptions {
  /** Linear solver factory (default: sparse LU). */
  linearSolver?: LinearSolverFactory;
  /** Scaled residual tolerance (default 1e-10). */
  tolerance?: number;
  /** Maximum Newton iterations (default 100). */
  maxIterations?: number;
  /**
   * Tolerance of the accounting checks every solve makes (Walras' law, the solution's SAM
   * balanced): default the larger of 1e-8 and 100 × `tolerance`.
   */
  accountingTolerance?: number;
}

/** A calibrated and compiled model with its benchmark vectors. */
export interface PreparedModel {
  readonly calibrated: CalibratedModel;
  readonly compiled: CompiledModel;
  /** Benchmark parameter vector. */
  readonly p0: Float64Array;
  /** Calibrated (benchmark) variable levels. */
  readonly x0: Float64Array;
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  readonly options: PrepareOptions;
  /** The SAM the model was calibrated to. */
  readonly sam?: SamInput;
  /**
   * Reduced systems and their linear solvers by closure (fixed variables and dropped equations),
   * so the symbolic analysis of a pattern is done once for every scenario that shares it.
   */
  readonly systems: Map<string, { compiled: CompiledModel; sys: ReducedSystem; solver: LinearSolver }>;
}

/** A solution of the system under a closure. */
export interface CgeSolution {
  readonly x: Float64Array;
  readonly newton: NewtonResult;
  readonly closure: Closure;
  /** Largest absolute residual of the dropped equations (Walras' law, checked at every solve). */
  readonly walrasResidual: number;
  /** That residual scaled by the size of its equation's terms (what the check compares with its tolerance). */
  readonly walrasScaled: number;
  /** The worst-balanced account of the SAM the solution implies (checked at every solve); null for a model without SAM accounts. */
  readonly samImbalance: SamImbalance | null;
}

/** One variable element's benchmark and new level. */
export interface VariableChange {
  readonly variable: string;
  readonly index: readonly string[];
  readonly base: number;
  readonly level: number;
  /** 100·(level/base − 1), null when base is 0. */
  readonly pctChange: number | null;
}

/** Results of one scenario. */
export interface ScenarioResult {
  readonly name: string;
  readonly closure: string;
  readonly iterations: number;
  readonly scaledResidual: number;
  readonly maxResidual: number;
  readonly walrasResidual: number;
  readonly variables: readonly VariableChange[];
  readonly welfare: readonly HouseholdWelfare[];
  readonly gdp: { readonly nominalBase: number; readonly nominal: number; readonly realBase: number; readonly real: number };
}

/** Compact key of a 0/1 flag vector (the positions set). */
function closureKey(flags: Uint8Array): string {
  const on: number[] = [];
  for (let k = 0; k < flags.length; k++) if (flags[k]) on.push(k);
  return on.join(',');
}

/** Calibrates a library model to a SAM and parameters and compiles it. */
export function prepareModel(
  def: CgeModelDefinition,
  sam: SamInput,
  params: Readonly<Record<string, unknown>>,
  opts: PrepareOptions = {},
  paramsFile?: string,
): PreparedModel {
  return { ...prepareCalibrated(def.calibrate(sam, params, paramsFile), opts), sam };
}

/** Compiles an already calibrated model. */
export function prepareCalibrated(calibrated: CalibratedModel, opts: PrepareOptions = {}): PreparedModel {
  const compiled = compileModel(calibrated.model);
  const n = compiled.vars.size;
  const x0 = new Float64Array(n);
  const lower = new Float64Array(n);
  const upper = new Float64Array(n);
  for (const v of calibrated.model.variableList) {
    const off = compiled.vars.offset.get(v.name)!;
    x0.set(v.level, off);
    lower.set(v.lower, off);
    upper.set(v.upper, off);
  }
  for (let j = 0; j < n; j++) {
    if (!Number.isFinite(x0[j])) {
      const r = compiled.vars.refs[j];
      throw new ModelError('CALIBRATION_NOT_FINITE', `calibration gives ${formatRef(r)} = ${x0[j]}`, { equation: r.name, index: r.index });
    }
  }
  const p0 = parameterVector(calibrated.model, compiled.params);
  compiled.params.refs.forEach((r, k) => {
    if (!Number.isFinite(p0[k]))
      throw new ModelError('CALIBRATION_NOT_FINITE', `calibration gives parameter ${formatRef(r)} = ${p0[k]}`, {
        equation: r.name,
        index: r.index,
      });
  });
  return { calibrated, compiled, p0, x0, lower, upper, options: opts, systems: new Map() };
}

/** A level reader over a full variable vector. */
export function levelReader(cm: CompiledModel, x: Float64Array): LevelReader {
  return (name, index = []) => {
    const v = cm.model.getVariable(name);
    return x[cm.vars.offset.get(name)! + cm.model.flatIndex(v, index)];
  };
}

/** A parameter reader over a full parameter vector. */
export function parameterReader(cm: CompiledModel, p: Float64Array): ParameterReader {
  return (name, index = []) => {
    const par = cm.model.getParameter(name);
    return p[cm.params.offset.get(name)! + cm.model.flatIndex(par, index)];
  };
}

/** Largest absolute residual of the scalar equations at `x` (all, or the active ones). */
export function maxModelResidual(
  cm: CompiledModel,
  x: Float64Array,
  p: Float64Array,
  rows?: ArrayLike<number>,
): { value: number; row: number } {
  const q = new Float64Array(cm.qSize);
  cm.prepare(p, q);
  const F = new Float64Array(cm.rows.length);
  cm.residual(x, p, q, F);
  let value = 0;
  let row = -1;
  const n = rows ? rows.length : F.length;
  for (let k = 0; k < n; k++) {
    const r = rows ? rows[k] : k;
    const a = Math.abs(F[r]);
    if (!(a <= value)) (value = a), (row = r);
  }
  return { value, row };
}

/**
 * Solves under a closure with parameters `p` from the start `xStart` (benchmark levels unless
 * given). Fixed variables take the closure's values or their start levels. Every solution is
 * checked: Walras' law (the dropped equations hold) and the balance of the SAM it implies; an
 * {@link AccountingError} names the equation or account that fails.
 */
export function solveModel(
  prep: PreparedModel,
  closure: Closure,
  p: Float64Array = prep.p0,
  xStart: Float64Array = prep.x0,
  compiled: CompiledModel = prep.compiled,
): CgeSolution {
  const cm = compiled;
  const x = Float64Array.from(xStart);
  const { fixed, dropped } = applyClosure(cm, closure, x);
  const key = `${closureKey(fixed)}|${closureKey(dropped)}`;
  let cached = prep.systems.get(key);
  if (!cached || cached.compiled !== cm) {
    const sys = reduceSystem(cm, fixed, dropped);
    cached = { compiled: cm, sys, solver: (prep.options.linearSolver ?? defaultLinearSolver)(sys.pattern) };
    if (cm === prep.compiled) prep.systems.set(key, cached);
  }
  const { sys, solver } = cached;
  const q = new Float64Array(cm.qSize);
  cm.prepare(p, q);
  for (let k = 0; k < q.length; k++) {
    if (Number.isFinite(q[k])) continue;
    const F = new Float64Array(cm.rows.length);
    cm.residual(x, p, q, F);
    const bad = F.findIndex((v) => !Number.isFinite(v));
    const ref = bad >= 0 ? cm.rows[bad] : undefined;
    throw new NumericError(
      'PARAMETERS_NOT_FINITE',
      `a parameter expression${ref ? ` in ${formatRef(ref)}` : ''} evaluates to ${q[k]} (check shocked parameters for 0 or negative values under powers and divisions)`,
      ref ? { equation: ref.name, index: ref.index } : undefined,
    );
  }
  const newton = newtonSolve(cm, sys, x, p, q, prep.lower, prep.upper, {
    linearSolver: prep.options.linearSolver ?? defaultLinearSolver,
    solver,
    ...(prep.options.tolerance !== undefined ? { tolerance: prep.options.tolerance } : {}),
    ...(prep.options.maxIterations !== undefined ? { maxIterations: prep.options.maxIterations } : {}),
  });
  const droppedRows: number[] = [];
  dropped.forEach((d, r) => d && droppedRows.push(r));
  const walras = walrasResidual(cm, x, p, q, droppedRows, newton);
  const sam = samImbalance(prep.calibrated.samOf(levelReader(cm, x), parameterReader(cm, p)));
  const tol = prep.options.accountingTolerance ?? Math.max(ACCOUNTING_TOLERANCE, 100 * (prep.options.tolerance ?? 1e-10));
  assertAccountsClose(cm, walras, sam, tol, closure.name);
  return { x, newton, closure, walrasResidual: walras.residual, walrasScaled: walras.scaled, samImbalance: sam };
}

/** Solves the benchmark under the default closure (the replication run). */
export function solveBenchmark(prep: PreparedModel): CgeSolution {
  const c = prep.calibrated;
  return solveModel(prep, c.closures[c.defaultClosure]);
}

/**
 * Runs one scenario from a benchmark solution and reports every variable's change, welfare and
 * GDP. A shock to a parameter that decides a `$` condition compiles a copy of the model with the
 * shocked values: the prepared model is never modified, whether the scenario succeeds or fails.
 */
export function runScenario(prep: PreparedModel, benchmark: CgeSolution, scenario: CgeScenario, file?: string): ScenarioResult {
  const c = prep.calibrated;
  let cm = prep.compiled;
  const { p, changed } = applyShocks(cm, scenario, prep.p0, file);
  if ([...changed].some((name) => cm.conditionParameters.has(name))) {
    const layout = prep.compiled.params;
    const shocked = copyModel(c.model, {
      values: (name) => p.subarray(layout.offset.get(name)!, layout.offset.get(name)! + c.model.getParameter(name).size),
    });
    cm = compileModel(shocked);
  }
  const closure = applyVariableShocks(cm, scenario, scenarioClosure(scenario, c.closures, c.defaultClosure, file), benchmark.x, file);
  const sol = solveModel(prep, closure, p, benchmark.x, cm);
  return describeSolution(prep, benchmark, sol, scenario.name, p);
}

/** Builds the result record of a solution against the benchmark (`p`: the parameters in force at the solution). */
export function describeSolution(
  prep: PreparedModel,
  benchmark: CgeSolution,
  sol: CgeSolution,
  name: string,
  p: Float64Array = prep.p0,
): ScenarioResult {
  const cm = prep.compiled;
  const c = prep.calibrated;
  const variables: VariableChange[] = cm.vars.refs.map((r, j) => {
    const base = benchmark.x[j];
    const level = sol.x[j];
    return { variable: r.name, index: r.index, base, level, pctChange: base === 0 ? null : 100 * (level / base - 1) };
  });
  for (const v of variables) {
    if (!Number.isFinite(v.level))
      throw new NumericError('RESULT_NOT_FINITE', `${formatRef({ name: v.variable, index: v.index })} is ${v.level}`, {
        equation: v.variable,
        index: v.index,
      });
  }
  const base = levelReader(cm, benchmark.x);
  const after = levelReader(cm, sol.x);
  const welfare = c.households.map((h) => householdWelfare(c.model, h, base, after));
  const g0: Gdp = c.gdp(base, base, parameterReader(cm, prep.p0));
  const g1: Gdp = c.gdp(after, base, parameterReader(cm, p));
  return {
    name,
    closure: sol.closure.name,
    iterations: sol.newton.iterations,
    scaledResidual: sol.newton.scaledResidual,
    maxResidual: sol.newton.maxResidual,
    walrasResidual: sol.walrasResidual,
    variables,
    welfare,
    gdp: { nominalBase: g0.nominal, nominal: g1.nominal, realBase: g0.real, real: g1.real },
  };
}
