/**
 * The model language's builder: sets, parameters, variables and equations, as in a GAMS model.
 *
 * - A **set** is an ordered list of elements; a subset names its parent; an alias is another name
 *   for a set (GAMS `Alias (i,j)`), so that `sum(j, X(i,j))` can run over goods inside an equation
 *   indexed by `i`.
 * - A **parameter** holds a number per element tuple of its domain (0 where unset, as in GAMS).
 * - A **variable** holds a level, lower and upper bounds and a fixed flag per element tuple.
 * - An **equation** is indexed over sets, with an optional `$` condition, `lhs =e= rhs`.
 *
 * Values are stored densely over the cartesian product of the domain, row-major (last index
 * fastest). Units are whatever the SAM's are; prices are relative to the numeraire.
 * @module
 */
import { ModelError } from '../../errors.js';
import type { Expr } from './expr.js';
import { parseEquations } from './parse.js';

/** An ordered set of elements. */
export interface CgeSet {
  readonly name: string;
  readonly elements: readonly string[];
  /** Parent set of a subset (elements must belong to it). */
  readonly parent?: string;
  readonly description?: string;
  /** Position of each element. */
  readonly position: ReadonlyMap<string, number>;
}

/** Shape shared by parameters and variables: a domain of sets and dense storage over it. */
export interface Indexed {
  readonly name: string;
  readonly domain: readonly string[];
  readonly description?: string;
  /** Number of element tuples (product of the domain sizes; 1 for a scalar). */
  readonly size: number;
}

/** A parameter: one number per element tuple. */
export interface CgeParameter extends Indexed {
  readonly kind: 'parameter';
  readonly values: Float64Array;
}

/** A variable: level, bounds and fixed flag per element tuple. */
export interface CgeVariable extends Indexed {
  readonly kind: 'variable';
  readonly level: Float64Array;
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  /** 1 where the variable is fixed at its level. */
  readonly fixed: Uint8Array;
}

/** An equation indexed over sets: `name(domain)$condition.. lhs =e= rhs`. */
export interface CgeEquation {
  readonly name: string;
  readonly domain: readonly string[];
  readonly condition?: Expr;
  readonly lhs: Expr;
  readonly rhs: Expr;
  readonly description?: string;
  /** Text form, when the equation was written as text. */
  readonly source?: string;
}

/** Options of {@link CgeModel.variable}. */
export interface VariableOptions {
  description?: string;
  /** Lower bound for every element (default -Infinity). */
  lower?: number;
  /** Upper bound for every element (default +Infinity). */
  upper?: number;
  /** Initial level for every element (default 0). */
  level?: number;
}

/** Element tuple given as an array of element labels, or a single label for a one-dimensional domain. */
export type ElementTuple = string | readonly string[];

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A CGE model under construction or complete. */
export class CgeModel {
  /** Model name (e.g. `stdcge`). */
  readonly name: string;
  private readonly sets = new Map<string, CgeSet>();
  private readonly aliases = new Map<string, string>();
  private readonly params = new Map<string, CgeParameter>();
  private readonly vars = new Map<string, CgeVariable>();
  private readonly eqs: CgeEquation[] = [];

  constructor(name: string) {
    this.name = name;
  }

  private checkNew(name: string): void {
    if (!NAME.test(name)) throw new ModelError('MODEL_BAD_NAME', `"${name}" is not a valid name (letters, digits, _)`);
    if (this.sets.has(name) || this.aliases.has(name) || this.params.has(name) || this.vars.has(name)) {
      throw new ModelError('MODEL_DUPLICATE', `"${name}" is already declared in model ${this.name}`, { equation: name });
    }
  }

  /** Declares a set (or a subset of `parent`) with its ordered elements. */
  set(name: string, elements: readonly string[], opts: { parent?: string; description?: string } = {}): CgeSet {
    this.checkNew(name);
    const position = new Map<string, number>();
    elements.forEach((e, k) => {
      if (position.has(e))
        throw new ModelError('MODEL_DUPLICATE', `set ${name} lists element "${e}" twice`, { equation: name, index: [e] });
      position.set(e, k);
    });
    if (opts.parent !== undefined) {
      const parent = this.getSet(opts.parent);
      for (const e of elements) {
        if (!parent.position.has(e)) {
          throw new ModelError('UNKNOWN_ELEMENT', `subset ${name}: "${e}" is not an element of ${parent.name}`, {
            equation: name,
            index: [e],
          });
        }
      }
    }
    const s: CgeSet = { name, elements: [...elements], position, ...opts };
    this.sets.set(name, s);
    return s;
  }

  /** Declares `alias` as another name of set `of` (GAMS `Alias (of, alias)`). */
  alias(of: string, alias: string): void {
    this.getSet(of);
    this.checkNew(alias);
    this.aliases.set(alias, this.resolveSetName(of));
  }

  /** Every alias with the set it names, in declaration order: `[alias, set]`. */
  get aliasList(): [string, string][] {
    return [...this.aliases.entries()];
  }

  /** Name of the set behind a set or alias name. */
  resolveSetName(name: string): string {
    return this.aliases.get(name) ?? name;
  }

  /** Whether `name` is a set or an alias. */
  isSet(name: string): boolean {
    return this.sets.has(this.resolveSetName(name));
  }

  /** The set behind a set or alias name; ModelError UNKNOWN_SET otherwise. */
  getSet(name: string): CgeSet {
    const s = this.sets.get(this.resolveSetName(name));
    if (!s) throw new ModelError('UNKNOWN_SET', `"${name}" is not a set of model ${this.name}`, { equation: name });
    return s;
  }

  private sizeOf(domain: readonly string[]): number {
    return domain.reduce((n, d) => n * this.getSet(d).elements.length, 1);
  }

  /** Declares a parameter over `domain` (set names; [] for a scalar), all values 0. */
  parameter(name: string, domain: readonly string[] = [], opts: { description?: string; value?: number } = {}): CgeParameter {
    this.checkNew(name);
    const size = this.sizeOf(domain);
    const p: CgeParameter = {
      kind: 'parameter',
      name,
      domain: [...domain],
      size,
      values: new Float64Array(size).fill(opts.value ?? 0),
      ...(opts.description ? { description: opts.description } : {}),
    };
    this.params.set(name, p);
    return p;
  }

  /** Declares a variable over `domain` with bounds and level for every element. */
  variable(name: string, domain: readonly string[] = [], opts: VariableOptions = {}): CgeVariable {
    this.checkNew(name);
    const size = this.sizeOf(domain);
    const v: CgeVariable = {
      kind: 'variable',
      name,
      domain: [...domain],
      size,
      level: new Float64Array(size).fill(opts.level ?? 0),
      lower: new Float64Array(size).fill(opts.lower ?? -Infinity),
      upper: new Float64Array(size).fill(opts.upper ?? Infinity),
      fixed: new Uint8Array(size),
      ...(opts.description ? { description: opts.description } : {}),
    };
    this.vars.set(name, v);
    return v;
  }

  /** Adds an equation from expression trees (the typed builder form). */
  equation(
    name: string,
    domain: readonly string[],
    lhs: Expr,
    rhs: Expr,
    opts: { condition?: Expr; description?: string; source?: string } = {},
  ): CgeEquation {
    if (!NAME.test(name)) throw new ModelError('MODEL_BAD_NAME', `"${name}" is not a valid equation name`);
    if (this.eqs.some((e) => e.name === name))
      throw new ModelError('MODEL_DUPLICATE', `equation ${name} is defined twice`, { equation: name });
    for (const d of domain) this.getSet(d);
    const eq: CgeEquation = { name, domain: [...domain], lhs, rhs, ...opts };
    this.eqs.push(eq);
    return eq;
  }

  /**
   * Adds the equations of a text block in the GAMS-like form (see {@link parseEquations}), with
   * optional descriptions by equation name.
   */
  equations(text: string, descriptions: Readonly<Record<string, string>> = {}): CgeEquation[] {
    const r = (name: string) => this.declaredSpelling(name);
    return parseEquations(text).map((p) =>
      this.equation(p.name, p.domain.map(r), renameExpr(p.lhs, r), renameExpr(p.rhs, r), {
        ...(p.condition ? { condition: renameExpr(p.condition, r) } : {}),
        ...(descriptions[p.name] ? { description: descriptions[p.name] } : {}),
        source: p.source,
      }),
    );
  }

  /**
   * The declared spelling of a name written in any case (GAMS names are case-insensitive:
   * `PE_FOB` is `PE_fob`); the name itself when it is declared as written or not at all.
   */
  declaredSpelling(name: string): string {
    if (this.sets.has(name) || this.aliases.has(name) || this.params.has(name) || this.vars.has(name)) return name;
    const key = name.toLowerCase();
    for (const m of [this.sets, this.aliases, this.params, this.vars] as ReadonlyMap<string, unknown>[])
      for (const k of m.keys()) if (k.toLowerCase() === key) return k;
    return name;
  }

  /** Declared sets, in declaration order. */
  get setList(): CgeSet[] {
    return [...this.sets.values()];
  }
  /** Declared parameters, in declaration order. */
  get parameterList(): CgeParameter[] {
    return [...this.params.values()];
  }
  /** Declared variables, in declaration order. */
  get variableList(): CgeVariable[] {
    return [...this.vars.values()];
  }
  /** Equations, in definition order. */
  get equationList(): readonly CgeEquation[] {
    return this.eqs;
  }

  /** A parameter by name; ModelError UNKNOWN_PARAMETER otherwise. */
  getParameter(name: string): CgeParameter {
    const p = this.params.get(name);
    if (!p) throw new ModelError('UNKNOWN_PARAMETER', `"${name}" is not a parameter of model ${this.name}`, { equation: name });
    return p;
  }
  /** A variable by name; ModelError UNKNOWN_VARIABLE otherwise. */
  getVariable(name: string): CgeVariable {
    const v = this.vars.get(name);
    if (!v) throw new ModelError('UNKNOWN_VARIABLE', `"${name}" is not a variable of model ${this.name}`, { equation: name });
    return v;
  }
  /** Whether a parameter of that name exists. */
  hasParameter(name: string): boolean {
    return this.params.has(name);
  }
  /** Whether a variable of that name exists. */
  hasVariable(name: string): boolean {
    return this.vars.has(name);
  }

  /**
   * Flat position of an element tuple in a parameter's or variable's storage; ModelError
   * UNKNOWN_ELEMENT naming the element and the symbol otherwise.
   */
  flatIndex(sym: Indexed, tuple: ElementTuple): number {
    const t = typeof tuple === 'string' ? [tuple] : tuple;
    if (t.length !== sym.domain.length) {
      throw new ModelError('INDEX_ARITY', `${sym.name} has ${sym.domain.length} index(es), ${t.length} given`, {
        equation: sym.name,
        index: [...t],
      });
    }
    let flat = 0;
    for (let k = 0; k < t.length; k++) {
      const s = this.getSet(sym.domain[k]);
      const pos = s.position.get(t[k]);
      if (pos === undefined) {
        throw new ModelError('UNKNOWN_ELEMENT', `"${t[k]}" is not an element of set ${s.name} (index ${k + 1} of ${sym.name})`, {
          equation: sym.name,
          index: [...t],
        });
      }
      flat = flat * s.elements.length + pos;
    }
    return flat;
  }

  /** Element tuple of a flat position in a symbol's storage (inverse of {@link flatIndex}). */
  tupleOf(sym: Indexed, flat: number): string[] {
    const out = new Array<string>(sym.domain.length);
    for (let k = sym.domain.length - 1; k >= 0; k--) {
      const s = this.getSet(sym.domain[k]);
      const n = s.elements.length;
      out[k] = s.elements[flat % n];
      flat = Math.floor(flat / n);
    }
    return out;
  }

  /** Sets a parameter value at an element tuple (`[]` for a scalar). */
  setParameter(name: string, tuple: ElementTuple, value: number): void {
    const p = this.getParameter(name);
    p.values[this.flatIndex(p, tuple)] = value;
  }

  /** Reads a parameter value at an element tuple. */
  param(name: string, tuple: ElementTuple = []): number {
    const p = this.getParameter(name);
    return p.values[this.flatIndex(p, tuple)];
  }

  /** Sets a variable's level (GAMS `.l`). */
  setLevel(name: string, tuple: ElementTuple, value: number): void {
    const v = this.getVariable(name);
    v.level[this.flatIndex(v, tuple)] = value;
  }

  /** Fixes a variable at a value (GAMS `.fx`). */
  fix(name: string, tuple: ElementTuple, value: number): void {
    const v = this.getVariable(name);
    const k = this.flatIndex(v, tuple);
    v.level[k] = value;
    v.fixed[k] = 1;
  }

  /** Iterates over every element tuple of a domain, row-major. */
  *tuples(domain: readonly string[]): Generator<string[]> {
    const sets = domain.map((d) => this.getSet(d).elements);
    if (sets.some((s) => s.length === 0)) return;
    const pos = new Array<number>(sets.length).fill(0);
    for (;;) {
      yield pos.map((p, k) => sets[k][p]);
      let k = sets.length - 1;
      while (k >= 0 && ++pos[k] === sets[k].length) pos[k--] = 0;
      if (k < 0) return;
    }
  }
}

/** Renames every symbol and index of an expression with `r` (case folding to declared names). */
export function renameExpr(e: Expr, r: (name: string) => string): Expr {
  const go = (x: Expr) => renameExpr(x, r);
  switch (e.k) {
    case 'num':
      return e;
    case 'ref':
      return { k: 'ref', name: r(e.name), args: e.args.map((a) => (a.kind === 'index' ? { ...a, name: r(a.name) } : a)) };
    case 'bin':
      return { k: 'bin', op: e.op, a: go(e.a), b: go(e.b) };
    case 'cmp':
      return { k: 'cmp', op: e.op, a: go(e.a), b: go(e.b) };
    case 'not':
    case 'neg':
      return { k: e.k, a: go(e.a) };
    case 'fn':
      return { k: 'fn', f: e.f, a: go(e.a) };
    case 'cond':
      return { k: 'cond', a: go(e.a), c: go(e.c) };
    case 'agg':
      return { k: 'agg', f: e.f, over: e.over.map(r), ...(e.cond ? { cond: go(e.cond) } : {}), body: go(e.body) };
  }
}
