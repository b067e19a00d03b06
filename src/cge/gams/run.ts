/**
 * Running a GAMS model file: the statements of the GAMS subset CGE model files are written in,
 * executed in order — declarations, assignments (calibration and shocks), `solve` (see
 * `solve.ts`), `display`. `option`, `file`, `put` and `loop` statements and dollar-control lines
 * other than `$title`, `$onText`/`$offText`, `$onEmpty`/`$offEmpty` are reported as skipped with
 * their line, never silently; any other statement the runner does not know is an error.
 * @module
 */
import type { GExpr } from './ast.js';
import {
  declareAliases,
  declareEquations,
  declareFiles,
  declareModels,
  declareParameters,
  declareSets,
  declareTable,
  declareVariables,
  setVarAttr,
} from './declarations.js';
import { isEquationDefinition, parseEquationDefinition, splitStatements } from './equation.js';
import { evaluate, forEachTuple, resolveArgs, setValue } from './evaluate.js';
import { describe, parseDollarOperand, parseGExpr, parseRef, TokenStream } from './expr-parser.js';
import { gamsError, lexGams, type Token } from './lex.js';
import { type GamsSolveReport, runSolve, type SolveStatement } from './solve.js';
import { GamsState, tupleKey } from './state.js';
import { varAttrs } from './evaluate.js';

/** One displayed symbol: its non-zero values by element tuple. */
export interface GamsDisplay {
  readonly line: number;
  readonly kind: 'parameter' | 'variable' | 'set' | 'text';
  readonly name: string;
  readonly text?: string;
  /** Values by element tuple (`[]` for a scalar); zeros are omitted, as GAMS does. */
  readonly values: readonly { readonly index: readonly string[]; readonly value: number }[];
}

/** A statement or directive the runner did not execute, with why. */
export interface GamsSkipped {
  readonly line: number;
  readonly statement: string;
  readonly reason: string;
}

/** What running a GAMS file gives. */
export interface GamsRunResult {
  readonly title?: string;
  readonly solves: readonly GamsSolveReport[];
  readonly displays: readonly GamsDisplay[];
  readonly skipped: readonly GamsSkipped[];
  /** The program's symbols after the run (parameters and levels). */
  readonly state: GamsState;
}

const SKIP: Readonly<Record<string, string>> = {
  option: 'solver options do not apply to the Newton solver',
  options: 'solver options do not apply to the Newton solver',
  put: 'put output is not part of the runner',
  putclose: 'put output is not part of the runner',
  puttl: 'put output is not part of the runner',
  loop: 'loop statements are not part of the runner',
  execute_unload: 'GDX output is not part of the runner',
};
const KNOWN_DIRECTIVES = new Set([
  'title',
  'stitle',
  'onempty',
  'offempty',
  'onsymlist',
  'offsymlist',
  'offlisting',
  'onlisting',
  'eolcom',
]);

/** Runs GAMS text (see the module comment); `file` names it in messages. */
export function runGams(text: string, file?: string): GamsRunResult {
  const lx = lexGams(text, file);
  const state = new GamsState();
  const solves: GamsSolveReport[] = [];
  const displays: GamsDisplay[] = [];
  const skipped: GamsSkipped[] = [];
  let title: string | undefined;
  for (const d of lx.directives) {
    if (d.name === 'title') title = d.rest;
    else if (['include', 'batinclude', 'libinclude', 'call', 'gdxin', 'load', 'set', 'setglobal', 'if', 'goto'].includes(d.name))
      gamsError(`$${d.name} is not supported: the statements it brings would be lost`, d.line, 1, file);
    else if (!KNOWN_DIRECTIVES.has(d.name))
      skipped.push({ line: d.line, statement: `$${d.name}`, reason: 'dollar-control option without effect on the run' });
  }
  for (const st of splitStatements(lx.tokens)) {
    const eof: Token = {
      kind: 'eof',
      text: '',
      key: '',
      line: st[st.length - 1].line,
      col: st[st.length - 1].end,
      end: st[st.length - 1].end,
    };
    const s = new TokenStream([...st, eof], file);
    const head = st[0];
    const kw = head.kind === 'id' ? head.key : '';
    const sym = head.kind === 'id' ? state.get(head.text) : undefined;
    if (Object.hasOwn(SKIP, kw) || (kw && /^(put|execute)/.test(kw) && !sym)) {
      skipped.push({ line: head.line, statement: head.text, reason: SKIP[kw] ?? 'not part of the runner' });
      continue;
    }
    if (sym?.kind === 'file') {
      skipped.push({ line: head.line, statement: `${head.text}…`, reason: 'put-file attributes are not part of the runner' });
      continue;
    }
    s.next();
    if (runKeyword(kw, s, head, { state, ...(file ? { file } : {}), solves, displays, skipped })) continue;
    s.pos = 0;
    if (isEquationDefinition(st)) {
      const d = parseEquationDefinition(st, file);
      const eq = state.get(d.name);
      if (eq?.kind !== 'equation') gamsError(`"${d.name}" is defined with .. but not declared as an equation`, d.line, d.col, file);
      if (eq.def) gamsError(`equation ${d.name} is defined twice (first at line ${eq.def.line})`, d.line, d.col, file);
      if (d.domain.length !== eq.domain.length)
        gamsError(
          `equation ${d.name} is declared over ${eq.domain.length} set(s) and defined over ${d.domain.length}`,
          d.line,
          d.col,
          file,
        );
      eq.def = d;
      continue;
    }
    if (head.kind === 'id' && sym && (sym.kind === 'parameter' || sym.kind === 'variable')) {
      assign(state, s, file);
      continue;
    }
    gamsError(`${describe(head)} does not start a statement the runner knows`, head.line, head.col, file);
  }
  return { ...(title !== undefined ? { title } : {}), solves, displays, skipped, state };
}

/** What the statements of a run share. */
interface RunContext {
  readonly state: GamsState;
  readonly file?: string;
  readonly solves: GamsSolveReport[];
  readonly displays: GamsDisplay[];
  readonly skipped: GamsSkipped[];
}

/** Runs a declaration, solve or display statement (its keyword `kw` already read); false when `kw` is none of them. */
function runKeyword(kw: string, s: TokenStream, head: Token, run: RunContext): boolean {
  const { state, file, solves, displays, skipped } = run;
  switch (kw) {
    case 'set':
    case 'sets':
      declareSets(state, s, file);
      return true;
    case 'alias':
      declareAliases(state, s, file);
      return true;
    case 'parameter':
    case 'parameters':
    case 'scalar':
    case 'scalars':
      declareParameters(state, s, file);
      return true;
    case 'table':
      declareTable(state, s, file);
      return true;
    case 'variable':
    case 'variables':
    case 'free':
      if (kw === 'free') s.expect(s.is('variables') ? 'variables' : 'variable', '"variable"');
      declareVariables(state, s, 'free', file);
      return true;
    case 'positive':
    case 'negative':
      s.expect(s.is('variables') ? 'variables' : 'variable', '"variable"');
      declareVariables(state, s, kw, file);
      return true;
    case 'binary':
    case 'integer':
    case 'sos1':
    case 'sos2':
      gamsError(`${head.text} variables are not part of a CGE model (the runner solves square systems)`, head.line, head.col, file);
      break;
    case 'equation':
    case 'equations':
      declareEquations(state, s, file);
      return true;
    case 'model':
    case 'models':
      declareModels(state, s, file);
      return true;
    case 'file':
    case 'files':
      declareFiles(state, s, file);
      skipped.push({ line: head.line, statement: head.text, reason: 'put files are not part of the runner' });
      return true;
    case 'solve':
      solves.push(runSolve(state, readSolve(s, head), file));
      return true;
    case 'display':
      displays.push(...readDisplay(state, s, head, file));
      return true;
  }
  return false;
}

function readSolve(s: TokenStream, head: Token): SolveStatement {
  const model = s.ident('a model name');
  let type: string | undefined;
  let objective: string | undefined;
  let direction: 'max' | 'min' | undefined;
  while (!s.done) {
    const t = s.ident('using, maximizing or minimizing');
    if (t.key === 'using') type = s.ident('a model type (cns, mcp, nlp)').key;
    else if (['maximizing', 'max', 'minimizing', 'min'].includes(t.key)) {
      direction = t.key.startsWith('max') ? 'max' : 'min';
      objective = s.ident('the objective variable').text;
    } else s.fail(`expected using, maximizing or minimizing, found "${t.text}"`, t);
  }
  if (!type) s.fail('a solve statement needs "using" and a model type', head);
  return {
    model: model.text,
    type,
    ...(objective ? { objective } : {}),
    ...(direction ? { direction } : {}),
    line: head.line,
    col: head.col,
  };
}

function assign(state: GamsState, s: TokenStream, file?: string): void {
  const ctx = { state, ...(file ? { file } : {}) };
  const nameTok = s.next();
  const lhs = parseRef(s, nameTok) as Extract<GExpr, { t: 'ref' }>;
  const cond = s.accept('$') ? parseDollarOperand(s) : undefined;
  s.expect('=', `"=" of an assignment to ${nameTok.text}`);
  const rhs = parseGExpr(s);
  if (!s.done) s.fail(`unexpected ${describe(s.peek())} after the assignment`);
  const sym = state.get(nameTok.text)!;
  if (sym.kind !== 'parameter' && sym.kind !== 'variable') return;
  if (sym.kind === 'variable' && !lhs.attr)
    gamsError(`assign to an attribute of variable ${sym.name} (.l, .lo, .up, .fx)`, nameTok.line, nameTok.col, file);
  if (sym.kind === 'parameter' && lhs.attr)
    gamsError(`parameter ${sym.name} has no attribute .${lhs.attr}`, nameTok.line, nameTok.col, file);
  if (lhs.args.length !== sym.domain.length)
    gamsError(`${sym.name} has ${sym.domain.length} index(es) but is written with ${lhs.args.length}`, nameTok.line, nameTok.col, file);
  const over: string[] = [];
  for (const a of lhs.args) {
    if (a.t === 'idx') {
      if (a.shift) gamsError('a lag or lead on the left of an assignment is not supported', a.line, a.col, file);
      if (!over.some((o) => o.toLowerCase() === a.name.toLowerCase())) over.push(a.name);
    }
  }
  forEachTuple(ctx, over, new Map(), nameTok, (b) => {
    const tuple = resolveArgs(ctx, lhs.args, b, sym.name)!;
    tuple.forEach((el, k) => {
      if (!state.inDomain(sym.domain[k], el))
        gamsError(
          `"${el}" is outside the domain ${state.setOf(sym.domain[k])?.name} of ${sym.name} (index ${k + 1})`,
          nameTok.line,
          nameTok.col,
          file,
        );
    });
    if (cond && evaluate(ctx, cond, b) === 0) return;
    const v = evaluate(ctx, rhs, b);
    if (sym.kind === 'parameter') setValue(sym, tuple, v);
    else setVarAttr(sym, tuple, lhs.attr!, v);
  });
}

function readDisplay(state: GamsState, s: TokenStream, head: Token, file?: string): GamsDisplay[] {
  const out: GamsDisplay[] = [];
  while (!s.done) {
    const t = s.next();
    if (t.kind === 'op' && t.key === ',') continue;
    if (t.kind === 'str') {
      out.push({ line: head.line, kind: 'text', name: t.text, values: [] });
      continue;
    }
    if (t.kind !== 'id') s.fail(`expected a name to display, found ${describe(t)}`, t);
    let attr = 'l';
    if (s.is('.') && s.peek(1).kind === 'id') {
      s.next();
      attr = s.next().key;
    }
    const sym = state.get(t.text);
    const set = state.setOf(t.text);
    if (set) {
      out.push({ line: head.line, kind: 'set', name: set.name, values: set.elements.map((e) => ({ index: [e], value: 1 })) });
    } else if (sym?.kind === 'parameter') {
      out.push({
        line: head.line,
        kind: 'parameter',
        name: sym.name,
        ...(sym.text ? { text: sym.text } : {}),
        values: sortedValues(state, sym.domain, (k) => sym.values.get(k) ?? 0),
      });
    } else if (sym?.kind === 'variable') {
      if (!['l', 'lo', 'up'].includes(attr))
        gamsError(`display ${t.text}.${attr}: the runner displays .l, .lo and .up`, t.line, t.col, file);
      out.push({
        line: head.line,
        kind: 'variable',
        name: `${sym.name}.${attr}`,
        ...(sym.text ? { text: sym.text } : {}),
        values: sortedValues(state, sym.domain, (k) => {
          const a = varAttrs(sym, k.split('\u0001'));
          return attr === 'l' ? a.l : attr === 'lo' ? a.lo : a.up;
        }),
      });
    } else gamsError(`"${t.text}" is not a set, parameter or variable to display`, t.line, t.col, file);
  }
  return out;
}

function sortedValues(state: GamsState, domain: readonly string[], get: (key: string) => number): { index: string[]; value: number }[] {
  const out: { index: string[]; value: number }[] = [];
  const rec = (k: number, t: string[]) => {
    if (k === domain.length) {
      const v = get(tupleKey(t));
      if (v !== 0) out.push({ index: [...t], value: v });
      return;
    }
    for (const el of state.elementsOf(domain[k])) rec(k + 1, [...t, el]);
  };
  rec(0, []);
  return out;
}

/** Writes displays as GAMS-like listing text (`----  line PARAMETER name` and one line per value). */
export function formatDisplays(displays: readonly GamsDisplay[]): string {
  const lines: string[] = [];
  for (const d of displays) {
    if (d.kind === 'text') {
      lines.push(`----  ${String(d.line).padStart(5)} ${d.name}`);
      continue;
    }
    const kind = d.kind === 'variable' ? 'VARIABLE' : d.kind === 'set' ? 'SET' : 'PARAMETER';
    const scalar = d.values.length <= 1 && (d.values[0]?.index.length ?? 0) === 0;
    if (scalar && d.kind !== 'set') {
      lines.push(
        `----  ${String(d.line).padStart(5)} ${kind} ${d.name.padEnd(20)} = ${fmt(d.values[0]?.value ?? 0).padStart(14)}${d.text ? `  ${d.text}` : ''}`,
      );
      continue;
    }
    lines.push(`----  ${String(d.line).padStart(5)} ${kind} ${d.name}${d.text ? `  ${d.text}` : ''}`);
    for (const v of d.values)
      lines.push(`        ${v.index.join('.').padEnd(20)} ${d.kind === 'set' ? '' : fmt(v.value).padStart(14)}`.trimEnd());
    if (!d.values.length) lines.push('        ( all zero )');
  }
  return `${lines.join('\n')}\n`;
}

function fmt(v: number): string {
  if (!Number.isFinite(v)) return v > 0 ? '+INF' : v < 0 ? '-INF' : 'NA';
  return Math.abs(v) >= 1e-3 && Math.abs(v) < 1e9 ? v.toFixed(6) : v.toExponential(6);
}
