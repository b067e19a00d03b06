/**
 * The symbols a GAMS program declares while it runs: sets (ordered, with their parent set),
 * aliases, parameters, variables with their attributes, equations and models. Names and labels
 * are case-insensitive in GAMS: symbols are found by their lower-case key and keep their first
 * spelling; a label keeps the spelling it was first written with.
 * @module
 */
import type { GamsEquationDef } from './equation.js';

/** A set: its ordered elements and the set it is declared over (`i(u)`), if any. */
export interface GSet {
  readonly kind: 'set';
  readonly name: string;
  readonly elements: string[];
  readonly position: Map<string, number>;
  /** Key of the parent set, or undefined for a set over the universe. */
  readonly parent?: string;
  readonly text?: string;
}

/** A parameter (or scalar): values by element tuple, 0 where absent. */
export interface GParameter {
  readonly kind: 'parameter';
  readonly name: string;
  /** Keys of the domain sets (`*` for the universe). */
  readonly domain: readonly string[];
  readonly values: Map<string, number>;
  readonly text?: string;
}

/** Attributes of a variable element. */
export interface VarAttrs {
  l: number;
  lo: number;
  up: number;
  m: number;
  scale: number;
}

/** A variable with its attributes by element tuple. */
export interface GVariable {
  readonly kind: 'variable';
  readonly name: string;
  readonly domain: readonly string[];
  /** `free`, `positive` (lower bound 0) or `negative` (upper bound 0). */
  readonly type: 'free' | 'positive' | 'negative';
  readonly attrs: Map<string, VarAttrs>;
  readonly text?: string;
}

/** An equation: its declaration and, once written, its definition. */
export interface GEquation {
  readonly kind: 'equation';
  readonly name: string;
  readonly domain: readonly string[];
  def?: GamsEquationDef;
  readonly text?: string;
}

/** A model: `all` or its list of equations (with MCP pairings `eq.var`). */
export interface GModel {
  readonly kind: 'model';
  readonly name: string;
  readonly equations: 'all' | readonly { readonly equation: string; readonly pairedWith?: string }[];
}

/** A file of `put` statements (the run reports them as skipped). */
export interface GFile {
  readonly kind: 'file';
  readonly name: string;
}

/** Any declared symbol. */
export type GSymbol = GSet | GParameter | GVariable | GEquation | GModel | GFile;

/** Key of an element tuple in a symbol's value map. */
export const tupleKey = (t: readonly string[]): string => t.join('\u0001');

/** Default attributes of a variable element of a type. */
export function defaultAttrs(type: GVariable['type']): VarAttrs {
  return { l: 0, lo: type === 'positive' ? 0 : -Infinity, up: type === 'negative' ? 0 : Infinity, m: 0, scale: 1 };
}

/** The symbol table of a running program. */
export class GamsState {
  readonly symbols = new Map<string, GSymbol>();
  /** Alias key → key of the set it names. */
  readonly aliases = new Map<string, string>();
  /** Alias key → its spelling. */
  readonly aliasSpelling = new Map<string, string>();
  /** Label key → its first spelling. */
  readonly labels = new Map<string, string>();
  /** Declaration order of symbol keys (aliases included). */
  readonly order: string[] = [];

  /** The canonical spelling of a label. */
  label(text: string): string {
    const key = text.toLowerCase();
    const seen = this.labels.get(key);
    if (seen !== undefined) return seen;
    this.labels.set(key, text);
    return text;
  }

  /** The set a set or alias name stands for, if any. */
  setOf(name: string): GSet | undefined {
    const key = name.toLowerCase();
    const s = this.symbols.get(this.aliases.get(key) ?? key);
    return s?.kind === 'set' ? s : undefined;
  }

  /** A symbol by name (case-insensitive), aliases excluded. */
  get(name: string): GSymbol | undefined {
    return this.symbols.get(name.toLowerCase());
  }

  /** Whether a name is declared (as a symbol or an alias). */
  has(name: string): boolean {
    const key = name.toLowerCase();
    return this.symbols.has(key) || this.aliases.has(key);
  }

  /** Elements of a domain entry (`*` = every label seen so far). */
  elementsOf(domainKey: string): readonly string[] {
    if (domainKey === '*') return [...this.labels.values()];
    return this.setOf(domainKey)!.elements;
  }

  /** Whether `el` belongs to a domain entry. */
  inDomain(domainKey: string, el: string): boolean {
    return domainKey === '*' || (this.setOf(domainKey)?.position.has(el) ?? false);
  }
}
