/**
 * GAMS declaration statements: `Set`, `Alias`, `Parameter`/`Scalar` (with `/ data /`), `Table`
 * (numbers placed by the column label they stand under), `Variable` (free, positive, negative),
 * `Equation`, `Model`, `File`. Items are separated by commas or line breaks; explanatory text is
 * quoted or runs to the end of the item on its line.
 * @module
 */
import type { Token } from './lex.js';
import { gamsError } from './lex.js';
import { describe, type TokenStream } from './expr-parser.js';
import { setValue } from './evaluate.js';
import type { GamsState, GParameter, GSymbol, GVariable } from './state.js';
import { defaultAttrs, tupleKey } from './state.js';

const OPENERS = new Set(['(', '[', '{']);
const CLOSER: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}' };

/** One declared item: its name token, domain, text and `/ data /` tokens. */
interface Item {
  readonly name: Token;
  readonly domain: readonly Token[];
  readonly text?: string;
  readonly data?: readonly Token[];
}

function readItems(s: TokenStream): Item[] {
  const items: Item[] = [];
  while (!s.done) {
    const name = s.ident('a name to declare');
    const domain: Token[] = [];
    if (s.peek().kind === 'op' && OPENERS.has(s.peek().key) && s.peek().line === name.line) {
      const close = CLOSER[s.next().key];
      do {
        const t = s.peek();
        if (t.kind === 'id' || (t.kind === 'op' && t.key === '*')) domain.push(s.next());
        else s.fail(`expected a set name in the domain of ${name.text}, found ${describe(t)}`);
      } while (s.accept(','));
      s.expect(close, `"${close}" closing the domain of ${name.text}`);
    }
    let text: string | undefined;
    const line = s.pos > 0 ? s.tokens[s.pos - 1].line : name.line;
    if (s.peek().kind === 'str' && s.peek().line === line) text = s.next().text;
    else {
      // Unquoted text runs to the end of the line (or a comma or slash), spaced as written.
      let words = '';
      let end = 0;
      while (!s.done && s.peek().line === line && !s.is(',') && !s.is('/')) {
        const t = s.next();
        words += `${words && t.col > end ? ' ' : ''}${t.kind === 'str' ? `'${t.text}'` : t.text}`;
        end = t.end;
      }
      if (words) text = words;
    }
    let data: Token[] | undefined;
    if (s.is('/')) {
      const open = s.next();
      data = [];
      while (!s.done && !s.is('/')) data.push(s.next());
      if (s.done) s.fail(`the data of ${name.text} opened with "/" at line ${open.line} column ${open.col} has no closing "/"`, open);
      s.next();
    }
    items.push({ name, domain, ...(text !== undefined ? { text } : {}), ...(data ? { data } : {}) });
    s.accept(',');
  }
  return items;
}

function declare(state: GamsState, sym: GSymbol, at: Token, file?: string): void {
  const key = sym.name.toLowerCase();
  if (state.has(key)) gamsError(`"${sym.name}" is already declared (GAMS names are case-insensitive)`, at.line, at.col, file);
  state.symbols.set(key, sym);
  state.order.push(key);
}

function domainKeys(state: GamsState, item: Item, file?: string): string[] {
  return item.domain.map((t) => {
    if (t.key === '*') return '*';
    if (!state.setOf(t.text)) gamsError(`"${t.text}" in the domain of ${item.name.text} is not a set`, t.line, t.col, file);
    return t.key;
  });
}

/** Splits data tokens into records: at commas, and at line breaks. */
function records(data: readonly Token[]): Token[][] {
  const out: Token[][] = [];
  let cur: Token[] = [];
  for (const t of data) {
    if (t.kind === 'op' && t.key === ',') {
      if (cur.length) out.push(cur);
      cur = [];
      continue;
    }
    if (cur.length && t.line !== cur[cur.length - 1].line) {
      out.push(cur);
      cur = [];
    }
    cur.push(t);
  }
  if (cur.length) out.push(cur);
  return out;
}

const isLabel = (t: Token) => t.kind === 'id' || t.kind === 'num' || t.kind === 'str';

function range(a: Token, b: Token, file?: string): string[] {
  const ma = /^(.*?)(\d+)$/.exec(a.text);
  const mb = /^(.*?)(\d+)$/.exec(b.text);
  if (!ma || !mb || ma[1] !== mb[1] || Number(ma[2]) > Number(mb[2]))
    gamsError(`"${a.text}*${b.text}" is not a range of labels (same prefix, increasing number)`, a.line, a.col, file);
  const out: string[] = [];
  for (let k = Number(ma[2]); k <= Number(mb[2]); k++) out.push(`${ma[1]}${String(k).padStart(ma[2].length, '0')}`);
  return out;
}

/** `Set u / a, b /, i(u) / a /;` */
export function declareSets(state: GamsState, s: TokenStream, file?: string): void {
  for (const item of readItems(s)) {
    const dom = domainKeys(state, item, file);
    if (dom.length > 1) gamsError(`set ${item.name.text}: multi-dimensional sets are not supported`, item.name.line, item.name.col, file);
    const parent = dom[0] && dom[0] !== '*' ? dom[0] : undefined;
    const elements: string[] = [];
    for (const rec of records(item.data ?? [])) {
      if (!isLabel(rec[0])) gamsError(`expected an element label, found ${describe(rec[0])}`, rec[0].line, rec[0].col, file);
      let labels = [rec[0].text];
      let rest = rec.slice(1);
      if (rest[0]?.kind === 'op' && rest[0].key === '*' && rest[1] && isLabel(rest[1])) {
        labels = range(rec[0], rest[1], file);
        rest = rest.slice(2);
      }
      if (rest[0]?.kind === 'op' && rest[0].key === '.')
        gamsError(`set ${item.name.text}: multi-dimensional elements are not supported`, rest[0].line, rest[0].col, file);
      for (const l of labels) {
        const el = state.label(l);
        if (parent && !state.setOf(parent)!.position.has(el))
          gamsError(
            `"${l}" is not an element of ${state.setOf(parent)!.name} (domain of ${item.name.text})`,
            rec[0].line,
            rec[0].col,
            file,
          );
        if (elements.includes(el)) gamsError(`"${l}" is listed twice in set ${item.name.text}`, rec[0].line, rec[0].col, file);
        elements.push(el);
      }
    }
    declare(
      state,
      {
        kind: 'set',
        name: item.name.text,
        elements,
        position: new Map(elements.map((e, k) => [e, k])),
        ...(parent ? { parent } : {}),
        ...(item.text ? { text: item.text } : {}),
      },
      item.name,
      file,
    );
  }
}

/** `Alias (u,v), (i,j);` */
export function declareAliases(state: GamsState, s: TokenStream, file?: string): void {
  while (!s.done) {
    const open = s.expect('(', '"(" opening an alias pair');
    const names = [s.ident('a set name')];
    while (s.accept(',')) names.push(s.ident('an alias name'));
    s.expect(')', '")" closing the alias pair');
    const set = state.setOf(names[0].text) ?? names.map((n) => state.setOf(n.text)).find(Boolean);
    if (!set) gamsError('an alias names a declared set', open.line, open.col, file);
    for (const n of names) {
      if (state.setOf(n.text) === set) continue;
      if (state.has(n.key)) gamsError(`"${n.text}" is already declared`, n.line, n.col, file);
      state.aliases.set(n.key, set.name.toLowerCase());
      state.aliasSpelling.set(n.key, n.text);
      state.order.push(n.key);
    }
    s.accept(',');
  }
}

function number(rec: readonly Token[], k: number, file?: string): { v: number; next: number } {
  let sign = 1;
  let t = rec[k];
  if (t?.kind === 'op' && (t.key === '-' || t.key === '+')) {
    sign = t.key === '-' ? -1 : 1;
    t = rec[++k];
  }
  if (t?.kind === 'id' && (t.key === 'inf' || t.key === 'eps' || t.key === 'na'))
    return { v: sign * (t.key === 'inf' ? Infinity : t.key === 'eps' ? Number.MIN_VALUE : Number.NaN), next: k + 1 };
  if (t?.kind !== 'num') {
    const at = t ?? rec[rec.length - 1];
    gamsError(`expected a number, found ${t ? describe(t) : 'nothing'}`, at.line, at.col, file);
  }
  return { v: sign * Number(t.text), next: k + 1 };
}

function checkTuple(state: GamsState, p: { name: string; domain: readonly string[] }, tuple: string[], at: Token, file?: string): void {
  tuple.forEach((el, k) => {
    if (!state.inDomain(p.domain[k], el))
      gamsError(
        `"${el}" is not an element of ${state.setOf(p.domain[k])?.name ?? p.domain[k]} (index ${k + 1} of ${p.name})`,
        at.line,
        at.col,
        file,
      );
  });
}

/** `Parameter a(i) 'text' / x 1, y 2 /;` and `Scalar s / 3 /;` */
export function declareParameters(state: GamsState, s: TokenStream, file?: string): void {
  for (const item of readItems(s)) {
    const p: GParameter = {
      kind: 'parameter',
      name: item.name.text,
      domain: domainKeys(state, item, file),
      values: new Map(),
      ...(item.text ? { text: item.text } : {}),
    };
    declare(state, p, item.name, file);
    for (const rec of records(item.data ?? [])) {
      if (!p.domain.length) {
        setValue(p, [], number(rec, 0, file).v);
        continue;
      }
      const tuple: string[] = [];
      let k = 0;
      for (;;) {
        if (!isLabel(rec[k])) gamsError(`expected an element label, found ${describe(rec[k])}`, rec[k].line, rec[k].col, file);
        tuple.push(state.label(rec[k++].text));
        if (rec[k]?.kind === 'op' && rec[k].key === '.') k++;
        else break;
      }
      if (tuple.length !== p.domain.length)
        gamsError(`${p.name} has ${p.domain.length} index(es), the record has ${tuple.length}`, rec[0].line, rec[0].col, file);
      checkTuple(state, p, tuple, rec[0], file);
      const { v, next } = number(rec, k, file);
      if (next !== rec.length) gamsError(`unexpected ${describe(rec[next])} after the value`, rec[next].line, rec[next].col, file);
      setValue(p, tuple, v);
    }
  }
}

/** `Table t(r,c) 'text'` followed by a header line of column labels and one line per row. */
export function declareTable(state: GamsState, s: TokenStream, file?: string): void {
  const name = s.ident('a table name');
  const domain: Token[] = [];
  s.expect('(', `"(" and the domain of table ${name.text}`);
  do domain.push(s.ident('a set name'));
  while (s.accept(','));
  s.expect(')', '")" closing the domain');
  const head = s.tokens[s.pos - 1].line;
  let text: string | undefined;
  if (s.peek().kind === 'str' && s.peek().line === head) text = s.next().text;
  if (domain.length !== 2) gamsError(`table ${name.text}: only two-dimensional tables are supported`, name.line, name.col, file);
  const item: Item = { name, domain };
  const p: GParameter = {
    kind: 'parameter',
    name: name.text,
    domain: domainKeys(state, item, file),
    values: new Map(),
    ...(text ? { text } : {}),
  };
  declare(state, p, name, file);
  const body = s.tokens.slice(s.pos).filter((t) => t.kind !== 'eof');
  if (body.length && body[0].line === head)
    gamsError(`table ${name.text}: the column labels start on the line after the declaration`, body[0].line, body[0].col, file);
  const lines: Token[][] = [];
  for (const t of body) {
    if (lines.length && lines[lines.length - 1][0].line === t.line) lines[lines.length - 1].push(t);
    else lines.push([t]);
  }
  const [header, ...rows] = lines;
  for (const t of header ?? []) if (!isLabel(t)) gamsError(`expected a column label, found ${describe(t)}`, t.line, t.col, file);
  const cols = (header ?? []).map((t) => ({ label: state.label(t.text), col: t.col, end: t.end }));
  for (const row of rows) {
    if (row[0].kind === 'op' && row[0].key === '+')
      gamsError(`table ${name.text}: continued tables (+) are not supported`, row[0].line, row[0].col, file);
    if (!isLabel(row[0])) gamsError(`expected a row label, found ${describe(row[0])}`, row[0].line, row[0].col, file);
    const r = state.label(row[0].text);
    for (let k = 1; k < row.length; ) {
      const start = row[k];
      const { v, next } = number(row, k, file);
      const last = row[next - 1];
      const c = cols.find((c) => start.col < c.end && last.end > c.col);
      if (!c) throw gamsErrorMisaligned(name.text, start, file);
      const tuple = [r, c.label];
      checkTuple(state, p, tuple, start, file);
      setValue(p, tuple, v);
      k = next;
    }
  }
  s.pos = s.tokens.length - 1;
}

function gamsErrorMisaligned(table: string, t: Token, file?: string): never {
  return gamsError(`the number ${t.text} of table ${table} is under no column label`, t.line, t.col, file);
}

/** `Positive Variable X(i), Y;` (type `free`, `positive` or `negative`). */
export function declareVariables(state: GamsState, s: TokenStream, type: GVariable['type'], file?: string): void {
  for (const item of readItems(s)) {
    if (item.data)
      gamsError(`variable ${item.name.text}: data in a variable declaration is not supported`, item.name.line, item.name.col, file);
    declare(
      state,
      {
        kind: 'variable',
        name: item.name.text,
        domain: domainKeys(state, item, file),
        type,
        attrs: new Map(),
        ...(item.text ? { text: item.text } : {}),
      },
      item.name,
      file,
    );
  }
}

/** `Equation eq(i) 'text';` */
export function declareEquations(state: GamsState, s: TokenStream, file?: string): void {
  for (const item of readItems(s)) {
    declare(
      state,
      { kind: 'equation', name: item.name.text, domain: domainKeys(state, item, file), ...(item.text ? { text: item.text } : {}) },
      item.name,
      file,
    );
  }
}

/** `Model m 'text' / all /;` or `/ eq1, eq2.x /` (an MCP pairing). */
export function declareModels(state: GamsState, s: TokenStream, file?: string): void {
  for (const item of readItems(s)) {
    const recs = records(item.data ?? []);
    if (!item.data) gamsError(`model ${item.name.text} needs its equations: / all / or / eq1, eq2 /`, item.name.line, item.name.col, file);
    const all = recs.length === 1 && recs[0].length === 1 && recs[0][0].key === 'all';
    const equations = all
      ? ('all' as const)
      : recs.map((r) => {
          if (r[0].kind !== 'id') gamsError(`expected an equation name, found ${describe(r[0])}`, r[0].line, r[0].col, file);
          if (r.length === 3 && r[1].key === '.' && r[2].kind === 'id') return { equation: r[0].text, pairedWith: r[2].text };
          if (r.length !== 1) gamsError(`expected an equation name or eq.var, found ${describe(r[1])}`, r[1].line, r[1].col, file);
          return { equation: r[0].text };
        });
    declare(state, { kind: 'model', name: item.name.text, equations }, item.name, file);
  }
}

/** `File f / name.csv /;` (declared so that its `put` statements are known as skipped). */
export function declareFiles(state: GamsState, s: TokenStream, file?: string): void {
  for (const item of readItems(s)) declare(state, { kind: 'file', name: item.name.text }, item.name, file);
}

/** Sets a variable attribute for one element. */
export function setVarAttr(v: GVariable, tuple: readonly string[], attr: string, value: number): void {
  const key = tupleKey(tuple);
  const a = v.attrs.get(key) ?? defaultAttrs(v.type);
  if (attr === 'l') a.l = value;
  else if (attr === 'lo') a.lo = value;
  else if (attr === 'up') a.up = value;
  else if (attr === 'm') a.m = value;
  else if (attr === 'scale') a.scale = value;
  else if (attr === 'fx') {
    a.lo = value;
    a.up = value;
    a.l = value;
  }
  v.attrs.set(key, a);
}
