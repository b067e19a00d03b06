/**
 * A second reading of a model's calibration text (src/cge/listing/calibration.ts), written for the
 * tests from the GAMS rules, not from the code that calibrates: every statement is evaluated over
 * its domain, in order, from the SAM and the parameter file, and the result compared with what the
 * calibration computed. Statements are `lhs(domain)$(condition) = value;` cases applied in order (an
 * element keeps the value of the last case whose condition holds, 0 when none does); `SAM(r,c)` is
 * a cell; a name that is neither a benchmark value, a parameter, a set nor a function is a key of
 * the parameter file (a number by element, a list or a label as membership, dots for nesting).
 */
import { createRequire } from 'node:module';
import type { MathNode } from 'mathjs';
import type { CalibratedModel, CalibrationStatement, SamInput } from '../../src/cge/index.js';
import { calibrationCases } from '../../src/cge/index.js';

const { parse } = createRequire(import.meta.url)('mathjs') as typeof import('mathjs');

type Node = MathNode & {
  op?: string;
  fn?: MathNode & { name?: string };
  args?: MathNode[];
  name?: string;
  value?: unknown;
  content?: MathNode;
  object?: MathNode;
  index?: MathNode & { dimensions?: MathNode[] };
};

/** GAMS spellings into what mathjs reads: `**` → `^`, `<>` → `!=`, `$` → `|` (a sum's condition). */
const mathjs = (text: string) => parse(text.replace(/\*\*/g, '^').replace(/<>/g, '!=').replace(/\$/g, ' | '));

/** A mismatch between a statement's value and the calibration's. */
export interface CalibrationMismatch {
  statement: string;
  element: string;
  expected: number;
  actual: number;
}

/** What the evaluator needs: the calibrated model, its SAM, its parameter file and the keys' defaults. */
export interface CalibrationCheckInput {
  calibrated: CalibratedModel;
  sam: SamInput;
  params: Readonly<Record<string, unknown>>;
  /** Values of optional parameter-file keys when absent (`world_export_price`: 1). */
  defaults: Readonly<Record<string, number>>;
}

/** Evaluates every statement and lists where it differs from the calibration (relative tolerance `tol`). */
export function checkCalibrationText(
  input: CalibrationCheckInput,
  tol = 1e-12,
): { mismatches: CalibrationMismatch[]; statements: number; keys: Set<string> } {
  const { calibrated, sam, params, defaults } = input;
  const m = calibrated.model;
  const labels = sam.accounts.map((a) => a.label);
  const n = labels.length;
  const data = new Map<string, { domain: readonly string[]; values: Map<string, number> }>();
  const keys = new Set<string>();
  const mismatches: CalibrationMismatch[] = [];

  const keyValue = (path: string, el?: string): number => {
    keys.add(path.split('.')[0]!);
    let v: unknown = params;
    for (const part of path.split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[part] : undefined;
    if (el !== undefined) {
      if (Array.isArray(v)) return v.includes(el) ? 1 : 0;
      if (typeof v === 'string') return v === el ? 1 : 0;
      v = v && typeof v === 'object' ? (v as Record<string, unknown>)[el] : undefined;
    }
    if (typeof v === 'number') return v;
    const d = defaults[path] ?? defaults[path.split('.')[0]!];
    if (d === undefined) throw new Error(`parameter-file key ${path}${el ? `(${el})` : ''} is missing and has no default`);
    return d;
  };

  const element = (a: MathNode, b: Map<string, string>): string => {
    const x = a as Node;
    if (x.type === 'ConstantNode') return String(x.value);
    if (x.type === 'SymbolNode' && b.has(String(x.name))) return b.get(String(x.name))!;
    throw new Error(`"${a.toString()}" is not a bound index or an element`);
  };

  const over = (idx: MathNode, b: Map<string, string>): { names: string[]; cond?: MathNode } => {
    const x = idx as Node;
    if (x.type === 'OperatorNode' && x.op === '|') return { names: over(x.args![0]!, b).names, cond: x.args![1]! };
    if (x.type === 'ParenthesisNode') return over(x.content!, b);
    if (x.type === 'SymbolNode') return { names: [String(x.name)] };
    throw new Error(`cannot read the index of a sum: ${idx.toString()}`);
  };

  const evaluate = (node: MathNode, b: Map<string, string>): number => {
    const x = node as Node;
    switch (x.type) {
      case 'ConstantNode':
        return Number(x.value);
      case 'ParenthesisNode':
        return evaluate(x.content!, b);
      case 'AccessorNode':
        return keyValue(node.toString().replace(/\s/g, ''));
      case 'SymbolNode':
        return reference(String(x.name), [], b);
      case 'FunctionNode': {
        const name = String(x.fn?.name);
        const args = x.args ?? [];
        if (name === 'sum' || name === 'prod') {
          const { names, cond } = over(args[0]!, b);
          let acc = name === 'sum' ? 0 : 1;
          for (const t of m.tuples(names)) {
            const b2 = new Map(b);
            names.forEach((nm, k) => b2.set(nm, t[k]!));
            if (cond && evaluate(cond, b2) === 0) continue;
            const v = evaluate(args[1]!, b2);
            acc = name === 'sum' ? acc + v : acc * v;
          }
          return acc;
        }
        const fns: Record<string, (v: number) => number> = { exp: Math.exp, log: Math.log, sqrt: Math.sqrt, abs: Math.abs };
        if (fns[name]) return fns[name]!(evaluate(args[0]!, b));
        return reference(
          name,
          args.map((a) => element(a, b)),
          b,
        );
      }
      case 'OperatorNode': {
        const args = x.args ?? [];
        if (args.length === 1) {
          const a = evaluate(args[0]!, b);
          if (x.op === '-') return -a;
          if (x.op === 'not') return a === 0 ? 1 : 0;
          return a;
        }
        const [a, c] = [evaluate(args[0]!, b), evaluate(args[1]!, b)];
        const ops: Record<string, (p: number, q: number) => number> = {
          '+': (p, q) => p + q,
          '-': (p, q) => p - q,
          '*': (p, q) => p * q,
          '/': (p, q) => p / q,
          '^': (p, q) => Math.pow(p, q),
          '>': (p, q) => +(p > q),
          '<': (p, q) => +(p < q),
          '>=': (p, q) => +(p >= q),
          '<=': (p, q) => +(p <= q),
          '==': (p, q) => +(p === q),
          '!=': (p, q) => +(p !== q),
          and: (p, q) => +(p !== 0 && q !== 0),
          or: (p, q) => +(p !== 0 || q !== 0),
        };
        const f = ops[String(x.op)];
        if (!f) throw new Error(`operator ${x.op} in ${node.toString()}`);
        return f(a, c);
      }
      default:
        throw new Error(`cannot evaluate ${node.toString()}`);
    }
  };

  const reference = (name: string, els: string[], b: Map<string, string>): number => {
    if (name === 'SAM') return sam.values[labels.indexOf(els[0]!) * n + labels.indexOf(els[1]!)]!;
    const d = data.get(name);
    if (d) return d.values.get(els.join(','))!;
    if (m.hasParameter(name)) return m.param(name, els);
    if (m.isSet(name)) return m.getSet(name).position.has(els[0]!) ? 1 : 0;
    if (b.has(name)) throw new Error(`index ${name} used as a number`);
    return keyValue(name, els[0]);
  };

  const valueAt = (s: CalibrationStatement, b: Map<string, string>): number => {
    let v = 0;
    for (const [cond, text] of calibrationCases(s.value)) if (!cond || evaluate(mathjs(cond), b) !== 0) v = evaluate(mathjs(text), b);
    return v;
  };

  const compare = (s: CalibrationStatement, el: string[], expected: number, actual: number) => {
    const ok = expected === actual || Math.abs(expected - actual) <= tol * Math.max(Math.abs(expected), Math.abs(actual));
    if (!ok) mismatches.push({ statement: `${s.kind} ${s.name}`, element: el.join(','), expected, actual });
  };

  const statements = calibrated.calibration?.statements ?? [];
  for (const s of statements) {
    const values = new Map<string, number>();
    for (const t of m.tuples(s.domain)) {
      const b = new Map(s.domain.map((d, k) => [d, t[k]!] as const));
      if (s.kind === 'fix') {
        const [cond, text] = calibrationCases(s.value)[0]!;
        const v = m.getVariable(s.name);
        const k = m.flatIndex(v, t);
        const should = evaluate(mathjs(cond), b) !== 0;
        if (should !== (v.fixed[k] === 1))
          mismatches.push({ statement: `fix ${s.name}`, element: t.join(','), expected: +should, actual: v.fixed[k]! });
        else if (should) compare(s, t, evaluate(mathjs(text), b), v.level[k]!);
        continue;
      }
      const value = valueAt(s, b);
      values.set(t.join(','), value);
      if (s.kind === 'parameter') compare(s, t, value, m.param(s.name, t));
      if (s.kind === 'level') {
        const v = m.getVariable(s.name);
        compare(s, t, value, v.level[m.flatIndex(v, t)]!);
      }
    }
    if (s.kind === 'datum') data.set(s.name, { domain: s.domain, values });
  }
  return { mismatches, statements: statements.length, keys };
}
