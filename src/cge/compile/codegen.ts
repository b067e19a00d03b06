/**
 * JavaScript generation for the residual vector and the Jacobian values of a scalar system.
 *
 * - Parameter-only sub-expressions are hoisted into `q`, computed once per parameter set by
 *   `prepare(p, q)`, so a Newton iteration never recomputes `gamma(i)**eta(i)`.
 * - Per scalar equation, nodes used more than once by its residual and its partial derivatives are
 *   computed once (`const t…`), so `F` and the row of `J` come from one pass.
 * - The code is cut into chunks of bounded size, each its own `new Function`, to stay within V8's
 *   limits on function size (and within what its optimising compiler accepts).
 * @module
 */
import type { ScalarDag } from './dag.js';

/** A residual kernel: `(x, p, q, F) → void` over Float64Arrays. */
export type ResidualKernel = (x: Float64Array, p: Float64Array, q: Float64Array, F: Float64Array) => void;

/** A Jacobian kernel: `(x, p, q, F, J) → void` over Float64Arrays. */
export type Kernel = (x: Float64Array, p: Float64Array, q: Float64Array, F: Float64Array, J: Float64Array) => void;

/** Generated kernels of a scalar system. */
export interface GeneratedCode {
  /** Number of hoisted parameter-only values. */
  readonly qSize: number;
  /** Computes the hoisted values `q` from the parameters `p`. */
  readonly prepare: (p: Float64Array, q: Float64Array) => void;
  /** Writes the residuals `F`. */
  readonly residual: ResidualKernel;
  /** Writes the residuals `F` and the Jacobian values `J` (CSC order). */
  readonly jacobian: Kernel;
  /** Total characters of generated source (for reports). */
  readonly sourceChars: number;
}

/** One Jacobian entry of a row: derivative node and its position in the CSC values array. */
export interface JacEntry {
  readonly node: number;
  readonly pos: number;
}

const CHUNK_CHARS = 24_000;

function literal(v: number): string {
  const s = Number.isInteger(v) ? `${v}` : v.toPrecision(17);
  return v < 0 ? `(${s})` : s;
}

/** Generates the kernels for residual rows and their Jacobian entries. */
export function generateKernels(dag: ScalarDag, rows: readonly number[], jac: readonly (readonly JacEntry[])[]): GeneratedCode {
  const nodes = dag.nodes;
  // hoisted parameter-only nodes
  const qIndex = new Map<number, number>();
  const qOrder: number[] = [];
  const isLeaf = (id: number) => {
    const op = nodes[id].op;
    return op === 'c' || op === 'x' || op === 'p';
  };
  const hoist = (id: number): void => {
    if (qIndex.has(id)) return;
    for (const a of nodes[id].args) if (!isLeaf(a)) hoist(a);
    qIndex.set(id, qOrder.length);
    qOrder.push(id);
  };

  const emit = (id: number, temps: ReadonlyMap<number, string>, inPrep: boolean): string => {
    const t = temps.get(id);
    if (t !== undefined) return t;
    const n = nodes[id];
    if (n.op === 'c') return literal(n.v);
    if (n.op === 'x') return `x[${n.v}]`;
    if (n.op === 'p') return `p[${n.v}]`;
    if (!n.hasX && !inPrep) {
      hoist(id);
      return `q[${qIndex.get(id)}]`;
    }
    if (n.op === 'add') {
      // a negated operand is written as a subtraction (and emitted once, without its negation)
      let s = emit(n.args[0], temps, inPrep);
      for (let k = 1; k < n.args.length; k++) {
        const c = nodes[n.args[k]];
        if (c.op === 'neg' && !temps.has(n.args[k]) && (c.hasX || inPrep)) s += ` - ${emit(c.args[0], temps, inPrep)}`;
        else s += ` + ${emit(n.args[k], temps, inPrep)}`;
      }
      return `(${s})`;
    }
    const A = n.args.map((a) => emit(a, temps, inPrep));
    switch (n.op) {
      case 'mul':
        return `(${A.join(' * ')})`;
      case 'neg':
        return `(-${A[0]})`;
      case 'div':
        return `(${A[0]} / ${A[1]})`;
      case 'pow': {
        const cb = dag.constValue(n.args[1]);
        if (cb === 2 && (isLeaf(n.args[0]) || temps.has(n.args[0]))) return `(${A[0]} * ${A[0]})`;
        if (cb === 0.5) return `Math.sqrt(${A[0]})`;
        if (cb === -1) return `(1 / ${A[0]})`;
        return `Math.pow(${A[0]}, ${A[1]})`;
      }
      case 'exp':
      case 'log':
      case 'sqrt':
      case 'abs':
        return `Math.${n.op}(${A[0]})`;
      default:
        return 'NaN';
    }
  };

  const residualBlocks: string[] = [];
  const jacobianBlocks: string[] = [];
  const noTemps: ReadonlyMap<number, string> = new Map();
  // uses of each node by the current row's residual and derivatives, valid where stamp = the row + 1
  const uses = new Int32Array(nodes.length);
  const stamp = new Int32Array(nodes.length);
  for (let r = 0; r < rows.length; r++) {
    // residual + Jacobian row with shared temporaries
    const row = r + 1;
    const shared: number[] = [];
    const visit = (id: number) => {
      const n = nodes[id];
      if (isLeaf(id) || !n.hasX) return;
      if (stamp[id] !== row) {
        stamp[id] = row;
        uses[id] = 1;
        for (const a of n.args) visit(a);
      } else if (++uses[id] === 2) shared.push(id);
    };
    visit(rows[r]);
    for (const e of jac[r]) visit(e.node);
    shared.sort((a, b) => a - b);
    const temps = new Map<number, string>();
    const lines: string[] = [];
    for (const id of shared) {
      const expr = emit(id, temps, false);
      const name = `t${temps.size}`;
      lines.push(`const ${name} = ${expr};`);
      temps.set(id, name);
    }
    const fLine = `F[${r}] = ${emit(rows[r], temps, false)};`;
    // residual only: the same line when the row has no temporaries
    residualBlocks.push(shared.length ? `F[${r}] = ${emit(rows[r], noTemps, false)};` : fLine);
    lines.push(fLine);
    for (const e of jac[r]) lines.push(`J[${e.pos}] = ${emit(e.node, temps, false)};`);
    jacobianBlocks.push(lines.length > 2 || shared.length ? `{\n${lines.join('\n')}\n}` : lines.join('\n'));
  }
  // hoisted nodes refer to lower hoisted nodes through q as well
  const prepTemps = new Map<number, string>();
  const prepBody: string[] = [];
  for (let k = 0; k < qOrder.length; k++) {
    const id = qOrder[k];
    prepBody.push(`q[${k}] = ${emit(id, prepTemps, true)};`);
    prepTemps.set(id, `q[${k}]`);
  }

  const chunked = (blocks: readonly string[], params: string[]): ((...a: Float64Array[]) => void)[] => {
    const fns: ((...a: Float64Array[]) => void)[] = [];
    let cur: string[] = [];
    let len = 0;
    const flush = () => {
      if (!cur.length) return;
      fns.push(new Function(...params, `'use strict';\n${cur.join('\n')}`) as (...a: Float64Array[]) => void);
      cur = [];
      len = 0;
    };
    for (const b of blocks) {
      cur.push(b);
      len += b.length;
      if (len > CHUNK_CHARS) flush();
    }
    flush();
    return fns;
  };
  const resFns = chunked(residualBlocks, ['x', 'p', 'q', 'F']);
  const jacFns = chunked(jacobianBlocks, ['x', 'p', 'q', 'F', 'J']);
  const prepFns = chunked(prepBody, ['p', 'q']);
  const sourceChars = [...residualBlocks, ...jacobianBlocks, ...prepBody].reduce((s, b) => s + b.length, 0);
  return {
    qSize: qOrder.length,
    prepare: (p, q) => {
      for (const f of prepFns) f(p, q);
    },
    residual: (x, p, q, F) => {
      for (const f of resFns) f(x, p, q, F);
    },
    jacobian: (x, p, q, F, J) => {
      for (const f of jacFns) f(x, p, q, F, J);
    },
    sourceChars,
  };
}
