/**
 * Hand-over to GAMS: a calibrated model written as a GAMS include file — sets and aliases,
 * parameters with their calibrated values, variables with benchmark levels, bounds and fixings, and
 * the equations (the model language's text form is GAMS notation) — and a scenario's shocks and
 * closure swaps as GAMS assignments, so that an economist can continue the work in GAMS. The data
 * statements can be read back with {@link readGamsData}.
 * @module
 */
import { InputError, ModelError } from '../errors.js';
import type { Closure } from './closure.js';
import { type Expr, formatIndexArg } from './model/expr.js';
import type { CgeModel, Indexed } from './model/model.js';
import type { CgeScenario } from './scenario.js';
import { gamsCommentText, printable, quoteGamsLabel } from '../util/gams-label.js';

/**
 * GAMS element literal: `'BRD'` (or `"…"` when the label holds a single quote).
 * @throws InputError `GAMS_BAD_LABEL` for a label GAMS cannot read (control characters such as a
 *   line break, both quotes, more than 63 characters), see {@link quoteGamsLabel}
 */
export function gamsElement(label: string): string {
  return quoteGamsLabel(label, { index: [printable(label)] });
}

/** Shortest round-trip number in a form GAMS reads (`inf`/`-inf` for infinities). */
export function gamsNumber(x: number): string {
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (!Number.isFinite(x)) throw new ModelError('GAMS_NOT_FINITE', `cannot write ${x} for GAMS`);
  return String(x);
}

const CMP: Readonly<Record<string, string>> = { '==': '=', '!=': '<>', '<': '<', '<=': '<=', '>': '>', '>=': '>=', and: 'and', or: 'or' };

/** Writes an expression in GAMS syntax. */
export function formatGamsExpr(e: Expr): string {
  switch (e.k) {
    case 'num':
      return gamsNumber(e.v);
    case 'ref':
      return e.args.length
        ? `${e.name}(${e.args.map((a) => (a.kind === 'index' ? formatIndexArg(a) : gamsElement(a.value))).join(',')})`
        : e.name;
    case 'bin':
      return `(${formatGamsExpr(e.a)} ${e.op === '^' ? '**' : e.op} ${formatGamsExpr(e.b)})`;
    case 'cmp':
      return `(${formatGamsExpr(e.a)} ${CMP[e.op]} ${formatGamsExpr(e.b)})`;
    case 'not':
      return `(not ${formatGamsExpr(e.a)})`;
    case 'neg':
      return `(-${formatGamsExpr(e.a)})`;
    case 'fn':
      return `${e.f}(${formatGamsExpr(e.a)})`;
    case 'cond':
      return `(${formatGamsExpr(e.a)}$${formatGamsExpr(e.c)})`;
    case 'agg': {
      const over = e.over.length === 1 ? e.over[0]! : `(${e.over.join(',')})`;
      return `${e.f}(${over}${e.cond ? `$${formatGamsExpr(e.cond)}` : ''}, ${formatGamsExpr(e.body)})`;
    }
  }
}

const ASCII: Readonly<Record<string, string>> = {
  σ: 'sigma',
  ψ: 'psi',
  ρ: 'rho',
  η: 'eta',
  φ: 'phi',
  '−': '-',
  '×': 'x',
  '·': '*',
  '’': '',
  '‘': '',
  '–': '-',
  '—': '-',
  '…': '...',
  Σ: 'sum',
  '≥': '>=',
  '≤': '<=',
};

/** A description as GAMS explanatory text: ASCII, no quotes. */
function gamsText(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, (c) => ASCII[c] ?? '?').replace(/['"]/g, '');
}

function tupleKey(tuple: readonly string[]): string {
  return tuple.map(gamsElement).join('.');
}

function dataLines(model: CgeModel, sym: Indexed, values: ArrayLike<number>, skipZero: boolean): string[] {
  const out: string[] = [];
  for (let k = 0; k < sym.size; k++) {
    const x = values[k]!;
    if (skipZero && x === 0) continue;
    out.push(`  ${tupleKey(model.tupleOf(sym, k))} ${gamsNumber(x)}`);
  }
  return out;
}

function ref(model: CgeModel, sym: Indexed, k: number): string {
  return sym.domain.length ? `${sym.name}(${tupleKey(model.tupleOf(sym, k)).replace(/\./g, ',')})` : sym.name;
}

/** Options of {@link formatModelGams}. */
export interface ModelGamsOptions {
  /** Closure whose fixed variables are written as `.fx` (and whose dropped equations are named in a comment). */
  closure?: Closure;
  /** Text for the header comment (model description, data source). */
  title?: string;
}

/**
 * Writes a calibrated model as a GAMS include file. Parameters are written as data statements
 * (zeros omitted, as GAMS defaults them); variables get `.l` at their calibrated levels, `.lo`/`.up`
 * where bounded, `.fx` where the model or the closure fixes them. The closure's dropped equations
 * (redundant by Walras' law) are named in a comment: solve as GAMS stdcge does (an NLP with the
 * equations as constraints) or drop them from the model statement.
 */
export function formatModelGams(model: CgeModel, options: ModelGamsOptions = {}): string {
  const out: string[] = [];
  out.push(`* Model ${model.name} written by digicge${options.title ? `: ${gamsText(options.title)}` : ''}.`);
  out.push('* Sets, calibrated parameters, benchmark levels and equations; rows of a SAM receive, columns pay.');
  out.push('');
  for (const s of model.setList) {
    out.push(`Set ${s.name}${s.parent ? `(${s.parent})` : ''}${s.description ? ` '${gamsText(s.description)}'` : ''} /`);
    for (const e of s.elements) out.push(`  ${gamsElement(e)}`);
    out.push('/;');
  }
  for (const [alias, of] of model.aliasList) out.push(`Alias (${of},${alias});`);
  out.push('');
  for (const p of model.parameterList) {
    const desc = p.description ? ` '${gamsText(p.description)}'` : '';
    if (p.domain.length === 0) {
      out.push(`Scalar ${p.name}${desc} / ${gamsNumber(p.values[0]!)} /;`);
      continue;
    }
    const lines = dataLines(model, p, p.values, true);
    out.push(`Parameter ${p.name}(${p.domain.join(',')})${desc}${lines.length ? ' /' : ';'}`);
    if (lines.length) out.push(...lines, '/;');
  }
  out.push('');
  for (const v of model.variableList) {
    out.push(
      `Variable ${v.name}${v.domain.length ? `(${v.domain.join(',')})` : ''}${v.description ? ` '${gamsText(v.description)}'` : ''};`,
    );
  }
  out.push('');
  const closureFixed = new Map<string, Set<number> | 'all'>();
  for (const f of options.closure?.fix ?? []) {
    const v = model.getVariable(f.variable);
    if (f.index === undefined) closureFixed.set(f.variable, 'all');
    else {
      const cur = closureFixed.get(f.variable);
      const set = cur instanceof Set ? cur : new Set<number>();
      set.add(model.flatIndex(v, f.index));
      if (cur !== 'all') closureFixed.set(f.variable, set);
    }
  }
  for (const v of model.variableList) {
    const cf = closureFixed.get(v.name);
    for (let k = 0; k < v.size; k++) {
      const r = ref(model, v, k);
      const fixed = v.fixed[k] === 1 || cf === 'all' || (cf instanceof Set && cf.has(k));
      if (fixed) {
        out.push(`${r}.fx = ${gamsNumber(v.level[k]!)};`);
        continue;
      }
      if (v.lower[k] !== -Infinity) out.push(`${r}.lo = ${gamsNumber(v.lower[k]!)};`);
      if (v.upper[k] !== Infinity) out.push(`${r}.up = ${gamsNumber(v.upper[k]!)};`);
      out.push(`${r}.l = ${gamsNumber(v.level[k]!)};`);
    }
  }
  out.push('');
  const eqs = model.equationList;
  out.push(`Equation`);
  eqs.forEach((e, k) =>
    out.push(
      `  ${e.name}${e.domain.length ? `(${e.domain.join(',')})` : ''}${e.description ? ` '${gamsText(e.description)}'` : ''}${k === eqs.length - 1 ? ';' : ''}`,
    ),
  );
  out.push('');
  for (const e of eqs) {
    const head = `${e.name}${e.domain.length ? `(${e.domain.join(',')})` : ''}${e.condition ? `$${formatGamsExpr(e.condition)}` : ''}`;
    out.push(`${head}.. ${formatGamsExpr(e.lhs)} =e= ${formatGamsExpr(e.rhs)};`);
  }
  out.push('');
  for (const d of options.closure?.drop ?? []) {
    out.push(
      `* ${d.equation}${d.index ? `(${d.index.map(gamsElement).join(',')})` : ''} is redundant under closure ${options.closure!.name}${d.reason ? ` (${d.reason})` : ''}.`,
    );
  }
  out.push(`Model ${model.name} / all /;`);
  return `${out.join('\n')}\n`;
}

/**
 * Writes a scenario as GAMS assignments to apply after the benchmark solve: each shock as
 * `p(…) = value;`, `p(…) = p(…)*factor;` or `p(…) = p(…) + amount;` (a `*` index becomes the
 * set's index), and each closure swap as a `.fx` and a freed `.lo`/`.up`.
 */
export function formatScenarioGams(model: CgeModel, scenario: CgeScenario): string {
  const out = [
    `* Scenario ${gamsCommentText(scenario.name, { jsonPath: '/name' })} written by digicge${scenario.description ? `: ${gamsCommentText(scenario.description, { jsonPath: '/description' })}` : ''}`,
  ];
  for (const sh of scenario.shocks ?? []) {
    const par = model.getParameter(sh.parameter);
    const index = sh.index ?? par.domain.map(() => '*');
    const args = index.map((el, d) => (el === '*' ? par.domain[d]! : gamsElement(el)));
    const r = args.length ? `${par.name}(${args.join(',')})` : par.name;
    if (sh.set !== undefined) out.push(`${r} = ${gamsNumber(sh.set)};`);
    else if (sh.scale !== undefined) out.push(`${r} = ${r}*${gamsNumber(sh.scale)};`);
    else out.push(`${r} = ${r} + ${gamsNumber(sh.add ?? 0)};`);
  }
  for (const sw of scenario.swaps ?? []) {
    const fmt = (v: { variable: string; index?: string[] }) =>
      v.index?.length ? `${v.variable}(${v.index.map(gamsElement).join(',')})` : v.variable;
    out.push(`${fmt(sw.fix)}.fx = ${fmt(sw.fix)}.l;`);
    out.push(`${fmt(sw.unfix)}.lo = -inf; ${fmt(sw.unfix)}.up = inf;`);
  }
  return `${out.join('\n')}\n`;
}

/** Data read back from a GAMS include file written by digicge. */
export interface GamsData {
  sets: Map<string, string[]>;
  /** Aliases as `[alias, set]`. */
  aliases: [string, string][];
  /** Declared domain of each parameter and variable (index names). */
  domains: Map<string, string[]>;
  /** Equation definitions (`name(dom)$cond.. lhs =e= rhs;`), one per line, as written. */
  equations: string[];
  /** Parameter and scalar values by name, keyed by the element tuple joined with `.` (`''` for a scalar). */
  parameters: Map<string, Map<string, number>>;
  /** Variable attributes (`l`, `lo`, `up`, `fx`) by name, keyed like parameters. */
  variables: Map<string, Map<string, Partial<Record<'l' | 'lo' | 'up' | 'fx', number>>>>;
}

function unquote(s: string): string {
  const t = s.trim();
  return (t.startsWith("'") && t.endsWith("'")) || (t.startsWith('"') && t.endsWith('"')) ? t.slice(1, -1) : t;
}

function readNumber(s: string, file: string | undefined, line: number): number {
  const t = s.trim().toLowerCase();
  const x = t === 'inf' || t === '+inf' ? Infinity : t === '-inf' ? -Infinity : Number(t);
  if (Number.isNaN(x) || t === '')
    throw new InputError('GAMS_BAD_NUMBER', `"${s.trim()}" is not a number`, { ...(file ? { file } : {}), row: line });
  return x;
}

/**
 * Reads the data statements of a GAMS include file in the form {@link formatModelGams} writes them
 * (one element, data line or assignment per line): sets, scalars, parameters and variable
 * attributes. Equations and the model statement are skipped. A malformed data line is an
 * InputError naming the line.
 */
export function readGamsData(text: string, file?: string): GamsData {
  const data: GamsData = { sets: new Map(), aliases: [], domains: new Map(), equations: [], parameters: new Map(), variables: new Map() };
  const lines = text.split(/\r\n|\r|\n/);
  let block: { kind: 'set' | 'parameter'; name: string } | null = null;
  lines.forEach((raw, i) => {
    const line = raw.trim();
    const no = i + 1;
    if (line === '' || line.startsWith('*')) return;
    if (block) {
      if (line === '/;') {
        block = null;
        return;
      }
      if (block.kind === 'set') data.sets.get(block.name)!.push(unquote(line));
      else {
        const m = /^((?:'[^']*'|"[^"]*")(?:\.(?:'[^']*'|"[^"]*"))*)\s+(\S+)$/.exec(line);
        if (!m)
          throw new InputError('GAMS_BAD_DATA', `cannot read the data line "${line}" of ${block.name}`, {
            ...(file ? { file } : {}),
            row: no,
          });
        const key = m[1]!
          .match(/'[^']*'|"[^"]*"/g)!
          .map(unquote)
          .join('.');
        data.parameters.get(block.name)!.set(key, readNumber(m[2]!, file, no));
      }
      return;
    }
    let m = /^Set\s+(\w+)(?:\(\w+\))?(?:\s+'[^']*')?\s+\/$/.exec(line);
    if (m) {
      data.sets.set(m[1]!, []);
      block = { kind: 'set', name: m[1]! };
      return;
    }
    m = /^Alias\s*\((\w+),(\w+)\);$/.exec(line);
    if (m) {
      data.aliases.push([m[2]!, m[1]!]);
      return;
    }
    m = /^Scalar\s+(\w+)(?:\s+'[^']*')?\s+\/\s*(\S+)\s*\/;$/.exec(line);
    if (m) {
      data.parameters.set(m[1]!, new Map([['', readNumber(m[2]!, file, no)]]));
      data.domains.set(m[1]!, []);
      return;
    }
    m = /^Parameter\s+(\w+)\(([^)]*)\)(?:\s+'[^']*')?\s*(\/|;)$/.exec(line);
    if (m) {
      data.parameters.set(m[1]!, new Map());
      data.domains.set(m[1]!, m[2]!.split(','));
      if (m[3] === '/') block = { kind: 'parameter', name: m[1]! };
      return;
    }
    m = /^Variable\s+(\w+)(?:\(([^)]*)\))?(?:\s+'[^']*')?;$/.exec(line);
    if (m) {
      data.domains.set(m[1]!, m[2] ? m[2].split(',') : []);
      return;
    }
    if (/^\w+(\([^)]*\))?(\$.*)?\.\.\s/.test(line)) {
      data.equations.push(line);
      return;
    }
    m = /^(\w+)(?:\(([^)]*)\))?\.(l|lo|up|fx)\s*=\s*(\S+);$/.exec(line);
    if (m) {
      const key = m[2]
        ? m[2]
            .match(/'[^']*'|"[^"]*"/g)!
            .map(unquote)
            .join('.')
        : '';
      const attrs = data.variables.get(m[1]!) ?? new Map();
      data.variables.set(m[1]!, attrs);
      attrs.set(key, { ...attrs.get(key), [m[3]!]: readNumber(m[4]!, file, no) });
    }
  });
  if (block)
    throw new InputError('GAMS_UNCLOSED', `the data statement of ${(block as { name: string }).name} is never closed with "/;"`, {
      ...(file ? { file } : {}),
      row: lines.length,
    });
  return data;
}
