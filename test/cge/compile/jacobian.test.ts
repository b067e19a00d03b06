import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { CgeModel, compileModel, parameterVector, prepareModel, stdcge, type CompiledModel } from '../../../src/cge/index.js';
import { loadSam, STDCGE_DIR } from '../helpers/sam.js';

/** Central finite differences of the compiled residuals, column by column (test-only, independent of the symbolic derivatives). */
function finiteDifferenceJacobian(cm: CompiledModel, x: Float64Array, p: Float64Array): Float64Array[] {
  const q = new Float64Array(cm.qSize);
  cm.prepare(p, q);
  const m = cm.rows.length;
  const cols: Float64Array[] = [];
  const Fp = new Float64Array(m);
  const Fm = new Float64Array(m);
  for (let j = 0; j < x.length; j++) {
    const h = 1e-6 * Math.max(1, Math.abs(x[j]));
    const xp = Float64Array.from(x);
    const xm = Float64Array.from(x);
    xp[j] += h;
    xm[j] -= h;
    cm.residual(xp, p, q, Fp);
    cm.residual(xm, p, q, Fm);
    cols.push(Fp.map((v, r) => (v - Fm[r]) / (2 * h)));
  }
  return cols;
}

function compareJacobian(cm: CompiledModel, x: Float64Array, p: Float64Array, tol: number): number {
  const q = new Float64Array(cm.qSize);
  cm.prepare(p, q);
  const F = new Float64Array(cm.rows.length);
  const J = new Float64Array(cm.nnz);
  cm.jacobian(x, p, q, F, J);
  const fd = finiteDifferenceJacobian(cm, x, p);
  let worst = 0;
  for (let j = 0; j < x.length; j++) {
    const dense = new Float64Array(cm.rows.length);
    for (let k = cm.colPtr[j]; k < cm.colPtr[j + 1]; k++) dense[cm.rowIdx[k]] = J[k];
    for (let r = 0; r < cm.rows.length; r++) {
      const err = Math.abs(dense[r] - fd[j][r]) / Math.max(1, Math.abs(fd[j][r]));
      worst = Math.max(worst, err);
      if (err > tol) throw new Error(`J(${r},${j}) symbolic ${dense[r]} vs finite differences ${fd[j][r]}`);
    }
  }
  return worst;
}

describe('exact Jacobian', () => {
  it('matches central finite differences on stdcge at the benchmark and at a perturbed point', async () => {
    const sam = await loadSam(join(STDCGE_DIR, 'sam.csv'));
    const params = JSON.parse(readFileSync(join(STDCGE_DIR, 'parameters.json'), 'utf8'));
    const prep = prepareModel(stdcge, sam, params);
    const cm = prep.compiled;
    expect(compareJacobian(cm, prep.x0, prep.p0, 1e-6)).toBeLessThan(1e-6);
    const x = prep.x0.map((v, k) => v * (1 + 0.05 * Math.sin(k + 1)));
    expect(compareJacobian(cm, x, prep.p0, 1e-6)).toBeLessThan(1e-6);
    // the residual kernel and the Jacobian kernel agree on F
    const q = new Float64Array(cm.qSize);
    cm.prepare(prep.p0, q);
    const F1 = new Float64Array(cm.rows.length);
    const F2 = new Float64Array(cm.rows.length);
    cm.residual(x, prep.p0, q, F1);
    cm.jacobian(x, prep.p0, q, F2, new Float64Array(cm.nnz));
    expect(Array.from(F1)).toEqual(Array.from(F2));
  });

  it('matches finite differences on random expressions (property test)', () => {
    const leaf = fc.oneof(
      fc.constantFrom('x1', 'x2', 'x3', 'k'),
      fc.double({ min: -3, max: 3, noNaN: true, noDefaultInfinity: true }).map((v) => `(${v.toFixed(3)})`),
    );
    const expr = fc.letrec<{ e: string }>((tie) => ({
      e: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leaf,
        fc.tuple(tie('e'), tie('e')).map(([a, b]) => `(${a} + ${b})`),
        fc.tuple(tie('e'), tie('e')).map(([a, b]) => `(${a} - ${b})`),
        fc.tuple(tie('e'), tie('e')).map(([a, b]) => `(${a} * ${b})`),
        fc.tuple(tie('e'), tie('e')).map(([a, b]) => `(${a} / (1 + (${b})**2))`),
        fc.tuple(tie('e'), fc.double({ min: -2, max: 2, noNaN: true })).map(([a, c]) => `((1 + (${a})**2) ** (${c.toFixed(3)}))`),
        fc.tuple(tie('e'), tie('e')).map(([a, b]) => `((1 + (${a})**2) ** (${b} / (1 + (${b})**2)))`),
        tie('e').map((a) => `log(1 + (${a})**2)`),
        tie('e').map((a) => `exp(${a} / (1 + (${a})**2))`),
        tie('e').map((a) => `sqrt(2 + ${a} / (1 + (${a})**2))`),
        tie('e').map((a) => `-${a}`),
      ),
    })).e;
    fc.assert(
      fc.property(
        fc.tuple(expr, expr).map(([a, b]) => `sum(i, w(i) * ${a}) + prod(j, 1 + w(j) * (${b})**2 / (2 + (${b})**2))`),
        fc.array(fc.double({ min: 0.2, max: 3, noNaN: true }), { minLength: 3, maxLength: 3 }),
        (text, xs) => {
          const m = new CgeModel('random');
          m.set('i', ['a', 'b']);
          m.alias('i', 'j');
          m.parameter('k', [], { value: 1.7 });
          m.parameter('w', ['i']);
          m.setParameter('w', ['a'], 0.3);
          m.setParameter('w', ['b'], -0.4);
          for (const [k, name] of ['x1', 'x2', 'x3'].entries()) m.variable(name, [], { level: xs[k] });
          m.equations(`e.. ${text} + 0*x1 + 0*x2 + 0*x3 =e= 0;`);
          const cm = compileModel(m);
          const x = Float64Array.from(xs);
          const p = parameterVector(m, cm.params);
          const q = new Float64Array(cm.qSize);
          cm.prepare(p, q);
          const F = new Float64Array(1);
          const J = new Float64Array(cm.nnz);
          cm.jacobian(x, p, q, F, J);
          if (!Number.isFinite(F[0]) || Math.abs(F[0]) > 1e6) return true; // outside the range where differences are meaningful
          const fd = finiteDifferenceJacobian(cm, x, p);
          for (let j = 0; j < 3; j++) {
            let sym = 0;
            for (let k = cm.colPtr[j]; k < cm.colPtr[j + 1]; k++) sym = J[k];
            const d = fd[j][0];
            expect(Math.abs(sym - d)).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(d), Math.abs(F[0])));
          }
          return true;
        },
      ),
      { numRuns: 300, seed: 20260101 },
    );
  });
});

describe('generated code for large models', () => {
  it('is cut into chunks and still evaluates every residual and derivative', () => {
    const m = new CgeModel('wide');
    const n = 3000;
    m.set(
      'i',
      Array.from({ length: n }, (_, k) => `e${k}`),
    );
    m.parameter('a', ['i']);
    m.variable('x', ['i'], { level: 1 });
    for (let k = 0; k < n; k++) m.setParameter('a', [`e${k}`], (k % 17) + 1);
    m.equations('eq(i).. x(i)*x(i) + log(x(i)) =e= a(i);');
    const cm = compileModel(m);
    expect(cm.sourceChars).toBeGreaterThan(24_000 * 4); // several chunks
    const x = new Float64Array(n).map((_, k) => 1 + (k % 5));
    const p = parameterVector(m, cm.params);
    const q = new Float64Array(cm.qSize);
    cm.prepare(p, q);
    const F = new Float64Array(n);
    const J = new Float64Array(cm.nnz);
    cm.jacobian(x, p, q, F, J);
    expect(cm.nnz).toBe(n);
    for (let k = 0; k < n; k++) {
      expect(F[k]).toBeCloseTo(x[k] * x[k] + Math.log(x[k]) - ((k % 17) + 1), 12);
      expect(J[cm.colPtr[k]]).toBeCloseTo(2 * x[k] + 1 / x[k], 12);
    }
  });
});
