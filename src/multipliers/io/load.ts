/**
 * Loading an input-output table from a CSV file that is either a SAM (same labels on rows and
 * columns, read with the SAM reader, which also knows account groups and a `Total` row/column) or a
 * rectangular labelled table (Z plus final-demand columns, value-added and satellite rows, an
 * optional gross-output row or column).
 * @module
 */
import { readSamCsv } from '../../sam/index.js';
import { ioTableFromLabelled, samAsLabelledTable, defaultSamSectors, emptyAccounts, type IoData, type IoDataSpec } from './io-table.js';
import { readLabelledTable } from './labelled-table.js';

/** True when the row labels are the column labels in the same order, ignoring a trailing `Total`. */
function looksLikeSam(rows: readonly string[], cols: readonly string[]): boolean {
  const strip = (a: readonly string[]) => (a.length && /^total$/i.test(a[a.length - 1]) ? a.slice(0, -1) : a);
  const r = strip(rows);
  const c = strip(cols);
  return r.length === c.length && r.every((l, i) => l === c[i]);
}

/**
 * Reads an IO table from `path`. For a SAM the default sectors are its activity and commodity
 * accounts (or, failing those, its unclassified accounts); for a rectangular table, the labels
 * found both as a row and as a column.
 */
export async function loadIoTable(path: string, spec: IoDataSpec = {}): Promise<IoData> {
  const table = await readLabelledTable(path);
  if (looksLikeSam(table.rowLabels, table.colLabels)) {
    const sam = await readSamCsv(path);
    const sectors = spec.sectors ?? defaultSamSectors(sam);
    const io = ioTableFromLabelled(samAsLabelledTable(sam, path), { ...spec, sectors });
    const empty = spec.sectors ? [] : emptyAccounts(sam);
    return empty.length ? { ...io, notes: [...io.notes, `left out empty accounts (all-zero row and column): ${empty.join(', ')}`] } : io;
  }
  return ioTableFromLabelled(table, spec);
}
