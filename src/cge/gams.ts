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
import { type CgeModel, type Indexed, renameExpr } from './model/model.js';
import type { CgeScenario } from './scenario.js';
import { calibrationGams } from './gams-calibration.js';
import type { CalibrationText } from './listing/calibration.js';
import type { SamInput } from './sam-input.js';
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
  /** Closure whose fixed variables are written as `.fx` and whose dropped equations leave the model. */
  closure?: Closure;
  /** Text for the header comment (model description, data source). */
  title?: string;
  /** End with the `Model` list and `Solve … using cns` (default true). */
  solve?: boolean;
  /**
   * The model's calibration and the SAM it was calibrated to: the program then computes its
   * parameters and benchmark levels with GAMS statements instead of carrying only their values.
   */
  calibration?: { readonly text: CalibrationText; readonly sam: SamInput };
}

const KEEP_PREFIX = 'keep_';

/**
 * GAMS names of a model's symbols, unique under case folding (GAMS names are case-insensitive):
 * variables, then parameters, then equations keep their names; a later symbol whose name folds
 * to a taken one gets a suffix (`f` the set beside `F` the variable becomes `f_set`, equation
 * `eqpqd` beside `eqpqD` becomes `eqpqd_eq`). Same model → same names.
 */
export function gamsNames(model: CgeModel): Map<string, string> {
  const taken = new Set<string>();
  const out = new Map<string, string>();
  const give = (name: string, suffix: string) => {
    let n = name;
    for (let k = 2; taken.has(n.toLowerCase()); k++) n = `${name}_${suffix}${k > 2 ? k - 1 : ''}`;
    taken.add(n.toLowerCase());
    return n;
  };
  for (const v of model.variableList) out.set(`v:${v.name}`, give(v.name, 'var'));
  for (const p of model.parameterList) out.set(`p:${p.name}`, give(p.name, 'par'));
  for (const e of model.equationList) out.set(`e:${e.name}`, give(e.name, 'eq'));
  for (const st of model.setList) out.set(`s:${st.name}`, give(st.name, 'set'));
  for (const [alias] of model.aliasList) out.set(`s:${alias}`, give(alias, 'set'));
  out.set(`m:${model.name}`, give(model.name, 'model'));
  for (const e of model.equationList) out.set(`k:${e.name}`, give(`${KEEP_PREFIX}${out.get(`e:${e.name}`)}`, 'k'));
  return out;
}

/** A renamer of expression symbols from {@link gamsNames}. */
function symbolRenamer(model: CgeModel, names: Map<string, string>): (name: string) => string {
  return (n) =>
    names.get(`v:${n}`) ??
    names.get(`p:${n}`) ??
    names.get(`s:${n}`) ??
    (model.isSet(n) ? (names.get(`s:${model.resolveSetName(n)}`) ?? n) : n);
}

/** Dropped scalar rows of each equation under a closure: equation name → flat indices (or 'all'). */
function droppedRows(model: CgeModel, closure: Closure | undefined): Map<string, Set<number> | 'all'> {
  const out = new Map<string, Set<number> | 'all'>();
  for (const d of closure?.drop ?? []) {
    const eq = model.equationList.find((e) => e.name === d.equation);
    if (!eq)
      throw new ModelError(
        'UNKNOWN_EQUATION',
        `closure ${closure!.name} drops "${d.equation}", which is not an equation of ${model.name}`,
        { equation: d.equation },
      );
    if (d.index === undefined || eq.domain.length === 0) {
      out.set(eq.name, 'all');
      continue;
    }
    const cur = out.get(eq.name);
    if (cur === 'all') continue;
    const set = cur ?? new Set<number>();
    const sizes = eq.domain.map((dm) => model.getSet(dm).elements.length);
    let flat = 0;
    d.index.forEach((el, k) => {
      const pos = model.getSet(eq.domain[k]).position.get(el);
      if (pos === undefined)
        throw new ModelError('UNKNOWN_ELEMENT', `"${el}" is not an element of ${eq.domain[k]} (dropped ${eq.name})`, {
          equation: eq.name,
          index: d.index,
        });
      flat = flat * sizes[k] + pos;
    });
    set.add(flat);
    out.set(eq.name, set);
  }
  return out;
}

/**
 * Writes a calibrated model as a complete GAMS program for a square CNS solve: sets (`$onEmpty`
 * before an empty one), parameters with their calibrated values (zeros omitted), variables with
 * `.l` at their calibrated levels, `.lo`/`.up` where bounded, `.fx` where the model or the closure
 * fixes them, the equations, the `Model` list of the equations the closure keeps and `Solve … using
 * cns`. A scalar row the closure drops (redundant by Walras' law) is kept out by a 0 in a
 * `keep_<equation>` parameter that conditions its equation, so that the program is square. Names
 * are made unique under case folding ({@link gamsNames}).
 */
export function formatModelGams(model: CgeModel, options: ModelGamsOptions = {}): string {
  const names = gamsNames(model);
  const r = symbolRenamer(model, names);
  const setName = (n: string) => r(n);
  const out: string[] = [];
  out.push(`* Model ${model.name} written by digicge${options.title ? `: ${gamsText(options.title)}` : ''}.`);
  out.push('* Sets, calibrated parameters, benchmark levels and equations; rows of a SAM receive, columns pay.');
  const renamed = [...names.entries()].filter(([k, v]) => k[0] !== 'k' && k.slice(2) !== v);
  if (renamed.length)
    out.push(`* Renamed to be unique under case folding: ${renamed.map(([k, v]) => `${k.slice(2)} -> ${v}`).join(', ')}.`);
  out.push('');
  for (const st of model.setList) {
    if (!st.elements.length) out.push('$onEmpty');
    out.push(
      `Set ${setName(st.name)}${st.parent ? `(${setName(st.parent)})` : ''}${st.description ? ` '${gamsText(st.description)}'` : ''} /`,
    );
    for (const e of st.elements) out.push(`  ${gamsElement(e)}`);
    out.push('/;');
    if (!st.elements.length) out.push('$offEmpty');
  }
  for (const [alias, of] of model.aliasList) out.push(`Alias (${setName(of)},${setName(alias)});`);
  out.push('');
  const cal = options.calibration
    ? calibrationGams(model, options.calibration.text, options.calibration.sam, r, gamsElement, gamsNumber)
    : undefined;
  const calibrated = cal && !('skipped' in cal) ? cal : undefined;
  if (cal && 'skipped' in cal) out.push(`* The calibration is written as values only: ${gamsText(cal.skipped)}.`);
  if (calibrated) out.push('* Calibration data: the SAM, the parameter-file inputs, the benchmark values.', ...calibrated.declarations, '');
  for (const p of model.parameterList) {
    const desc = p.description ? ` '${gamsText(p.description)}'` : '';
    const name = r(p.name);
    if (calibrated?.computed.has(p.name)) {
      out.push(`Parameter ${name}${p.domain.length ? `(${p.domain.map(setName).join(',')})` : ''}${desc};`);
      continue;
    }
    if (p.domain.length === 0) {
      out.push(`Scalar ${name}${desc} / ${gamsNumber(p.values[0]!)} /;`);
      continue;
    }
    const lines = dataLines(model, p, p.values, true);
    out.push(`Parameter ${name}(${p.domain.map(setName).join(',')})${desc}${lines.length ? ' /' : ';'}`);
    if (lines.length) out.push(...lines, '/;');
  }
  const dropped = droppedRows(model, options.closure);
  for (const e of model.equationList) {
    const d = dropped.get(e.name);
    if (!(d instanceof Set)) continue;
    const size = e.domain.reduce((n, dm) => n * model.getSet(dm).elements.length, 1);
    const sym: Indexed = { name: e.name, domain: e.domain, size };
    const keep = Array.from({ length: size }, (_, k) => (d.has(k) ? 0 : 1));
    out.push(
      `Parameter ${names.get(`k:${e.name}`)}(${e.domain.map(setName).join(',')}) '1 where ${names.get(`e:${e.name}`)} is in the square system, 0 where the closure drops it' /`,
    );
    out.push(...dataLines(model, sym, keep, true), '/;');
  }
  if (calibrated)
    out.push('', '* Calibration: benchmark values and parameters, as the model computes them.', ...calibrated.parameterStatements);
  out.push('');
  for (const v of model.variableList) {
    out.push(
      `Variable ${r(v.name)}${v.domain.length ? `(${v.domain.map(setName).join(',')})` : ''}${v.description ? ` '${gamsText(v.description)}'` : ''};`,
    );
  }
  if (calibrated) out.push('', '* Benchmark levels.', ...calibrated.levelStatements);
  out.push('');
  const closureFixed = new Map<string, Map<number, number | undefined> | 'all'>();
  const allValue = new Map<string, number | undefined>();
  for (const f of options.closure?.fix ?? []) {
    const v = model.getVariable(f.variable);
    if (f.index === undefined) {
      closureFixed.set(f.variable, 'all');
      allValue.set(f.variable, f.value);
    } else {
      const cur = closureFixed.get(f.variable);
      const map = cur instanceof Map ? cur : new Map<number, number | undefined>();
      map.set(model.flatIndex(v, f.index), f.value);
      if (cur !== 'all') closureFixed.set(f.variable, map);
    }
  }
  for (const v of model.variableList) {
    const cf = closureFixed.get(v.name);
    for (let k = 0; k < v.size; k++) {
      const args = ref(model, v, k).slice(v.name.length);
      const at = (attr: string) => `${r(v.name)}.${attr}${args}`;
      const value = cf === 'all' ? allValue.get(v.name) : cf instanceof Map ? cf.get(k) : undefined;
      const fixed = v.fixed[k] === 1 || cf === 'all' || (cf instanceof Map && cf.has(k));
      if (fixed) {
        out.push(`${at('fx')} = ${gamsNumber(value ?? v.level[k]!)};`);
        continue;
      }
      if (v.lower[k] !== -Infinity) out.push(`${at('lo')} = ${gamsNumber(v.lower[k]!)};`);
      if (v.upper[k] !== Infinity) out.push(`${at('up')} = ${gamsNumber(v.upper[k]!)};`);
      if (!calibrated?.levels.has(v.name)) out.push(`${at('l')} = ${gamsNumber(v.level[k]!)};`);
    }
  }
  out.push('');
  const eqs = model.equationList;
  out.push(`Equation`);
  eqs.forEach((e, k) =>
    out.push(
      `  ${names.get(`e:${e.name}`)}${e.domain.length ? `(${e.domain.map(setName).join(',')})` : ''}${e.description ? ` '${gamsText(e.description)}'` : ''}${k === eqs.length - 1 ? ';' : ''}`,
    ),
  );
  out.push('');
  for (const e of eqs) {
    const dom = e.domain.map(setName);
    const d = dropped.get(e.name);
    const keep = d instanceof Set ? `${names.get(`k:${e.name}`)}(${dom.join(',')})` : undefined;
    const cond = e.condition ? formatGamsExpr(renameExpr(e.condition, r)) : undefined;
    const c = keep && cond ? `$(${keep} and ${cond})` : keep ? `$${keep}` : cond ? `$${cond}` : '';
    const head = `${names.get(`e:${e.name}`)}${dom.length ? `(${dom.join(',')})` : ''}${c}`;
    out.push(`${head}.. ${formatGamsExpr(renameExpr(e.lhs, r))} =e= ${formatGamsExpr(renameExpr(e.rhs, r))};`);
  }
  out.push('');
  for (const dr of options.closure?.drop ?? []) {
    out.push(
      `* ${dr.equation}${dr.index ? `(${dr.index.map(gamsElement).join(',')})` : ''} is redundant under closure ${options.closure!.name}${dr.reason ? ` (${dr.reason})` : ''}: left out of the system.`,
    );
  }
  const kept = eqs.filter((e) => dropped.get(e.name) !== 'all').map((e) => names.get(`e:${e.name}`)!);
  if (options.solve === false) out.push(`Model ${names.get(`m:${model.name}`)} / ${kept.join(', ')} /;`);
  else out.push(`Model ${names.get(`m:${model.name}`)} / ${kept.join(', ')} /;`, `Solve ${names.get(`m:${model.name}`)} using cns;`);
  return `${out.join('\n')}\n`;
}

/**
 * Writes a scenario as GAMS statements to run after the model's program (see
 * {@link formatModelGams}, whose names it uses): each parameter shock as `p(…) = value;`,
 * `p(…) = p(…)*factor;` or `p(…) = p(…) + amount;` (a `*` index becomes the set's index); each
 * variable shock as `.fx` at its value (a `scale` times the benchmark level); each closure swap as
 * a `.fx` (at the swap's value when it gives one) and the freed variable's own bounds; and the
 * `Solve`.
 */
export function formatScenarioGams(model: CgeModel, scenario: CgeScenario): string {
  const names = gamsNames(model);
  const r = symbolRenamer(model, names);
  const out = [
    `* Scenario ${gamsCommentText(scenario.name, { jsonPath: '/name' })} written by digicge${scenario.description ? `: ${gamsCommentText(scenario.description, { jsonPath: '/description' })}` : ''}`,
  ];
  for (const sh of scenario.shocks ?? []) {
    const par = model.getParameter(sh.parameter);
    const index = sh.index ?? par.domain.map(() => '*');
    const args = index.map((el, d) => (el === '*' ? r(par.domain[d]!) : gamsElement(el)));
    const rr = args.length ? `${r(par.name)}(${args.join(',')})` : r(par.name);
    if (sh.set !== undefined) out.push(`${rr} = ${gamsNumber(sh.set)};`);
    else if (sh.scale !== undefined) out.push(`${rr} = ${rr}*${gamsNumber(sh.scale)};`);
    else out.push(`${rr} = ${rr} + ${gamsNumber(sh.add ?? 0)};`);
  }
  const elementsOf = (variable: string, index?: readonly string[]) => {
    const v = model.getVariable(variable);
    const ix = index ?? v.domain.map(() => '*');
    const tuples: string[][] = [];
    const walk = (d: number, t: string[]) => {
      if (d === ix.length) return void tuples.push(t);
      for (const el of ix[d] === '*' ? model.getSet(v.domain[d]).elements : [ix[d]]) walk(d + 1, [...t, el]);
    };
    walk(0, []);
    return tuples.map((t) => ({
      t,
      k: model.flatIndex(v, t),
      v,
      at: (attr: string) => `${r(v.name)}.${attr}${t.length ? `(${t.map(gamsElement).join(',')})` : ''}`,
    }));
  };
  for (const sh of scenario.variables ?? []) {
    for (const e of elementsOf(sh.variable, sh.index))
      out.push(`${e.at('fx')} = ${gamsNumber(sh.set ?? e.v.level[e.k]! * (sh.scale ?? 1))};`);
  }
  for (const sw of scenario.swaps ?? []) {
    for (const e of elementsOf(sw.fix.variable, sw.fix.index))
      out.push(`${e.at('fx')} = ${sw.fix.value !== undefined ? gamsNumber(sw.fix.value) : e.at('l')};`);
    for (const e of elementsOf(sw.unfix.variable, sw.unfix.index))
      out.push(`${e.at('lo')} = ${gamsNumber(e.v.lower[e.k]!)}; ${e.at('up')} = ${gamsNumber(e.v.upper[e.k]!)};`);
  }
  out.push(`Solve ${names.get(`m:${model.name}`)} using cns;`);
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
    m = /^(\w+)\.(l|lo|up|fx)(?:\(([^)]*)\))?\s*=\s*(\S+);$/.exec(line);
    if (m) {
      const key = m[3]
        ? m[3]
            .match(/'[^']*'|"[^"]*"/g)!
            .map(unquote)
            .join('.')
        : '';
      const attrs = data.variables.get(m[1]!) ?? new Map();
      data.variables.set(m[1]!, attrs);
      attrs.set(key, { ...attrs.get(key), [m[2]!]: readNumber(m[4]!, file, no) });
    }
  });
  if (block)
    throw new InputError('GAMS_UNCLOSED', `the data statement of ${(block as { name: string }).name} is never closed with "/;"`, {
      ...(file ? { file } : {}),
      row: lines.length,
    });
  return data;
}
