/**
 * Where the matrix sits in a SAM sheet as published: title and note rows above and below, header
 * rows (one, or a label broken over two rows: `Activi-` / `ties`), an account-group header row
 * above the account labels or a group column left of them (also `Group - account` descriptors as
 * IFPRI writes them), a code column beside a description column, `Total` rows and columns, and
 * side tables to the right. The matrix is found where the column labels of a header row equal the
 * row labels of a label column, in the same order.
 * @module
 */
import type { AccountGroup } from '../groups.js';

/** How a SAM sheet was read: 0-based rows and columns of the sheet. */
export interface SamGridLayout {
  /** First and last header row holding the account labels (equal unless a label is broken over rows). */
  readonly headerRows: readonly [number, number];
  /** Column of the row account labels. */
  readonly labelColumn: number;
  /** Number of accounts. */
  readonly n: number;
  /** Row of the account-group header above the column labels, when there is one. */
  readonly groupRow?: number;
  /** Column of account groups (or `Group - account` descriptors) left of the labels, when there is one. */
  readonly groupColumn?: number;
  /** Row of the column totals (checked, then dropped), when there is one. */
  readonly totalRow?: number;
  /** Column of the row totals (checked, then dropped), when there is one. */
  readonly totalColumn?: number;
  /** Group of each account from the group header/column, by account label. */
  readonly groups: Readonly<Record<string, AccountGroup>>;
  /** Text outside the matrix: titles and notes (first non-empty cell of each row above or below). */
  readonly notes: readonly string[];
  /** Non-empty cells outside the matrix, its labels, groups and totals (side tables, error columns), not read. */
  readonly ignoredCells: number;
}

/** Group headings as SAM builders write them (English; IFPRI, UNU-WIDER, PEP, IEEM usage), lower case. */
const HEADINGS: readonly [RegExp, AccountGroup][] = [
  [/^(activities|activity|production activities|production|industries|sectors)$/, 'activity'],
  [/^(commodities|commodity|products|goods and services|goods|marketed commodities)$/, 'commodity'],
  [/^(margins?|trade margins?|transaction costs?|trade and transport margins?)$/, 'margin'],
  [/^(factors?|factors of production|primary factors|value added|labou?r|capital|land)$/, 'factor'],
  [/^(households?)$/, 'household'],
  [/^(enterprises?|firms?|corporations?|companies)$/, 'enterprise'],
  [/^(government|governments|govt|general government)$/, 'government'],
  [/^(taxes|tax|taxes and subsidies|indirect taxes|direct taxes|import duties|tariffs)$/, 'tax'],
  [
    /^(savings[- ]investment|saving[- ]investment|capital account|investment|savings|accumulation|change in stocks|changes in inventories|ch in inventories|stock changes?)$/,
    'savings-investment',
  ],
  [/^(rest of (the )?world|row|foreign|external|world)$/, 'rest-of-world'],
];

/**
 * The account group named by a group heading (`Activities`, `Commodities`, `Factors`, `Households`,
 * `Taxes`, `Savings-investment`, `Rest of world`, …), or `undefined` for any other text. A
 * `Group - account` descriptor (`Factors - Labor - Low`) is read by its part before the first ` - `.
 */
export function groupFromHeading(text: string): AccountGroup | undefined {
  const t = text.trim().replace(/\s+/g, ' ').toLowerCase();
  if (t === '') return undefined;
  for (const [re, g] of HEADINGS) if (re.test(t)) return g;
  const dash = t.indexOf(' - ');
  if (dash > 0) return groupFromHeading(t.slice(0, dash));
  return undefined;
}

const TOTAL_RE = /^(total|totals|row total|column total|sum)$/i;

/** True for the label of a totals row or column (`Total`, `TOTAL`, `Totals`, `Row total`, …). */
export function isTotalLabel(s: string): boolean {
  return TOTAL_RE.test(s.trim());
}

const norm = (s: string) => s.trim().replace(/\s+/g, ' ');

/** A label broken over header rows: vertical repeats (merged cells) collapse, `Activi-` + `ties` join. */
function composeLabel(parts: readonly string[]): string {
  let out = '';
  let last = '';
  for (const raw of parts) {
    const p = norm(raw);
    if (p === '' || p === last) continue;
    last = p;
    if (out === '') out = p;
    else if (out.endsWith('-') && /^[a-z]/.test(p)) out = out.slice(0, -1) + p;
    else out = `${out} ${p}`;
  }
  return out;
}

interface Candidate {
  r0: number;
  r1: number;
  c: number;
  k: number;
}

/** Column labels of header rows r0..r1 from column c+1 on. @internal */
export function headerLabels(rows: readonly (readonly string[])[], r0: number, r1: number, c: number, width: number): string[] {
  const out: string[] = [];
  for (let j = c + 1; j < width; j++) {
    const parts: string[] = [];
    for (let r = r0; r <= r1; r++) parts.push(rows[r][j] ?? '');
    out.push(composeLabel(parts));
  }
  return out;
}

/** How many labels match from the start, and whether the match ends cleanly (end, empty or Total). */
function matchAt(rows: readonly (readonly string[])[], r0: number, r1: number, c: number, width: number): number {
  const cols = headerLabels(rows, r0, r1, c, width);
  let k = 0;
  while (k < cols.length && r1 + 1 + k < rows.length) {
    const a = cols[k];
    const b = norm(rows[r1 + 1 + k][c] ?? '');
    if (a === '' || a !== b || isTotalLabel(a)) break;
    k++;
  }
  if (k < 2) return 0;
  const nextCol = cols[k] ?? '';
  const nextRow = norm(rows[r1 + 1 + k]?.[c] ?? '');
  const clean = (s: string) => s === '' || isTotalLabel(s);
  return clean(nextCol) && clean(nextRow) ? k : 0;
}

/**
 * Finds the matrix in a sheet of text cells, or `undefined` when no header row and label column
 * agree on at least two accounts in the same order up to a clean end (end of sheet, an empty cell,
 * or a `Total` label): then the caller reads the sheet as a plain labelled matrix and reports the
 * first problem. The search looks at the first 40 rows and 8 columns, headers of one or two rows.
 * @param rows cells as text (trimmed), row-major
 */
export function locateSamLayout(rows: readonly (readonly string[])[]): SamGridLayout | undefined {
  const width = Math.max(0, ...rows.map((r) => r.length));
  let best: Candidate | undefined;
  for (let r1 = 0; r1 < Math.min(rows.length, 40); r1++) {
    for (let c = 0; c < Math.min(width, 8); c++) {
      for (let h = 1; h <= 2 && h <= r1 + 1; h++) {
        const k = matchAt(rows, r1 - h + 1, r1, c, width);
        if (k > 0 && (best === undefined || k > best.k)) best = { r0: r1 - h + 1, r1, c, k };
        if (k > 0) break;
      }
    }
  }
  if (!best) return undefined;
  return describe(rows, best, width);
}

function fill(cells: readonly string[]): string[] {
  let last = '';
  return cells.map((s) => {
    const t = norm(s);
    if (t !== '') last = t;
    return last;
  });
}

/** Groups from a header row or column of cells (filled forward over merged or blank cells), if every heading is a group. */
function groupsFrom(cells: readonly string[], labels: readonly string[]): Record<string, AccountGroup> | undefined {
  if (cells.every((s) => norm(s) === '')) return undefined;
  const filled = fill(cells);
  const out: Record<string, AccountGroup> = {};
  for (let i = 0; i < labels.length; i++) {
    if (filled[i] === '') continue;
    const g = groupFromHeading(filled[i]);
    if (g === undefined) return undefined;
    out[labels[i]] = g;
  }
  return out;
}

function describe(rows: readonly (readonly string[])[], m: Candidate, width: number): SamGridLayout {
  const { r0, r1, c, k } = m;
  const labels = headerLabels(rows, r0, r1, c, width).slice(0, k);
  const first = r1 + 1;
  const totalColumn = isTotalLabel(headerLabels(rows, r0, r1, c, width)[k] ?? '') ? c + 1 + k : undefined;
  const totalRow = isTotalLabel(rows[first + k]?.[c] ?? '') ? first + k : undefined;
  let groupRow: number | undefined;
  let groupColumn: number | undefined;
  const groups: Record<string, AccountGroup> = {};
  if (r0 > 0) {
    const g = groupsFrom(rows[r0 - 1].slice(c + 1, c + 1 + k), labels);
    if (g) {
      groupRow = r0 - 1;
      Object.assign(groups, g);
    }
  }
  for (let gc = c - 1; gc >= 0 && groupColumn === undefined; gc--) {
    const g = groupsFrom(
      labels.map((_, i) => rows[first + i][gc] ?? ''),
      labels,
    );
    if (g) {
      groupColumn = gc;
      for (const [l, v] of Object.entries(g)) groups[l] ??= v;
    }
  }
  // what lies outside the matrix
  const lastRow = totalRow ?? first + k - 1;
  const lastCol = totalColumn ?? c + k;
  const notes: string[] = [];
  let ignoredCells = 0;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    const inRows = r >= r0 && r <= lastRow;
    if (!inRows && r !== groupRow) {
      const text = row.map(norm).find((s) => s !== '');
      if (text !== undefined) notes.push(text);
      continue;
    }
    for (let j = 0; j < row.length; j++) {
      if (norm(row[j]) === '') continue;
      const inCols = j >= c && j <= lastCol;
      const isGroupCell = (r === groupRow && j > c && j <= c + k) || (j === groupColumn && r >= first && r < first + k);
      const isCorner = r >= r0 && r <= r1 && j <= c;
      const isDescriptor = j < c && r >= first && r <= lastRow;
      if (!(inCols || isGroupCell || isCorner || isDescriptor)) ignoredCells++;
      else if (isCorner && j < c) notes.push(norm(row[j]));
    }
  }
  return {
    headerRows: [r0, r1],
    labelColumn: c,
    n: k,
    ...(groupRow !== undefined ? { groupRow } : {}),
    ...(groupColumn !== undefined ? { groupColumn } : {}),
    ...(totalRow !== undefined ? { totalRow } : {}),
    ...(totalColumn !== undefined ? { totalColumn } : {}),
    groups,
    notes,
    ignoredCells,
  };
}

/** True when the layout is the plain one digicge writes: labels in row 1 and column A, nothing else around. */
export function isPlainLayout(l: SamGridLayout, rows: readonly (readonly string[])[]): boolean {
  const last = (l.totalRow ?? l.headerRows[1] + l.n) + 1;
  return (
    l.headerRows[0] === 0 &&
    l.headerRows[1] === 0 &&
    l.labelColumn === 0 &&
    l.groupRow === undefined &&
    last === rows.length &&
    l.ignoredCells === 0
  );
}
