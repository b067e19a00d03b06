/**
 * The two checks every calibrated CGE model must pass before its simulations mean anything:
 *
 * - **replication**: the calibrated levels solve the model (residual < 1e-10 with no or one Newton
 *   step) and the SAM implied by the solution is the input SAM;
 * - **homogeneity**: doubling the numeraire and every fixed nominal quantity doubles every nominal
 *   variable and leaves every real variable unchanged (the model has no money illusion).
 * @module
 */
import { ModelError } from '../errors.js';
import { variablePositions } from './closure.js';
import { formatRef } from './compile/instantiate.js';
import { SamCells } from './sam-input.js';
import { samImbalance } from './walras.js';
import { levelReader, maxModelResidual, parameterReader, solveBenchmark, solveModel, type PreparedModel, type CgeSolution } from './run.js';

/** Result of {@link replicationCheck}. */
export interface ReplicationReport {
  readonly passed: boolean;
  /** Largest absolute residual of all scalar equations at the calibrated levels. */
  readonly initialResidual: number;
  /** Equation of the largest initial residual. */
  readonly initialWorst: string;
  readonly benchmarkIterations: number;
  /** Largest scaled residual of the benchmark solution. */
  readonly benchmarkResidual: number;
  /** Largest |SAM implied by the solution − input SAM|. */
  readonly samMaxDiff: number;
  /** Cell of the largest difference, `row,col`. */
  readonly samWorstCell: string;
  /**
   * The tolerance the SAM difference was judged by: `samTol`, or 100 × the input SAM's own largest
   * relative imbalance when that is larger (a SAM balanced to ε cannot be reproduced closer than about ε).
   */
  readonly samTolerance: number;
  readonly benchmark: CgeSolution;
}

/** Result of {@link homogeneityCheck}. */
export interface HomogeneityReport {
  readonly passed: boolean;
  readonly factor: number;
  /** The numeraire that was scaled, e.g. `pf(LAB)`. */
  readonly numeraire: string;
  /** Every fixed nominal quantity scaled with it: fixed nominal variables and nominal parameters. */
  readonly scaled: readonly string[];
  /**
   * Largest deviation of a level ratio from the nearer of its two homogeneous values (the factor
   * for a nominal variable, 1 for a real one).
   */
  readonly maxDeviation: number;
  /** Variable of the largest deviation. */
  readonly worst: string;
  /**
   * Variables whose solution says the opposite of the model's `nominal` list (a variable listed as
   * nominal that stays, or one not listed that scales): the list is wrong, the model is not.
   */
  readonly misclassified: readonly string[];
  readonly iterations: number;
}

/**
 * Runs the replication check: the residual at the calibrated levels within `100·tol` of the SAM's
 * largest cell, the benchmark solved (scaled residual ≤ `tol`) in at most one Newton step, and every
 * SAM cell reproduced within `samTol` relative (absolute below 1) — or within 100 × the input SAM's
 * own relative imbalance, when the SAM is balanced less tightly than that.
 */
export function replicationCheck(prep: PreparedModel, tol = 1e-10, samTol = 1e-9): ReplicationReport {
  const cm = prep.compiled;
  const init = maxModelResidual(cm, prep.x0, prep.p0);
  const benchmark = solveBenchmark(prep);
  const sam = prep.calibrated.samOf(levelReader(cm, benchmark.x), parameterReader(cm, prep.p0));
  const given = samInputOf(prep);
  let worst = 0;
  let cell = '';
  let scale = 1;
  const n = sam.accounts.length;
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      const a = sam.values[r * n + c];
      const b = given(sam.accounts[r], sam.accounts[c]);
      scale = Math.max(scale, Math.abs(b));
      const d = Math.abs(a - b) / Math.max(1, Math.abs(b));
      if (!(d <= worst)) (worst = d), (cell = `${sam.accounts[r]},${sam.accounts[c]}`);
    }
  }
  const own = samImbalance({ accounts: prep.sam!.accounts.map((a) => a.label), values: prep.sam!.values });
  const samTolerance = Math.max(samTol, 100 * (own?.relative ?? 0));
  return {
    // the residual at the calibrated levels is in the SAM's unit: judged relative to its largest cell
    passed:
      init.value <= tol * 100 * scale &&
      benchmark.newton.scaledResidual <= tol &&
      benchmark.newton.iterations <= 1 &&
      worst <= samTolerance,
    initialResidual: init.value,
    initialWorst: init.row >= 0 ? formatRef(cm.rows[init.row]) : '',
    benchmarkIterations: benchmark.newton.iterations,
    benchmarkResidual: benchmark.newton.scaledResidual,
    samMaxDiff: worst,
    samWorstCell: cell,
    samTolerance,
    benchmark,
  };
}

/** The SAM the model was calibrated to, as a cell reader. */
function samInputOf(prep: PreparedModel): (row: string, col: string) => number {
  if (!prep.sam)
    throw new ModelError('NO_SAM', `model ${prep.calibrated.model.name} was not prepared from a SAM; the replication check needs one`);
  const cells = new SamCells(prep.sam);
  return (r, c) => cells.get(r, c);
}

/**
 * Runs the homogeneity check: multiplies the numeraire and every fixed nominal quantity together
 * by `factor` — the fixed variables named in the model's `nominal` list and the parameters of its
 * `nominalParameters` — re-solves, and asks of every variable whether it scaled by `factor`
 * (nominal) or stayed (real). A homogeneous model passes whatever its variables are called; the
 * variables whose behaviour contradicts the `nominal` list are reported as misclassified.
 */
export function homogeneityCheck(prep: PreparedModel, benchmark: CgeSolution, factor = 2, tol = 1e-8): HomogeneityReport {
  const c = prep.calibrated;
  const closure = c.closures[c.defaultClosure];
  const k = closure.fix.findIndex((f) => f.reason === 'numeraire');
  if (k < 0)
    throw new ModelError(
      'NO_NUMERAIRE',
      `the default closure of ${c.model.name} names no numeraire (a fixed variable with reason "numeraire")`,
      { jsonPath: '/fix' },
    );
  const num = closure.fix[k];
  const cm = prep.compiled;
  const nominal = new Set(c.nominal);
  const scaledNames: string[] = [];
  const x = Float64Array.from(benchmark.x);
  const fix = closure.fix.map((f, i) => {
    if (i !== k && !nominal.has(f.variable)) return f;
    const pos = variablePositions(cm, f);
    scaledNames.push(formatRef({ name: f.variable, index: f.index ?? [] }));
    // Each element of the entry at its own value (the entry's, or its benchmark level) × factor.
    return pos.map((j) => ({ ...f, index: cm.vars.refs[j].index.slice(), value: (f.value ?? benchmark.x[j]) * factor }));
  });
  const p = Float64Array.from(prep.p0);
  for (const name of c.nominalParameters ?? []) {
    const off = cm.params.offset.get(name);
    if (off === undefined)
      throw new ModelError('UNKNOWN_PARAMETER', `nominal parameter ${name} is not a parameter of ${c.model.name}`, { equation: name });
    const size = c.model.getParameter(name).size;
    for (let q = off; q < off + size; q++) p[q] *= factor;
    scaledNames.push(name);
  }
  const scaled = { ...closure, name: `${closure.name}×${factor}`, fix: fix.flat() };
  const sol = solveModel(prep, scaled, p, x);
  let worst = 0;
  let worstName = '';
  const misclassified = new Set<string>();
  cm.vars.refs.forEach((r, j) => {
    const b = benchmark.x[j];
    if (b === 0) {
      const d = Math.abs(sol.x[j]);
      if (!(d <= worst)) (worst = d), (worstName = formatRef(r));
      return;
    }
    const ratio = sol.x[j] / b;
    const dReal = Math.abs(ratio - 1);
    const dNominal = Math.abs(ratio - factor) / factor;
    const d = Math.min(dReal, dNominal);
    if (!(d <= worst)) (worst = d), (worstName = formatRef(r));
    if (d <= tol && dReal > tol && !nominal.has(r.name)) misclassified.add(r.name);
    if (d <= tol && dNominal > tol && dReal <= tol && nominal.has(r.name) && r.name !== num.variable) misclassified.add(r.name);
  });
  return {
    passed: worst <= tol,
    factor,
    numeraire: formatRef({ name: num.variable, index: num.index ?? [] }),
    scaled: scaledNames,
    maxDeviation: worst,
    worst: worstName,
    misclassified: [...misclassified].sort(),
    iterations: sol.newton.iterations,
  };
}
