/**
 * An input-output table cut out of a labelled table or a SAM: the inter-industry block Z, gross
 * output x, final demand y, value added, and optional labour-income rows, household column and
 * satellite rows. Rows receive, columns pay (z_ij: sales of i to j = purchases of j from i).
 * @module
 */
import { InputError } from '../../errors.js';
import type { Matrix } from '../../linalg/dense/index.js';
import type { Sam } from '../../sam/index.js';
import type { LabelledTable } from './labelled-table.js';

/** The parts of an input-output table the multiplier analyses use. */
export interface IoData {
  /** Sector labels (rows and columns of Z). */
  readonly sectors: readonly string[];
  /** Inter-industry flows Z (n×n). */
  readonly Z: Matrix;
  /** Gross output x (length n). */
  readonly x: Float64Array;
  /** Final demand y (length n). */
  readonly y: Float64Array;
  /** Value added (length n). */
  readonly va: Float64Array;
  /** Labour income paid by each sector (length n), when labour rows were named. */
  readonly labour?: Float64Array;
  /**
   * Household purchases from each sector, the households' purchases from households (the labour
   * rows' entries in the household column, e.g. domestic services; 0 without labour rows) and the
   * households' total outlay, when named.
   */
  readonly households?: { readonly consumption: Float64Array; readonly own: number; readonly total: number; readonly label: string };
  /** Satellite rows F (k×n) and their labels, when named. */
  readonly satellite?: { readonly labels: readonly string[]; readonly F: Matrix };
  /** How each part was obtained, one sentence each (written into the summary). */
  readonly notes: readonly string[];
  /** What `va` measures, named (e.g. `gross value added at basic prices`), when known. */
  readonly valueAddedConcept?: string;
}

/** Which rows and columns of a labelled table form each part of the IO table. */
export interface IoDataSpec {
  /** Sector labels (Z block). Default: labels found both as a row and as a column, in row order. */
  sectors?: readonly string[];
  /** Label of a row or column holding gross output. Default: column totals of the sector columns (satellite rows excluded). */
  x?: string;
  /** Final-demand columns. Default: y = x − row sums of Z. */
  finalDemand?: readonly string[];
  /** Value-added rows. Default: va = x − column sums of Z (includes imports and taxes on products if the table has them). */
  valueAdded?: readonly string[];
  /** Labour-income rows (summed), for income multipliers. */
  labour?: readonly string[];
  /** Household column (consumption), for Type II multipliers; the households' total outlay is its column total. */
  households?: string;
  /** Satellite rows (employment, emissions …). */
  satellite?: readonly string[];
}

function find(labels: readonly string[], l: string, what: string, file?: string): number {
  const i = labels.indexOf(l);
  if (i < 0) {
    throw new InputError('UNKNOWN_ACCOUNT', `no ${what} labelled '${l}'`, { ...(file !== undefined ? { file } : {}), account: l });
  }
  return i;
}

/** Cuts an {@link IoData} out of a labelled table following `spec`. */
export function ioTableFromLabelled(t: LabelledTable, spec: IoDataSpec = {}): IoData {
  const file = t.file;
  const notes: string[] = [];
  const { rowLabels, colLabels } = t;
  const W = t.values.cols;
  const cell = (r: number, c: number) => t.values.data[r * W + c];
  const colSet = new Set(colLabels);
  const sectors = spec.sectors ?? rowLabels.filter((l) => colSet.has(l) && l !== spec.x);
  if (sectors.length === 0) {
    throw new InputError(
      'IO_NO_SECTORS',
      'no sectors: name them (--z-block) or use the same labels on rows and columns',
      file !== undefined ? { file } : undefined,
    );
  }
  notes.push(`sectors (Z block): ${sectors.join(', ')}`);
  const n = sectors.length;
  const ri = sectors.map((l) => find(rowLabels, l, 'row', file));
  const ci = sectors.map((l) => find(colLabels, l, 'column', file));
  const Z = new Float64Array(n * n);
  for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) Z[a * n + b] = cell(ri[a], ci[b]);
  const satRows = (spec.satellite ?? []).map((l) => find(rowLabels, l, 'satellite row', file));
  const x = new Float64Array(n);
  if (spec.x !== undefined) {
    const xc = colLabels.indexOf(spec.x);
    if (xc >= 0) {
      for (let a = 0; a < n; a++) x[a] = cell(ri[a], xc);
      notes.push(`gross output x: column ${spec.x}`);
    } else {
      const xr = find(rowLabels, spec.x, 'row or column for gross output', file);
      for (let b = 0; b < n; b++) x[b] = cell(xr, ci[b]);
      notes.push(`gross output x: row ${spec.x}`);
    }
  } else {
    const skip = new Set(satRows);
    for (let b = 0; b < n; b++) {
      let s = 0;
      for (let r = 0; r < rowLabels.length; r++) if (!skip.has(r)) s += cell(r, ci[b]);
      x[b] = s;
    }
    notes.push('gross output x: column totals of the sector columns' + (satRows.length ? ' (satellite rows excluded)' : ''));
  }
  const y = new Float64Array(n);
  if (spec.finalDemand && spec.finalDemand.length) {
    const fc = spec.finalDemand.map((l) => find(colLabels, l, 'final-demand column', file));
    for (let a = 0; a < n; a++) for (const c of fc) y[a] += cell(ri[a], c);
    notes.push(`final demand y: sum of columns ${spec.finalDemand.join(', ')}`);
  } else {
    for (let a = 0; a < n; a++) {
      let s = 0;
      for (let b = 0; b < n; b++) s += Z[a * n + b];
      y[a] = x[a] - s;
    }
    notes.push('final demand y: x − row sums of Z');
  }
  const va = new Float64Array(n);
  if (spec.valueAdded && spec.valueAdded.length) {
    const vr = spec.valueAdded.map((l) => find(rowLabels, l, 'value-added row', file));
    for (let b = 0; b < n; b++) for (const r of vr) va[b] += cell(r, ci[b]);
    notes.push(`value added: sum of rows ${spec.valueAdded.join(', ')}`);
  } else {
    for (let b = 0; b < n; b++) {
      let s = 0;
      for (let a = 0; a < n; a++) s += Z[a * n + b];
      va[b] = x[b] - s;
    }
    notes.push('value added: x − column sums of Z (primary inputs, including imports and taxes if in the table)');
  }
  let labour: Float64Array | undefined;
  if (spec.labour && spec.labour.length) {
    const lr = spec.labour.map((l) => find(rowLabels, l, 'labour-income row', file));
    labour = new Float64Array(n);
    for (let b = 0; b < n; b++) for (const r of lr) labour[b] += cell(r, ci[b]);
    notes.push(`labour income: sum of rows ${spec.labour.join(', ')}`);
  }
  let households: IoData['households'];
  if (spec.households !== undefined) {
    const hc = find(colLabels, spec.households, 'household column', file);
    const consumption = new Float64Array(n);
    for (let a = 0; a < n; a++) consumption[a] = cell(ri[a], hc);
    let total = 0;
    for (let r = 0; r < rowLabels.length; r++) total += cell(r, hc);
    let own = 0;
    for (const l of spec.labour ?? []) own += cell(find(rowLabels, l, 'labour-income row', file), hc);
    households = { consumption, own, total, label: spec.households };
    notes.push(
      `households: column ${spec.households} (total outlay ${total}${own !== 0 ? `, of which ${own} paid to the labour rows: the household row's own coefficient` : ''})`,
    );
  }
  let satellite: IoData['satellite'];
  if (satRows.length) {
    const F = new Float64Array(satRows.length * n);
    satRows.forEach((r, k) => ci.forEach((c, b) => (F[k * n + b] = cell(r, c))));
    satellite = { labels: [...(spec.satellite ?? [])], F: { rows: satRows.length, cols: n, data: F } };
  }
  return {
    sectors,
    Z: { rows: n, cols: n, data: Z },
    x,
    y,
    va,
    ...(labour ? { labour } : {}),
    ...(households ? { households } : {}),
    ...(satellite ? { satellite } : {}),
    notes,
  };
}

/** A SAM seen as a labelled table (rows receive, columns pay). */
export function samAsLabelledTable(sam: Sam, file?: string): LabelledTable {
  const labels = sam.labels;
  return {
    rowLabels: labels,
    colLabels: labels,
    values: { rows: sam.n, cols: sam.n, data: sam.values },
    ...(file !== undefined ? { file } : {}),
  };
}

/** Accounts whose row and column are all zero (e.g. ThaiSAM2006's M-Trade, Water, Land). */
export function emptyAccounts(sam: Sam): string[] {
  const rt = sam.rowTotals();
  const ct = sam.colTotals();
  const n = sam.n;
  return sam.labels.filter((_, i) => {
    if (rt[i] !== 0 || ct[i] !== 0) return false;
    for (let j = 0; j < n; j++) if (sam.values[i * n + j] !== 0 || sam.values[j * n + i] !== 0) return false;
    return true;
  });
}

/**
 * Default sectors of a SAM for a Leontief analysis: its production accounts — activities and
 * commodities together (with margins), since in a SAM activities buy commodities and commodities
 * are supplied by activities, so neither block alone has inter-industry flows; failing those,
 * accounts whose group is `other` (unlabelled goods such as the standard CGE model's BRD and MLK).
 * Empty accounts ({@link emptyAccounts}) are left out.
 */
export function defaultSamSectors(sam: Sam): string[] {
  const empty = new Set(emptyAccounts(sam));
  const production = sam.accounts.filter(
    (a) => (a.group === 'activity' || a.group === 'commodity' || a.group === 'margin') && !empty.has(a.label),
  );
  if (production.length) return production.map((a) => a.label);
  const other = sam.indicesOf('other').filter((i) => !empty.has(sam.labels[i]));
  if (other.length) return other.map((i) => sam.labels[i]);
  throw new InputError('IO_NO_SECTORS', 'the SAM has no activity, commodity or unclassified accounts; name the sectors (--z-block)');
}
