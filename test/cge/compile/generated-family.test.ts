/**
 * The compiled kernels of a mid-size model of the benchmark family (stdcge structure, N goods,
 * balanced random SAM from bench/cge-family.ts) against two answers that do not go through the
 * compiler: the model's own expression trees evaluated directly with forward-mode dual numbers
 * (residual and exact gradient of every row), and central finite differences of the residual.
 */
import { describe, expect, it } from 'vitest';
import { prepareModel, stdcge, type CgeModel, type CompiledModel } from '../../../src/cge/index.js';
import type { Expr } from '../../../src/cge/model/expr.js';
import { randomStdcgeSam, stdcgeParams } from '../../../bench/cge-family.js';

/** A value with its sparse gradient over the full variable vector. */
interface Dual {
  readonly v: number;
  readonly d: ReadonlyMap<number, number>;
}

const constant = (v: number): Dual => ({ v, d: new Map() });

/** α·a.d + β·b.d */
function combine(a: Dual, alpha: number, b: Dual, beta: number): Map<number, number> {
  const d = new Map<number, number>();
  for (const [k, g] of a.d) d.set(k, alpha * g);
  for (const [k, g] of b.d) d.set(k, (d.get(k) ?? 0) + beta * g);
  return d;
}

function scale(a: Dual, s: number): Map<number, number> {
  return new Map([...a.d].map(([k, g]) => [k, s * g]));
}

/** Evaluates an equation's expression tree at (x, parameters of `model`) by walking it, sums by their definition. */
function evaluateTree(model: CgeModel, cm: CompiledModel, x: Float64Array, e: Expr, b: ReadonlyMap<string, string>): Dual {
  switch (e.k) {
    case 'num':
      return constant(e.v);
    case 'ref': {
      const tuple = e.args.map((a) => {
        if (a.kind === 'element') return a.value;
        if (a.shift) throw new Error('the reference evaluator does not take lags');
        const el = b.get(a.name);
        if (el === undefined) throw new Error(`unbound index ${a.name}`);
        return el;
      });
      if (model.hasVariable(e.name)) {
        const col = cm.vars.offset.get(e.name)! + model.flatIndex(model.getVariable(e.name), tuple);
        return { v: x[col], d: new Map([[col, 1]]) };
      }
      if (model.hasParameter(e.name)) return constant(model.param(e.name, tuple));
      throw new Error(`unknown symbol ${e.name}`);
    }
    case 'bin': {
      const a = evaluateTree(model, cm, x, e.a, b);
      const c = evaluateTree(model, cm, x, e.b, b);
      switch (e.op) {
        case '+':
          return { v: a.v + c.v, d: combine(a, 1, c, 1) };
        case '-':
          return { v: a.v - c.v, d: combine(a, 1, c, -1) };
        case '*':
          return { v: a.v * c.v, d: combine(a, c.v, c, a.v) };
        case '/':
          return { v: a.v / c.v, d: combine(a, 1 / c.v, c, -a.v / (c.v * c.v)) };
        case '^': {
          const v = a.v ** c.v;
          // d(a^c) = c·a^(c−1)·da + a^c·ln(a)·dc
          return { v, d: combine(a, c.v * a.v ** (c.v - 1), c, c.d.size ? v * Math.log(a.v) : 0) };
        }
      }
      break;
    }
    case 'neg': {
      const a = evaluateTree(model, cm, x, e.a, b);
      return { v: -a.v, d: scale(a, -1) };
    }
    case 'fn': {
      const a = evaluateTree(model, cm, x, e.a, b);
      if (e.f === 'exp') return { v: Math.exp(a.v), d: scale(a, Math.exp(a.v)) };
      if (e.f === 'log') return { v: Math.log(a.v), d: scale(a, 1 / a.v) };
      if (e.f === 'sqrt') return { v: Math.sqrt(a.v), d: scale(a, 0.5 / Math.sqrt(a.v)) };
      return { v: Math.abs(a.v), d: scale(a, Math.sign(a.v)) };
    }
    case 'agg': {
      let acc = constant(e.f === 'sum' ? 0 : 1);
      const run = (k: number, b2: Map<string, string>) => {
        if (k === e.over.length) {
          if (e.cond && evaluateTree(model, cm, x, e.cond, b2).v === 0) return;
          const t = evaluateTree(model, cm, x, e.body, b2);
          acc = e.f === 'sum' ? { v: acc.v + t.v, d: combine(acc, 1, t, 1) } : { v: acc.v * t.v, d: combine(acc, t.v, t, acc.v) };
          return;
        }
        for (const el of model.getSet(e.over[k]).elements) run(k + 1, new Map(b2).set(e.over[k], el));
      };
      run(0, new Map(b));
      return acc;
    }
    case 'cond':
      return evaluateTree(model, cm, x, e.c, b).v === 0 ? constant(0) : evaluateTree(model, cm, x, e.a, b);
  }
  throw new Error(`the reference evaluator does not take ${e.k}`);
}

/** Residual and gradient of every row from the expression trees (lhs − rhs, rows as the compiler names them). */
function referenceRows(cm: CompiledModel, x: Float64Array): Dual[] {
  const model = cm.model;
  return cm.rows.map((ref) => {
    const eq = model.equationList.find((q) => q.name === ref.name)!;
    const b = new Map(eq.domain.map((d, k) => [d, ref.index[k]]));
    const l = evaluateTree(model, cm, x, eq.lhs, b);
    const r = evaluateTree(model, cm, x, eq.rhs, b);
    return { v: l.v - r.v, d: combine(l, 1, r, -1) };
  });
}

function kernels(cm: CompiledModel, x: Float64Array, p: Float64Array) {
  const q = new Float64Array(cm.qSize);
  cm.prepare(p, q);
  const F = new Float64Array(cm.rows.length);
  const FJ = new Float64Array(cm.rows.length);
  const J = new Float64Array(cm.nnz);
  cm.residual(x, p, q, F);
  cm.jacobian(x, p, q, FJ, J);
  return { q, F, FJ, J };
}

const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(1, Math.abs(b));

describe('compiled kernels of a generated 12-good model', () => {
  const sam = randomStdcgeSam(12);
  const prep = prepareModel(stdcge, sam, stdcgeParams(sam));
  const cm = prep.compiled;
  const points = [
    ['the benchmark', prep.x0],
    ['a perturbed point', prep.x0.map((v, k) => v * (1 + 0.05 * Math.sin(k + 1)))],
  ] as const;

  it('is the size the test means (hundreds of rows, thousands of non-zeros)', () => {
    expect(cm.rows.length).toBeGreaterThan(300);
    expect(cm.nnz).toBeGreaterThan(1000);
  });

  for (const [what, x] of points) {
    it(`gives the residuals and the Jacobian of the expression trees at ${what}`, () => {
      const { F, FJ, J } = kernels(cm, x, prep.p0);
      const ref = referenceRows(cm, x);
      const n = cm.vars.size;
      const dense = cm.rows.map(() => new Map<number, number>());
      for (let j = 0; j < n; j++) for (let k = cm.colPtr[j]; k < cm.colPtr[j + 1]; k++) dense[cm.rowIdx[k]].set(j, J[k]);
      let worst = 0;
      for (let r = 0; r < ref.length; r++) {
        expect(rel(F[r], ref[r].v)).toBeLessThan(1e-10);
        expect(FJ[r]).toBe(F[r]);
        // every non-zero of the reference gradient is in the compiled pattern with its value …
        for (const [j, g] of ref[r].d) {
          if (g === 0) continue;
          expect(dense[r].has(j), `row ${r} column ${j}`).toBe(true);
          worst = Math.max(worst, rel(dense[r].get(j)!, g));
        }
        // … and every compiled entry is the reference's (0 where the reference has none)
        for (const [j, v] of dense[r]) worst = Math.max(worst, rel(v, ref[r].d.get(j) ?? 0));
      }
      expect(worst).toBeLessThan(1e-10);
    });

    it(`has a Jacobian equal to central finite differences of the residual at ${what}`, () => {
      const { q, J } = kernels(cm, x, prep.p0);
      const m = cm.rows.length;
      const Fp = new Float64Array(m);
      const Fm = new Float64Array(m);
      let worst = 0;
      for (let j = 0; j < x.length; j++) {
        const h = 1e-6 * Math.max(1, Math.abs(x[j]));
        const xp = Float64Array.from(x);
        const xm = Float64Array.from(x);
        xp[j] += h;
        xm[j] -= h;
        cm.residual(xp, prep.p0, q, Fp);
        cm.residual(xm, prep.p0, q, Fm);
        const col = new Float64Array(m);
        for (let k = cm.colPtr[j]; k < cm.colPtr[j + 1]; k++) col[cm.rowIdx[k]] = J[k];
        for (let r = 0; r < m; r++) worst = Math.max(worst, rel(col[r], (Fp[r] - Fm[r]) / (2 * h)));
      }
      expect(worst).toBeLessThan(1e-6);
    });
  }
});
