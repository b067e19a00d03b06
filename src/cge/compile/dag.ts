/**
 * Scalar expressions as a shared graph (hash-consed, so equal sub-expressions are one node),
 * with constant folding and exact symbolic differentiation.
 *
 * Leaves are constants, model variables `x[i]` (position in the full variable vector) and
 * parameters `p[i]` (position in the full parameter vector). A node's children always have smaller
 * ids, so ids are a topological order.
 * @module
 */
import { ModelError } from '../../errors.js';

/** Operation of a scalar node. */
export type ScalarOp = 'c' | 'x' | 'p' | 'add' | 'mul' | 'neg' | 'div' | 'pow' | 'exp' | 'log' | 'sqrt' | 'abs';

/** One node of the graph. */
export interface ScalarNode {
  readonly op: ScalarOp;
  /** Constant value (`c`) or leaf position (`x`, `p`). */
  readonly v: number;
  /** Operands: children ids. */
  readonly args: readonly number[];
  /** Whether a model variable occurs below this node. */
  readonly hasX: boolean;
}

/** Ascending union of two ascending lists without repeats. */
function mergeSorted(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const u = a[i];
    const v = b[j];
    if (u < v) {
      out.push(u);
      i++;
    } else if (v < u) {
      out.push(v);
      j++;
    } else {
      out.push(u);
      i++;
      j++;
    }
  }
  while (i < a.length) out.push(a[i++]);
  while (j < b.length) out.push(b[j++]);
  return out;
}

const OP_CODE: Readonly<Record<ScalarOp, number>> = {
  c: 1,
  x: 2,
  p: 3,
  add: 4,
  mul: 5,
  neg: 6,
  div: 7,
  pow: 8,
  exp: 9,
  log: 10,
  sqrt: 11,
  abs: 12,
};

/** The graph of scalar nodes with its constructors (which simplify as they build). */
export class ScalarDag {
  /** Every node, by id. */
  readonly nodes: ScalarNode[] = [];
  /** Hash-consing table: open addressing over node ids + 1 (0 = empty), keyed by a numeric hash. */
  private table = new Int32Array(1 << 12);
  private filled = 0;
  private readonly hashes: number[] = [];
  /**
   * Derivatives with respect to one variable at a time (see {@link diff}): `dval[id]` is the
   * derivative of node `id` when `dstamp[id]` is the current stamp; a new variable takes a new stamp,
   * which forgets every entry at once without touching them.
   */
  private dval = new Int32Array(1 << 12);
  private dstamp = new Int32Array(1 << 12);
  private stamp = 0;
  private dmemoVar = -1;
  /** Variables below each node, by id (filled on demand). */
  private readonly varsMemo: (readonly number[] | undefined)[] = [];

  private static readonly bits = new Float64Array(1);
  private static readonly bitsInt = new Int32Array(ScalarDag.bits.buffer);

  private static hashOf(op: ScalarOp, v: number, args: readonly number[]): number {
    let h = OP_CODE[op] * 0x9e3779b1;
    if (v !== 0) {
      if (Number.isInteger(v) && v >= -0x40000000 && v < 0x40000000) h = Math.imul(h ^ v, 0x85ebca6b);
      else {
        ScalarDag.bits[0] = v;
        h = Math.imul(h ^ ScalarDag.bitsInt[0], 0x85ebca6b);
        h = Math.imul(h ^ ScalarDag.bitsInt[1], 0xc2b2ae35);
      }
    }
    for (let k = 0; k < args.length; k++) h = Math.imul(h ^ args[k], 0x27d4eb2d) + k;
    h ^= h >>> 15;
    return h | 0;
  }

  private sameNode(id: number, op: ScalarOp, v: number, args: readonly number[]): boolean {
    const n = this.nodes[id];
    if (n.op !== op || n.v !== v || n.args.length !== args.length) return false;
    for (let k = 0; k < args.length; k++) if (n.args[k] !== args[k]) return false;
    return true;
  }

  private grow(): void {
    const size = this.table.length * 2;
    const t = new Int32Array(size);
    const mask = size - 1;
    for (let id = 0; id < this.nodes.length; id++) {
      let i = this.hashes[id] & mask;
      while (t[i] !== 0) i = (i + 1) & mask;
      t[i] = id + 1;
    }
    this.table = t;
  }

  private intern(op: ScalarOp, v: number, args: readonly number[]): number {
    const h = ScalarDag.hashOf(op, v, args);
    const mask = this.table.length - 1;
    let i = h & mask;
    for (;;) {
      const e = this.table[i];
      if (e === 0) break;
      if (this.hashes[e - 1] === h && this.sameNode(e - 1, op, v, args)) return e - 1;
      i = (i + 1) & mask;
    }
    let hasX = op === 'x';
    for (let k = 0; k < args.length && !hasX; k++) hasX = this.nodes[args[k]].hasX;
    const id = this.nodes.length;
    this.nodes.push({ op, v, args, hasX });
    this.hashes.push(h);
    this.table[i] = id + 1;
    if (++this.filled * 2 > this.table.length) this.grow();
    return id;
  }

  private zero = -1;
  private one = -1;
  /** The constant `v`. NaN or infinite constants are rejected. */
  c(v: number): number {
    if (v === 0) return this.zero >= 0 ? this.zero : (this.zero = this.intern('c', 0, []));
    if (v === 1) return this.one >= 0 ? this.one : (this.one = this.intern('c', 1, []));
    if (!Number.isFinite(v)) throw new ModelError('NONFINITE_CONSTANT', `an expression evaluates to ${v} from its constants`);
    return this.intern('c', v === 0 ? 0 : v, []);
  }
  /** The variable at position `i` of the full variable vector. */
  x(i: number): number {
    return this.intern('x', i, []);
  }
  /** The parameter at position `i` of the full parameter vector. */
  p(i: number): number {
    return this.intern('p', i, []);
  }
  /** Value of a constant node, or undefined. */
  constValue(id: number): number | undefined {
    const n = this.nodes[id];
    return n.op === 'c' ? n.v : undefined;
  }

  /** Sum of terms (flattened, constants folded, zeros dropped). */
  add(terms: readonly number[]): number {
    const flat: number[] = [];
    let k = 0;
    const nodes = this.nodes;
    for (let i = 0; i < terms.length; i++) {
      const n = nodes[terms[i]];
      if (n.op === 'c') k += n.v;
      else if (n.op === 'add') {
        // the operands of a sum are never constants (but the last) nor sums
        for (const a of n.args) {
          const m = nodes[a];
          if (m.op === 'c') k += m.v;
          else flat.push(a);
        }
      } else flat.push(terms[i]);
    }
    if (k !== 0 || flat.length === 0) flat.push(this.c(k));
    return flat.length === 1 ? flat[0] : this.intern('add', 0, flat);
  }
  /** Difference a − b. */
  sub(a: number, b: number): number {
    return this.add([a, this.neg(b)]);
  }
  /** Product of factors (flattened, constants folded, ones dropped, zero absorbs). */
  mul(factors: readonly number[]): number {
    const flat: number[] = [];
    const acc = { k: 1 };
    for (let i = 0; i < factors.length; i++) this.pushFactor(factors[i], flat, acc);
    const k = acc.k;
    if (k === 0) return this.c(0);
    if (flat.length === 0) return this.c(k);
    if (k === -1) return this.neg(flat.length === 1 ? flat[0] : this.intern('mul', 0, flat));
    if (k !== 1) flat.unshift(this.c(k));
    return flat.length === 1 ? flat[0] : this.intern('mul', 0, flat);
  }
  private pushFactor(t: number, flat: number[], acc: { k: number }): void {
    for (;;) {
      const n = this.nodes[t];
      if (n.op === 'c') acc.k *= n.v;
      else if (n.op === 'mul') for (const a of n.args) this.pushFactor(a, flat, acc);
      else if (n.op === 'neg') {
        acc.k = -acc.k;
        t = n.args[0];
        continue;
      } else flat.push(t);
      return;
    }
  }
  /** Negation. */
  neg(a: number): number {
    const n = this.nodes[a];
    if (n.op === 'c') return this.c(-n.v);
    if (n.op === 'neg') return n.args[0];
    return this.intern('neg', 0, [a]);
  }
  /** Quotient a / b. */
  div(a: number, b: number): number {
    const ca = this.constValue(a);
    const cb = this.constValue(b);
    if (cb !== undefined) {
      if (cb === 0) throw new ModelError('DIVISION_BY_ZERO', 'an expression divides by the constant 0');
      if (ca !== undefined) return this.c(ca / cb);
      if (cb === 1) return a;
      return this.mul([this.c(1 / cb), a]);
    }
    if (ca === 0) return this.c(0);
    return this.intern('div', 0, [a, b]);
  }
  /** Power a ^ b. */
  pow(a: number, b: number): number {
    const ca = this.constValue(a);
    const cb = this.constValue(b);
    if (cb !== undefined) {
      if (cb === 0) return this.c(1);
      if (cb === 1) return a;
      if (ca !== undefined) return this.c(Math.pow(ca, cb));
    }
    if (ca === 1) return this.c(1);
    return this.intern('pow', 0, [a, b]);
  }
  /** Elementary function of a. */
  fn(f: 'exp' | 'log' | 'sqrt' | 'abs', a: number): number {
    const ca = this.constValue(a);
    if (ca !== undefined)
      return this.c(f === 'exp' ? Math.exp(ca) : f === 'log' ? Math.log(ca) : f === 'sqrt' ? Math.sqrt(ca) : Math.abs(ca));
    return this.intern(f, 0, [a]);
  }

  /** Variable positions occurring below a node, ascending. */
  varsOf(id: number): readonly number[] {
    const hit = this.varsMemo[id];
    if (hit) return hit;
    const n = this.nodes[id];
    let out: readonly number[];
    if (n.op === 'x') out = [n.v];
    else if (!n.hasX) out = [];
    else if (n.args.length === 1) out = this.varsOf(n.args[0]);
    else out = this.unionOfArgs(n.args);
    this.varsMemo[id] = out;
    return out;
  }

  /** Ascending union of the variables of several nodes; a child's own list when it holds them all. */
  private unionOfArgs(args: readonly number[]): readonly number[] {
    if (args.length > 8) {
      // a sum over a set: gather, sort once, drop repeats (pairwise merging would be quadratic)
      const all: number[] = [];
      for (const a of args) for (const v of this.varsOf(a)) all.push(v);
      const sorted = Float64Array.from(all).sort();
      const out: number[] = [];
      for (let k = 0; k < sorted.length; k++) if (k === 0 || sorted[k] !== sorted[k - 1]) out.push(sorted[k]);
      return out;
    }
    let first: readonly number[] | undefined;
    let merged: number[] | undefined;
    for (const a of args) {
      const vs = this.varsOf(a);
      if (vs.length === 0 || vs === first) continue;
      if (first === undefined) first = vs;
      else if (merged === undefined) merged = mergeSorted(first, vs);
      else merged = mergeSorted(merged, vs);
    }
    return merged ?? first ?? [];
  }

  /** Whether variable position `xi` occurs below node `id` (binary search in {@link varsOf}). */
  hasVar(id: number, xi: number): boolean {
    const n = this.nodes[id];
    if (!n.hasX) return false;
    if (n.op === 'x') return n.v === xi;
    const vs = this.varsOf(id);
    let lo = 0;
    let hi = vs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (vs[mid] === xi) return true;
      if (vs[mid] < xi) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }

  private readonly argsMemo = new Map<number, Map<number, number[]>>();

  /**
   * The operands of node `id` in which variable `xi` occurs, in operand order. For a node of many
   * operands (a sum over a set) the operands are indexed by variable once, so that differentiating
   * it with respect to each of its n variables costs O(n) in all rather than O(n²).
   */
  private argsWith(id: number, xi: number): readonly number[] {
    const A = this.nodes[id].args;
    if (A.length <= 8) return A.filter((a) => this.hasVar(a, xi));
    let byVar = this.argsMemo.get(id);
    if (!byVar) {
      byVar = new Map();
      for (const a of A) {
        for (const v of this.varsOf(a)) {
          const list = byVar.get(v);
          if (list) list.push(a);
          else byVar.set(v, [a]);
        }
      }
      this.argsMemo.set(id, byVar);
    }
    return byVar.get(xi) ?? [];
  }

  /** Exact partial derivative of node `id` with respect to variable position `xi`. */
  diff(id: number, xi: number): number {
    const n = this.nodes[id];
    if (!n.hasX) return this.c(0);
    if (n.op === 'x') return this.c(n.v === xi ? 1 : 0);
    if (!this.hasVar(id, xi)) return this.c(0);
    // The memo holds the derivatives with respect to one variable: a row's partial derivatives are
    // taken one variable after another, and a new variable starts a new memo, which keeps it small
    // (a memo over every (node, variable) pair grew to millions of entries and most of the time
    // went to the garbage collector). Hash-consing still shares equal derivative nodes.
    if (xi !== this.dmemoVar) {
      this.stamp++;
      this.dmemoVar = xi;
    }
    if (id < this.dstamp.length && this.dstamp[id] === this.stamp) return this.dval[id];
    let d: number;
    const A = n.args;
    switch (n.op) {
      case 'add':
        d = this.add(this.argsWith(id, xi).map((a) => this.diff(a, xi)));
        break;
      case 'mul': {
        const terms: number[] = [];
        for (let k = 0; k < A.length; k++) {
          if (!this.hasVar(A[k], xi)) continue;
          const dk = this.diff(A[k], xi);
          if (this.constValue(dk) === 0) continue;
          const others = A.filter((_, l) => l !== k);
          terms.push(this.mul([...others, dk]));
        }
        d = this.add(terms);
        break;
      }
      case 'neg':
        d = this.neg(this.diff(A[0], xi));
        break;
      case 'div': {
        // d(a/b) = (da − (a/b)·db) / b, which reuses the node a/b
        const da = this.diff(A[0], xi);
        const db = this.diff(A[1], xi);
        d = this.div(this.sub(da, this.mul([id, db])), A[1]);
        break;
      }
      case 'pow': {
        const [a, b] = A;
        const da = this.diff(a, xi);
        const db = this.diff(b, xi);
        const bConst = this.constValue(db) === 0;
        const aConst = this.constValue(da) === 0;
        if (bConst) {
          const cb = this.constValue(b);
          const lower = cb === 2 ? a : this.pow(a, this.add([b, this.c(-1)]));
          d = this.mul([b, lower, da]);
        } else if (aConst) {
          d = this.mul([id, this.fn('log', a), db]);
        } else {
          d = this.mul([id, this.add([this.mul([db, this.fn('log', a)]), this.div(this.mul([b, da]), a)])]);
        }
        break;
      }
      case 'exp':
        d = this.mul([id, this.diff(A[0], xi)]);
        break;
      case 'log':
        d = this.div(this.diff(A[0], xi), A[0]);
        break;
      case 'sqrt':
        d = this.div(this.diff(A[0], xi), this.mul([this.c(2), id]));
        break;
      case 'abs':
        // sign(a)·da, written as a/|a|·da (undefined at 0, like the function's derivative)
        d = this.mul([this.div(A[0], id), this.diff(A[0], xi)]);
        break;
      default:
        d = this.c(0);
    }
    this.remember(id, d);
    return d;
  }

  private remember(id: number, d: number): void {
    if (id >= this.dstamp.length) {
      let size = this.dstamp.length;
      while (size <= id) size *= 2;
      const val = new Int32Array(size);
      val.set(this.dval);
      const st = new Int32Array(size);
      st.set(this.dstamp);
      this.dval = val;
      this.dstamp = st;
    }
    this.dval[id] = d;
    this.dstamp[id] = this.stamp;
  }

  /** Evaluates a node by interpretation (used for conditions and tests, never in the solver loop). */
  evaluate(id: number, x: ArrayLike<number>, p: ArrayLike<number>): number {
    const n = this.nodes[id];
    const a = n.args.map((c) => this.evaluate(c, x, p));
    switch (n.op) {
      case 'c':
        return n.v;
      case 'x':
        return x[n.v];
      case 'p':
        return p[n.v];
      case 'add':
        return a.reduce((s, t) => s + t, 0);
      case 'mul':
        return a.reduce((s, t) => s * t, 1);
      case 'neg':
        return -a[0];
      case 'div':
        return a[0] / a[1];
      case 'pow':
        return Math.pow(a[0], a[1]);
      case 'exp':
        return Math.exp(a[0]);
      case 'log':
        return Math.log(a[0]);
      case 'sqrt':
        return Math.sqrt(a[0]);
      case 'abs':
        return Math.abs(a[0]);
    }
  }
}
