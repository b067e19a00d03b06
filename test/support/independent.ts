/**
 * Small, deliberately plain second implementations of the figures the deliverables print, for the
 * tests that recompute them from a run's own output files. Nothing here imports digicge's code:
 * a CSV reader, Gauss–Jordan inversion, the industry-by-industry table from a SAM, GDP three ways
 * and the Gini coefficient by the double sum of its definition.
 */
import { readFileSync } from 'node:fs';

/** Parses a CSV file with a header row (RFC 4180 quotes) into records of text. */
export function readCsvRecords(path: string): Record<string, string>[] {
  const rows = parseCsv(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
  const [header, ...body] = rows;
  return body.filter((r) => r.length > 1 || r[0] !== '').map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** A labelled SAM read from CSV: `cell(r, c)` is the payment of column c to row r (empty = 0). */
export interface PlainSam {
  labels: string[];
  cell(r: string, c: string): number;
  colTotal(c: string): number;
}

/** Reads a labelled SAM CSV (first row: column labels; first column: row labels). */
export function readPlainSam(path: string): PlainSam {
  const rows = parseCsv(readFileSync(path, 'utf8').replace(/^\uFEFF/, '')).filter((r) => r.length > 1);
  const labels = rows[0]!.slice(1);
  const m = new Map<string, number>();
  for (const r of rows.slice(1)) r.slice(1).forEach((v, j) => m.set(`${r[0]}|${labels[j]}`, v === '' ? 0 : Number(v)));
  const cell = (r: string, c: string) => m.get(`${r}|${c}`) ?? 0;
  return { labels, cell, colTotal: (c) => labels.reduce((s, r) => s + cell(r, c), 0) };
}

/** Inverse of a square matrix (array of rows) by Gauss–Jordan elimination with partial pivoting. */
export function invert(M: number[][]): number[][] {
  const n = M.length;
  const a = M.map((row, i) => [...row, ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r]![c]!) > Math.abs(a[p]![c]!)) p = r;
    [a[c], a[p]] = [a[p]!, a[c]!];
    const d = a[c]![c]!;
    for (let k = 0; k < 2 * n; k++) a[c]![k]! /= d;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = a[r]![c]!;
      if (f !== 0) for (let k = 0; k < 2 * n; k++) a[r]![k]! -= f * a[c]![k]!;
    }
  }
  return a.map((row) => row.slice(n));
}

/** Leontief inverse (I − A)⁻¹. */
export function leontief(A: number[][]): number[][] {
  return invert(A.map((row, i) => row.map((v, j) => (i === j ? 1 : 0) - v)));
}

/** Column sums of a matrix. */
export function colSums(M: number[][]): number[] {
  return M[0]!.map((_, j) => M.reduce((s, row) => s + row[j]!, 0));
}

/**
 * The industry-by-industry table of a SAM with one commodity per activity (A-x ↔ C-x, a diagonal
 * make block): domestic flows z_ij = s_i · use_ij with s_i = (x_i − e_i) / (q_i − e_i) the
 * domestic share of commodity i's domestic uses (x output, e exports to ROW, q commodity total);
 * value added at basic prices = factor rows + tax rows on the activity column.
 */
export function plainIndustryTable(
  sam: PlainSam,
  o: { factors: string[]; taxes: string[]; row: string; labour: string[]; household: string },
) {
  const acts = sam.labels.filter((l) => l.startsWith('A-'));
  const com = (a: string) => `C-${a.slice(2)}`;
  const x = acts.map((a) => sam.colTotal(a));
  const s = acts.map((a, i) => {
    const e = sam.cell(com(a), o.row);
    return (x[i]! - e) / (sam.colTotal(com(a)) - e);
  });
  const A = acts.map((ai, i) => acts.map((aj, j) => (s[i]! * sam.cell(com(ai), aj)) / x[j]!));
  const va = acts.map((a) => [...o.factors, ...o.taxes].reduce((t, r) => t + sam.cell(r, a), 0));
  const labour = acts.map((a) => o.labour.reduce((t, r) => t + sam.cell(r, a), 0));
  const hc = acts.map((a, i) => (s[i]! * sam.cell(com(a), o.household)) / sam.colTotal(o.household));
  return { acts, x, s, A, va, labour, hc };
}

/** Gini coefficient by its definition: Σ_i Σ_j |x_i − x_j| / (2 n² μ). */
export function giniPlain(x: readonly number[]): number {
  const n = x.length;
  const mu = x.reduce((s, v) => s + v, 0) / n;
  let d = 0;
  for (const a of x) for (const b of x) d += Math.abs(a - b);
  return d / (2 * n * n * mu);
}

/** Splits one line of a delimited file at `delimiter`, outside double quotes (quotes dropped). */
export function splitQuotedLine(line: string, delimiter = ','): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === delimiter && !quoted) {
      out.push(field);
      field = '';
    } else field += ch;
  }
  out.push(field);
  return out;
}
