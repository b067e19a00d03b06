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
import { industryIoFromSam } from '../industry-by-industry.js';

/** True when the row labels are the column labels in the same order, ignoring a trailing `Total`. */
function looksLikeSam(rows: readonly string[], cols: readonly string[]): boolean {
  const strip = (a: readonly string[]) => (a.length && /^total$/i.test(a[a.length - 1]) ? a.slice(0, -1) : a);
  const r = strip(rows);
  const c = strip(cols);
  return r.length === c.length && r.every((l, i) => l === c[i]);
}

/**
 * Reads an IO table from `path`. A SAM with activity and commodity accounts, read without a
 * sector, value-added or final-demand choice, gives its industry-by-industry table
 * ({@link industryIoFromSam}: industry technology, import proportionality; the household column
 * named by `households`, else the first household account, closes Type II). Any other SAM's
 * default sectors are its production accounts (or, failing those, its unclassified accounts); for
 * a rectangular table, the labels found both as a row and as a column.
 */
export async function loadIoTable(path: string, spec: IoDataSpec = {}): Promise<IoData> {
  const table = await readLabelledTable(path);
  if (looksLikeSam(table.rowLabels, table.colLabels)) {
    const sam = await readSamCsv(path);
    const chosen = spec.sectors ?? spec.valueAdded ?? spec.finalDemand ?? spec.x ?? spec.satellite ?? spec.labour;
    const has = (g: string) => sam.accounts.some((a) => a.group === g);
    if (chosen === undefined && has('activity') && has('commodity')) {
      return industryIoFromSam(sam, spec.households !== undefined ? { households: spec.households } : {});
    }
    const sectors = spec.sectors ?? defaultSamSectors(sam);
    const io = ioTableFromLabelled(samAsLabelledTable(sam, path), { ...spec, sectors });
    const empty = spec.sectors ? [] : emptyAccounts(sam);
    return empty.length ? { ...io, notes: [...io.notes, `left out empty accounts (all-zero row and column): ${empty.join(', ')}`] } : io;
  }
  return ioTableFromLabelled(table, spec);
}
