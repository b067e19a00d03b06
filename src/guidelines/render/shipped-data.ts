/**
 * Sync readers of the shipped database build for the generated chapters: the labelled SAM CSVs,
 * the control totals, the build metadata and the ddcge parameter files. The chapters quote these
 * files, so text and data cannot disagree (the staleness test renders them again).
 * @module
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../paths.js';

/** A labelled square matrix read from a SAM CSV (rows receive, columns pay; empty cell = 0). */
export interface LabelledSam {
  labels: string[];
  get(row: string, col: string): number;
  rowSum(row: string): number;
  colSum(col: string): number;
}

/** Reads a shipped file as text, relative to the package root. */
export function shippedText(rel: string): string {
  return readFileSync(join(packageRoot(), rel), 'utf8');
}

/** Reads a shipped JSON file. */
export function shippedJson<T>(rel: string): T {
  return JSON.parse(shippedText(rel)) as T;
}

/** Reads a shipped labelled SAM CSV (no quoted fields: the build writes plain labels and numbers). */
export function shippedSam(rel: string): LabelledSam {
  const lines = shippedText(rel).trimEnd().split(/\r?\n/);
  const labels = lines[0]!.split(',').slice(1);
  const idx = new Map(labels.map((l, i) => [l, i]));
  const v = lines.slice(1).map((l) =>
    l
      .split(',')
      .slice(1)
      .map((x) => (x === '' ? 0 : Number(x))),
  );
  const at = (l: string) => {
    const i = idx.get(l);
    if (i === undefined) throw new Error(`${rel}: no account ${l}`);
    return i;
  };
  return {
    labels,
    get: (r, c) => v[at(r)]![at(c)]!,
    rowSum: (r) => v[at(r)]!.reduce((s, x) => s + x, 0),
    colSum: (c) => v.reduce((s, row) => s + row[at(c)]!, 0),
  };
}

/** Rows of a plain CSV with a header (no quoted fields). */
export function shippedCsv(rel: string): Record<string, string>[] {
  const [head, ...rows] = shippedText(rel).trimEnd().split(/\r?\n/);
  const h = head!.split(',');
  return rows.map((r) => Object.fromEntries(r.split(',').map((x, i) => [h[i]!, x])));
}
