import { readFile } from 'node:fs/promises';
import { InputError } from '../../errors.js';
import { writeFileAtomic } from '../../util/atomic-write.js';
import { type AccountGroup, ACCOUNT_GROUPS } from '../groups.js';
import { Sam, type SamOptions } from '../sam.js';
import { roundTripNumber } from '../../util/number-text.js';
import { gamsCommentText, printable, quoteGamsLabel } from '../../util/gams-label.js';

/** GAMS subset name of each account group in files written by {@link formatSamGams}. */
export const GAMS_GROUP_SETS: Readonly<Record<AccountGroup, string>> = {
  activity: 'act',
  commodity: 'com',
  margin: 'mar',
  factor: 'fac',
  household: 'hh',
  enterprise: 'ent',
  government: 'gov',
  tax: 'tax',
  'savings-investment': 'sav',
  'rest-of-world': 'ext',
  other: 'oth',
};

/** Options of {@link formatSamGams}. */
export interface SamGamsWriteOptions {
  /** Name of the account set (default `u`; its alias is `v`). */
  set?: string;
  /** Name of the table parameter (default `SAM`). */
  table?: string;
  /** Columns per table block (default 8). */
  columnsPerBlock?: number;
}

function quoteElement(label: string): string {
  return quoteGamsLabel(label, { account: printable(label) });
}

/**
 * Formats a SAM as a GAMS include file: `set u / … /;` of all accounts, one subset per account group
 * (`act(u)`, `com(u)`, `fac(u)`, …, see {@link GAMS_GROUP_SETS}), `alias (u,v);` and
 * `table SAM(u,v)` written in blocks of columns joined by `+` lines, every number right-aligned
 * under its column label so that GAMS reads it. Zero cells are blank. Rows receive, columns pay.
 * @throws InputError `GAMS_BAD_LABEL` naming the account whose label GAMS cannot read (a line
 *   break or other control character, both quotes, more than 63 characters); `GAMS_BAD_TEXT` for a unit with a line break
 */
export function formatSamGams(sam: Sam, options: SamGamsWriteOptions = {}): string {
  const u = options.set ?? 'u';
  const v = u === 'v' ? 'w' : 'v';
  const table = options.table ?? 'SAM';
  const per = Math.max(1, options.columnsPerBlock ?? 8);
  const n = sam.n;
  const q = sam.labels.map(quoteElement);
  const out: string[] = [];
  out.push('* Social accounting matrix written by digicge: rows receive, columns pay.');
  if (sam.unit !== undefined) out.push(`* Unit: ${gamsCommentText(sam.unit)}`);
  out.push(`set ${u} 'SAM accounts' /`);
  for (const e of q) out.push(`  ${e}`);
  out.push('/;');
  for (const g of ACCOUNT_GROUPS) {
    const members = sam.accounts.map((a, i) => (a.group === g ? q[i] : '')).filter((s) => s !== '');
    if (members.length === 0) continue;
    out.push(`set ${GAMS_GROUP_SETS[g]}(${u}) '${g} accounts' /`);
    for (const e of members) out.push(`  ${e}`);
    out.push('/;');
  }
  out.push(`alias (${u},${v});`);
  out.push('');
  out.push(`table ${table}(${u},${v}) 'social accounting matrix'`);
  const labelWidth = Math.max(...q.map((s) => s.length)) + 2;
  for (let b = 0; b < n; b += per) {
    const cols = [];
    for (let c = b; c < Math.min(n, b + per); c++) cols.push(c);
    const cells = cols.map((c) =>
      Array.from({ length: n }, (_, r) => {
        const x = sam.values[r * n + c];
        return x === 0 ? '' : roundTripNumber(x);
      }),
    );
    const widths = cols.map((c, k) => Math.max(q[c].length, ...cells[k].map((s) => s.length)) + 2);
    const pad = (s: string, w: number) => s.padStart(w, ' ');
    const head = (b === 0 ? '' : '+').padEnd(labelWidth, ' ') + cols.map((c, k) => pad(q[c], widths[k])).join('');
    out.push(head);
    for (let r = 0; r < n; r++) {
      if (cells.every((col) => col[r] === '')) continue;
      out.push((q[r].padEnd(labelWidth, ' ') + cols.map((_, k) => pad(cells[k][r], widths[k])).join('')).trimEnd());
    }
    out.push('');
  }
  out.push(';');
  return `${out.join('\n')}\n`;
}

/** Writes a GAMS include file atomically; see {@link formatSamGams}. */
export async function writeSamGams(path: string, sam: Sam, options: SamGamsWriteOptions = {}): Promise<void> {
  await writeFileAtomic(path, formatSamGams(sam, options));
}

interface Token {
  text: string;
  start: number;
  end: number;
}

function tokens(line: string): Token[] {
  const out: Token[] = [];
  const re = /'[^']*'|"[^"]*"|[^\s]+/g;
  for (let m = re.exec(line); m; m = re.exec(line)) out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

function unquote(s: string): string {
  return (s.startsWith("'") && s.endsWith("'")) || (s.startsWith('"') && s.endsWith('"')) ? s.slice(1, -1) : s;
}

const NUMBER_RE = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Reads the GAMS include files written by {@link formatSamGams} (and hand-written files of the same
 * shape): the account set, the group subsets (names of {@link GAMS_GROUP_SETS}) and the table in
 * column blocks. Lines starting with `*` are comments. A number is assigned to the column whose
 * label it overlaps, as GAMS does. Errors name the file and line.
 */
export function parseSamGams(text: string, options: Pick<SamOptions, 'file'> & { set?: string; table?: string } = {}): Sam {
  const file = options.file;
  const u = options.set ?? 'u';
  const tableName = (options.table ?? 'SAM').toLowerCase();
  const loc = (row: number, column?: number) => ({
    ...(file !== undefined ? { file } : {}),
    row,
    ...(column !== undefined ? { column } : {}),
  });
  const lines = text.split(/\r\n|\r|\n/);
  const byGroupSet = new Map<string, AccountGroup>(Object.entries(GAMS_GROUP_SETS).map(([g, s]) => [s, g as AccountGroup]));
  let labels: string[] | undefined;
  const groups: Record<string, AccountGroup> = {};
  let i = 0;
  const readElements = (startLine: number, rest: string): [string[], number] => {
    // elements between '/' and '/' (slashes inside quotes do not count), possibly over several lines
    let buf = rest;
    let k = startLine;
    const slashes = (s: string): number[] => {
      const at: number[] = [];
      let quote = '';
      for (let p = 0; p < s.length; p++) {
        const ch = s[p];
        if (quote) {
          if (ch === quote) quote = '';
        } else if (ch === "'" || ch === '"') quote = ch;
        else if (ch === '/') at.push(p);
      }
      return at;
    };
    while (slashes(buf).length < 2) {
      k++;
      if (k >= lines.length) throw new InputError('GAMS_UNTERMINATED_SET', 'set definition without its closing /', loc(startLine + 1));
      buf += `\n${lines[k]}`;
    }
    const [a, b] = slashes(buf);
    const body = buf.slice(a + 1, b);
    const els = body
      .split(/[,\n]/)
      .map((e) => e.trim())
      .filter((e) => e !== '')
      .map((e) => unquote(tokens(e)[0].text));
    return [els, k];
  };
  while (i < lines.length) {
    const line = lines[i];
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('*')) {
      i++;
      continue;
    }
    const setM = /^set\s+(\w+)(?:\((\w+)\))?/i.exec(trimmed);
    if (setM) {
      const [els, end] = readElements(i, line.slice(line.indexOf(setM[0]) + setM[0].length));
      const name = setM[1].toLowerCase();
      if (!setM[2] && name === u.toLowerCase()) labels = els;
      else if (setM[2]) {
        const g = byGroupSet.get(name);
        if (g) for (const e of els) groups[e] = g;
      }
      i = end + 1;
      continue;
    }
    const tabM = /^table\s+(\w+)\s*\(/i.exec(trimmed);
    if (tabM && tabM[1].toLowerCase() === tableName) {
      if (!labels) throw new InputError('GAMS_NO_SET', `table ${tabM[1]} comes before the account set '${u}'`, loc(i + 1));
      const n = labels.length;
      const pos = new Map(labels.map((l, k) => [l, k]));
      const values = new Float64Array(n * n);
      let header: { col: number; start: number; end: number }[] | undefined;
      i++;
      for (; i < lines.length; i++) {
        const l = lines[i];
        const t = l.trim();
        if (t === ';') break;
        if (t === '' || t.startsWith('*')) continue;
        const toks = tokens(l);
        if (header === undefined || toks[0].text === '+') {
          header = [];
          for (const tk of toks) {
            if (tk.text === '+') continue;
            const c = pos.get(unquote(tk.text));
            if (c === undefined)
              throw new InputError('GAMS_UNKNOWN_ELEMENT', `column '${unquote(tk.text)}' is not in set ${u}`, loc(i + 1, tk.start + 1));
            header.push({ col: c, start: tk.start, end: tk.end });
          }
          continue;
        }
        const r = pos.get(unquote(toks[0].text));
        if (r === undefined)
          throw new InputError('GAMS_UNKNOWN_ELEMENT', `row '${unquote(toks[0].text)}' is not in set ${u}`, loc(i + 1, 1));
        for (const tk of toks.slice(1)) {
          const h = header.find((hd) => tk.start < hd.end && tk.end > hd.start);
          if (!h) throw new InputError('GAMS_MISALIGNED', `number ${tk.text} is not under any column label`, loc(i + 1, tk.start + 1));
          if (!NUMBER_RE.test(tk.text))
            throw new InputError('SAM_NOT_NUMERIC', `'${tk.text}' is not a number`, { ...loc(i + 1, tk.start + 1), account: labels[r] });
          values[r * n + h.col] = Number(tk.text);
        }
      }
      if (i >= lines.length) throw new InputError('GAMS_UNTERMINATED_TABLE', `table ${tabM[1]} has no closing ';'`, loc(lines.length));
      return new Sam(labels, values, { ...(file !== undefined ? { file } : {}), groups });
    }
    i++;
  }
  throw new InputError(
    'GAMS_NO_TABLE',
    `no table ${options.table ?? 'SAM'}(${u},…) in the file`,
    file !== undefined ? { file } : undefined,
  );
}

/** Reads a GAMS include file; see {@link parseSamGams}. */
export async function readSamGams(path: string, options: { set?: string; table?: string } = {}): Promise<Sam> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new InputError('FILE_UNREADABLE', `cannot read the file: ${(err as Error).message}`, { file: path }, { cause: err });
  }
  return parseSamGams(text, { file: path, ...options });
}
