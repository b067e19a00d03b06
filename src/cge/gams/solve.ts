/**
 * `solve … using cns|mcp|nlp` of a GAMS program: the model's equations and the variables they use
 * become a {@link CgeModel} with the program's current parameter values, levels and bounds, and
 * the square system is solved by the library's Newton solver (every solve passes the Walras and
 * accounting checks of `walras.ts`). A fixed variable (`.fx`, or `.lo` = `.up`) is fixed by the
 * closure. An NLP that maximises a variable defined by one equation of an otherwise square system
 * (a CGE model's fictitious objective) is solved as that square system. Equations made redundant
 * by Walras' law (rows linearly dependent on the others at the start point) are dropped and their
 * residual checked at the solution.
 * @module
 */
import { ModelError } from '../../errors.js';
import type { Closure } from '../closure.js';
import { compileModel, parameterVector, type CompiledModel } from '../compile/compile.js';
import type { CalibratedModel } from '../definition.js';
import type { Expr } from '../model/expr.js';
import { CgeModel, renameExpr as renameAll } from '../model/model.js';
import { prepareCalibrated, solveModel } from '../run.js';
import { varAttrs } from './evaluate.js';
import type { GamsState, GEquation, GModel, GVariable } from './state.js';
import { defaultAttrs, tupleKey } from './state.js';
import { toModelExpr } from './to-expr.js';

/** What a solve reports. */
export interface GamsSolveReport {
  readonly line: number;
  readonly model: string;
  readonly type: string;
  readonly objective?: string;
  readonly equations: number;
  readonly variables: number;
  readonly iterations: number;
  readonly maxResidual: number;
  /** Equations dropped as redundant (Walras' law), with the largest residual they keep at the solution. */
  readonly dropped: readonly string[];
  readonly walrasResidual: number;
}

/** A solve statement as read. */
export interface SolveStatement {
  readonly model: string;
  readonly type: string;
  readonly objective?: string;
  readonly direction?: 'max' | 'min';
  readonly line: number;
  readonly col: number;
}

function fail(message: string, at: { line: number; col: number }, file: string | undefined, code: string): never {
  throw new ModelError(code, message, { ...(file ? { file } : {}), row: at.line, column: at.col });
}

function refNames(e: Expr, out: Set<string>): void {
  switch (e.k) {
    case 'ref':
      out.add(e.name);
      return;
    case 'bin':
    case 'cmp':
      refNames(e.a, out);
      refNames(e.b, out);
      return;
    case 'not':
    case 'neg':
    case 'fn':
      refNames(e.a, out);
      return;
    case 'cond':
      refNames(e.a, out);
      refNames(e.c, out);
      return;
    case 'agg':
      if (e.cond) refNames(e.cond, out);
      refNames(e.body, out);
      return;
  }
}

/** An equation of a model with the variable an MCP pairs it with (`eq.var`). */
interface ModelEquation {
  readonly eq: GEquation;
  readonly pairedWith?: string;
}

function modelEquations(state: GamsState, model: GModel, at: SolveStatement, file?: string): ModelEquation[] {
  const all = [...state.symbols.values()].filter((s): s is GEquation => s.kind === 'equation');
  const list: ModelEquation[] =
    model.equations === 'all'
      ? all.map((eq) => ({ eq }))
      : model.equations.map((e) => {
          const s = state.get(e.equation);
          if (s?.kind !== 'equation') fail(`model ${model.name} lists "${e.equation}", which is not an equation`, at, file, 'GAMS_SOLVE');
          return { eq: s, ...(e.pairedWith ? { pairedWith: e.pairedWith } : {}) };
        });
  for (const { eq: e, pairedWith } of list) {
    if (!e.def) fail(`equation ${e.name} of model ${model.name} is declared but never defined`, at, file, 'GAMS_SOLVE');
    if (e.def.relation !== 'e' && (at.type.toLowerCase() !== 'mcp' || !pairedWith))
      fail(
        `equation ${e.name} is =${e.def.relation}=: an inequality needs solve using mcp and a complementary variable in the model list (${e.name}.x)`,
        e.def,
        file,
        'MODEL_UNSUPPORTED',
      );
  }
  return list;
}

/**
 * The Fischer–Burmeister row of an inequality paired with a variable (MCP): with a = x − lo and
 * F the equation's slack (lhs − rhs for =g=, rhs − lhs for =l=), a + F − sqrt(a² + F² + μ) = 0
 * holds exactly when a ≥ 0, F ≥ 0 and a·F = μ/2 (μ = 1e-16: complementarity to rounding).
 */
function fischerBurmeister(x: Expr, lo: Expr, lhs: Expr, rhs: Expr, relation: 'g' | 'l'): Expr {
  const a: Expr = { k: 'bin', op: '-', a: x, b: lo };
  const F: Expr = relation === 'g' ? { k: 'bin', op: '-', a: lhs, b: rhs } : { k: 'bin', op: '-', a: rhs, b: lhs };
  const sq = (e: Expr): Expr => ({ k: 'bin', op: '^', a: e, b: { k: 'num', v: 2 } });
  const root: Expr = {
    k: 'fn',
    f: 'sqrt',
    a: { k: 'bin', op: '+', a: { k: 'bin', op: '+', a: sq(a), b: sq(F) }, b: { k: 'num', v: 1e-16 } },
  };
  return { k: 'bin', op: '-', a: { k: 'bin', op: '+', a, b: F }, b: root };
}

/** Builds the CgeModel of a solve: sets, parameters, the variables the equations use, the equations. */
function buildModel(state: GamsState, eqs: readonly ModelEquation[], name: string, file?: string): { m: CgeModel; vars: GVariable[] } {
  const m = new CgeModel(name);
  const label = (l: string) => state.label(l);
  for (const key of state.order) {
    const s = state.symbols.get(key);
    if (s?.kind === 'set') {
      const parent = s.parent ? state.setOf(s.parent)?.name : undefined;
      m.set(s.name, s.elements, parent ? { parent } : {});
    } else if (!s && state.aliases.has(key)) m.alias(state.setOf(key)!.name, state.aliasSpelling.get(key)!);
  }
  const used = new Set<string>();
  const exprs = eqs.map(({ eq: e, pairedWith }) => {
    const d = e.def!;
    const at = { ...(file ? { file } : {}), line: d.line, col: d.col };
    const conv = (x: typeof d.lhs) => toModelExpr(x, at, (n) => n, label);
    const out = { e, pairedWith, lhs: conv(d.lhs), rhs: conv(d.rhs), cond: d.condition ? conv(d.condition) : undefined };
    if (pairedWith) used.add(pairedWith);
    refNames(out.lhs, used);
    refNames(out.rhs, used);
    if (out.cond) refNames(out.cond, used);
    return out;
  });
  const usedKeys = new Set([...used].map((n) => n.toLowerCase()));
  const vars: GVariable[] = [];
  for (const key of state.order) {
    const s = state.symbols.get(key);
    if (!s || !usedKeys.has(key)) continue;
    const domain = (s.kind === 'parameter' || s.kind === 'variable' ? s.domain : []).map((d) => state.setOf(d)?.name ?? d);
    if (domain.includes('*'))
      fail(
        `${s.name} is declared over the universe *; an equation needs symbols over declared sets`,
        { line: 0, col: 0 },
        file,
        'GAMS_SOLVE',
      );
    if (s.kind === 'parameter') {
      m.parameter(s.name, domain);
      for (const [k, v] of s.values)
        m.setParameter(
          s.name,
          k.split('\u0001').filter((_, i) => i < domain.length),
          v,
        );
    } else if (s.kind === 'variable') {
      const v = m.variable(s.name, domain);
      vars.push(s);
      let k = 0;
      for (const t of m.tuples(domain)) {
        const a = varAttrs(s, t);
        v.level[k] = a.lo === a.up ? a.lo : a.l;
        v.lower[k] = a.lo;
        v.upper[k] = a.up;
        k++;
      }
    }
  }
  const rename = (n: string) => m.declaredSpelling(n);
  for (const { e, pairedWith, lhs: lhs0, rhs: rhs0, cond } of exprs) {
    const d = e.def!;
    let lhs = lhs0;
    let rhs = rhs0;
    if (d.relation !== 'e' && pairedWith) {
      const v = state.get(pairedWith);
      if (v?.kind !== 'variable') fail(`${e.name}.${pairedWith}: ${pairedWith} is not a variable`, d, file, 'GAMS_SOLVE');
      if (v.domain.length !== d.domain.length)
        fail(`${e.name}.${v.name}: the equation has ${d.domain.length} index(es), the variable ${v.domain.length}`, d, file, 'GAMS_SOLVE');
      const lo = `mcplo_${v.name}`;
      const dom = v.domain.map((k) => state.setOf(k)!.name);
      if (!m.hasParameter(lo)) {
        m.parameter(lo, dom, { description: `lower bound of ${v.name} in its complementarity pair` });
        for (const t of m.tuples(dom)) {
          const a = varAttrs(v, t);
          if (!Number.isFinite(a.lo) || a.up !== Infinity)
            fail(
              `${e.name}.${v.name}: a complementary variable needs a finite lower bound and no upper bound (${v.name}(${t.join(',')}))`,
              d,
              file,
              'MODEL_UNSUPPORTED',
            );
          m.setParameter(lo, t, a.lo);
        }
      }
      const args = d.domain.map((k) => ({ kind: 'index' as const, name: k }));
      lhs = fischerBurmeister({ k: 'ref', name: v.name, args }, { k: 'ref', name: lo, args }, lhs0, rhs0, d.relation);
      rhs = { k: 'num', v: 0 };
    }
    m.equation(
      e.name,
      d.domain.map(rename),
      renameAll(lhs, rename),
      renameAll(rhs, rename),
      cond ? { condition: renameAll(cond, rename), ...(e.text ? { description: e.text } : {}) } : e.text ? { description: e.text } : {},
    );
  }
  return { m, vars };
}

/** Rows linearly dependent on earlier rows of the Jacobian at `x` (over the columns `cols`). */
function dependentRows(cm: CompiledModel, x: Float64Array, p: Float64Array, cols: readonly number[]): number[] {
  const q = new Float64Array(cm.qSize);
  cm.prepare(p, q);
  const F = new Float64Array(cm.rows.length);
  const J = new Float64Array(cm.nnz);
  cm.jacobian(x, p, q, F, J);
  const nr = cm.rows.length;
  const colPos = new Map(cols.map((c, k) => [c, k]));
  const rows = Array.from({ length: nr }, () => new Float64Array(cols.length));
  for (const c of cols) {
    for (let e = cm.colPtr[c]; e < cm.colPtr[c + 1]; e++) rows[cm.rowIdx[e]][colPos.get(c)!] = J[e];
  }
  const basis: Float64Array[] = [];
  const out: number[] = [];
  for (let r = 0; r < nr; r++) {
    const v = Float64Array.from(rows[r]);
    const norm0 = Math.hypot(...v);
    for (let pass = 0; pass < 2; pass++) {
      for (const u of basis) {
        let d = 0;
        for (let k = 0; k < v.length; k++) d += u[k] * v[k];
        for (let k = 0; k < v.length; k++) v[k] -= d * u[k];
      }
    }
    const norm = Math.hypot(...v);
    if (norm <= 1e-9 * Math.max(norm0, 1e-300)) out.push(r);
    else basis.push(v.map((c) => c / norm));
  }
  return out;
}

/** Runs a solve statement: builds, solves, writes the levels back. */
export function runSolve(state: GamsState, st: SolveStatement, file?: string): GamsSolveReport {
  const model = state.get(st.model);
  if (model?.kind !== 'model') fail(`"${st.model}" is not a model`, st, file, 'GAMS_SOLVE');
  const type = st.type.toLowerCase();
  if (!['cns', 'mcp', 'nlp', 'dnlp'].includes(type))
    fail(`solve using ${st.type}: the runner solves cns, mcp and nlp models`, st, file, 'GAMS_UNSUPPORTED');
  if (type === 'nlp' && !st.objective) fail('an NLP solve needs maximizing or minimizing a variable', st, file, 'GAMS_SOLVE');
  const eqs = modelEquations(state, model, st, file);
  const { m, vars } = buildModel(state, eqs, model.name, file);
  const cm = compileModel(m);
  const n = cm.vars.size;
  const x0 = new Float64Array(n);
  for (const v of m.variableList) x0.set(v.level, cm.vars.offset.get(v.name)!);
  const fix: Closure['fix'] = [];
  const cols: number[] = [];
  for (let j = 0; j < n; j++) {
    const r = cm.vars.refs[j];
    const v = m.getVariable(r.name);
    const k = j - cm.vars.offset.get(r.name)!;
    const empty = cm.colPtr[j + 1] === cm.colPtr[j];
    if (v.lower[k] === v.upper[k] || empty)
      fix.push({ variable: r.name, index: [...r.index], value: v.level[k], reason: empty ? 'in no equation' : 'fixed' });
    else cols.push(j);
  }
  if (st.objective) {
    const obj = m.declaredSpelling(st.objective);
    if (!m.hasVariable(obj)) fail(`the objective ${st.objective} is not a variable of model ${model.name}`, st, file, 'GAMS_SOLVE');
    const j = cm.vars.offset.get(obj)!;
    const inRows = cm.colPtr[j + 1] - cm.colPtr[j];
    if (m.getVariable(obj).size !== 1 || inRows !== 1)
      fail(
        `${st.objective} is not a fictitious objective (a scalar variable defined by one equation): the runner solves an NLP only as a square system`,
        st,
        file,
        'GAMS_UNSUPPORTED',
      );
  }
  const p = parameterVector(m, cm.params);
  const nRows = cm.rows.length;
  if (nRows < cols.length) {
    fail(`model ${model.name} is not square: ${nRows} equations for ${cols.length} free variables`, st, file, 'MODEL_NOT_SQUARE');
  }
  const drop: NonNullable<Closure['drop']> = [];
  if (nRows > cols.length) {
    if (cols.length > 3000)
      fail(`model ${model.name} has ${nRows - cols.length} more equations than free variables`, st, file, 'MODEL_NOT_SQUARE');
    const dep = dependentRows(cm, x0, p, cols);
    if (dep.length !== nRows - cols.length)
      fail(
        `model ${model.name} has ${nRows} equations for ${cols.length} free variables and ${dep.length} of them are redundant`,
        st,
        file,
        'MODEL_NOT_SQUARE',
      );
    for (const r of dep) drop.push({ equation: cm.rows[r].name, index: [...cm.rows[r].index], reason: "redundant (Walras' law)" });
  }
  const calibrated: CalibratedModel = {
    model: m,
    closures: { solve: { name: 'solve', fix, drop } },
    defaultClosure: 'solve',
    nominal: [],
    households: [],
    gdp: () => ({ nominal: 0, real: 0 }),
    samOf: () => ({ accounts: [], values: new Float64Array(0) }),
  };
  const prep = prepareCalibrated(calibrated);
  const sol = solveModel(prep, calibrated.closures.solve);
  for (const v of vars) {
    const cv = m.getVariable(v.name);
    const off = cm.vars.offset.get(v.name)!;
    let k = 0;
    for (const t of m.tuples(cv.domain)) {
      const key = tupleKey(t);
      const a = v.attrs.get(key) ?? defaultAttrs(v.type);
      a.l = sol.x[off + k];
      v.attrs.set(key, a);
      k++;
    }
  }
  return {
    line: st.line,
    model: model.name,
    type,
    ...(st.objective ? { objective: st.objective } : {}),
    equations: nRows - drop.length,
    variables: cols.length,
    iterations: sol.newton.iterations,
    maxResidual: sol.newton.maxResidual,
    dropped: drop.map((d) => `${d.equation}${d.index?.length ? `(${d.index.join(',')})` : ''}`),
    walrasResidual: sol.walrasResidual,
  };
}
