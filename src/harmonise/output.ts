import { join } from 'node:path';
import type { Harmoniser } from './engine.js';
import { csvTextField, writeBytesAtomic, writeBytesAtomicSteps, writeChunkedAtomic, type ByteSink } from './csv-out.js';
import { dsdKeyDimensions } from '../guidelines/dsd.js';
import { observationColumns } from '../guidelines/dsd-columns.js';
import { factsBytesWriter, factsLayout, obsValueText, observationBytesWriter } from './obs-fields.js';
import type { HarmoniseCounts } from './types.js';
import { mappingAndVintageSections } from './quality-sections.js';
import { classifyConflicts } from './revisions.js';

/**
 * The columns of observations.csv (SDMX-CSV 2.0.0), in order, as written in the header: derived
 * from the data structure definition (see {@link observationColumns}).
 */
export const OBSERVATION_COLUMNS: readonly string[] = observationColumns().map((c) => c.header);

export { OBSERVATION_ACTION, OBSERVATION_STRUCTURE_ID, obsValueText, observationRowWriter } from './obs-fields.js';

/** Columns of rejects.csv. */
export const REJECT_COLUMNS = ['SOURCE_ID', 'FILE', 'SHEET', 'ROW', 'COLUMN', 'REASON', 'MESSAGE', 'CELLS', 'ROW_TEXT'] as const;
/** Columns of conflicts.csv: the key dimensions of the DSD (FREQ follows from the period), then the two sources. */
export const CONFLICT_COLUMNS: readonly string[] = [
  ...dsdKeyDimensions().map((d) => d.id),
  'KEPT_SOURCE',
  'KEPT_RELEASE',
  'KEPT_VALUE',
  'DROPPED_SOURCE',
  'DROPPED_RELEASE',
  'DROPPED_VALUE',
  'DROPPED_FILE',
  'DROPPED_ROW',
  'DROPPED_COLUMN',
  'REASON',
  'DIFFERENCE',
];

/** Paths of the files a run writes. */
export interface HarmoniseOutputs {
  observations: string;
  rejects: string;
  quality: string;
  conflicts: string;
  /** The embedded DuckDB database (observations, vintages, sources, rejects, conflicts), when written. */
  database?: string;
  /** The observations as Parquet, when written. */
  parquet?: string;
}

/** Sums the per-source counts. */
export function totals(h: Harmoniser): HarmoniseCounts {
  let cells = 0,
    observations = 0,
    rejected = 0,
    filtered = 0;
  for (const c of h.counts) {
    cells += c.cells;
    observations += c.observations;
    rejected += c.rejected;
    for (const v of Object.values(c.filtered)) filtered += v;
  }
  return { cells, observations, rejected, filtered, sources: h.counts };
}

/** Where {@link writeOutputs} puts its files in `dir`. */
export function outputPaths(dir: string): HarmoniseOutputs {
  return {
    observations: join(dir, 'observations.csv'),
    rejects: join(dir, 'rejects.csv'),
    quality: join(dir, 'quality.md'),
    conflicts: join(dir, 'conflicts.csv'),
  };
}

/** Rows written between two steps of {@link observationSteps}. */
const ROWS_PER_STEP = 1 << 15;

/**
 * Writes observations.csv (sorted by key) at `path` atomically, in steps of {@link ROWS_PER_STEP}
 * rows (the generator yields between them); with `facts`, the database's narrow file of the
 * observations in the same pass (see {@link observationBytesWriter}).
 */
export function* observationSteps(h: Harmoniser, path: string, facts?: string): Generator<void, void> {
  const layout = factsLayout(h);
  const order = h.liveOrder();
  function* rows(sink: ByteSink, factsSink: ByteSink | null): Generator<void, void> {
    sink.text(`${OBSERVATION_COLUMNS.join(',')}\n`);
    factsSink?.text(layout.header);
    const write = observationBytesWriter(h, sink, factsSink ? { sink: factsSink, layout } : undefined);
    for (let k = 0; k < order.length; k++) {
      write(order[k]);
      if ((k & (ROWS_PER_STEP - 1)) === ROWS_PER_STEP - 1) yield;
    }
  }
  yield* writeBytesAtomicSteps(path, function* (sink) {
    if (facts === undefined) yield* rows(sink, null);
    else yield* writeBytesAtomicSteps(facts, (factsSink) => rows(sink, factsSink));
  });
}

/** Writes the database's narrow file of the observations alone at `path` (see {@link factsBytesWriter}). */
export function writeFactsFile(h: Harmoniser, path: string): void {
  const layout = factsLayout(h);
  const order = h.liveOrder();
  writeBytesAtomic(path, (sink) => {
    sink.text(layout.header);
    const write = factsBytesWriter(h, layout, sink);
    for (let k = 0; k < order.length; k++) write(order[k]);
  });
}

/**
 * Writes observations.csv (sorted by key), rejects.csv, conflicts.csv and quality.md into `dir`,
 * each atomically.
 * @param facts when given, the database's narrow file of the observations is written there in the
 *   same pass (see {@link observationBytesWriter}), so that no field is formatted twice
 */
export function writeOutputs(h: Harmoniser, dir: string, facts?: string): HarmoniseOutputs {
  const out = outputPaths(dir);
  for (const _ of observationSteps(h, out.observations, facts));
  writeSideOutputs(h, out);
  return out;
}

/** Writes rejects.csv, conflicts.csv and quality.md, each atomically. */
export function writeSideOutputs(h: Harmoniser, out: HarmoniseOutputs): void {
  writeChunkedAtomic(out.rejects, (put) => {
    put(`${REJECT_COLUMNS.join(',')}\n`);
    for (const r of h.rejects)
      put(
        `${[r.sourceId, r.file, r.sheet, String(r.row), r.column, r.code, r.message, String(r.cells), r.text].map(csvTextField).join(',')}\n`,
      );
  });
  const keyDims = dsdKeyDimensions().map((d) => d.id);
  writeChunkedAtomic(out.conflicts, (put) => {
    put(`${CONFLICT_COLUMNS.join(',')}\n`);
    for (const { conflict: c, difference } of classifyConflicts(h.conflicts, h.sources)) {
      const k = c.key;
      const text = (x: string) => csvTextField(x);
      put(
        `${[...keyDims.map((d) => text(k[d])), text(c.keptSource), text(c.keptRelease), obsValueText(c.keptValue), text(c.droppedSource), text(c.droppedRelease), obsValueText(c.droppedValue), text(c.droppedFile), String(c.droppedRow), text(c.droppedColumn), text(c.reason), difference].join(',')}\n`,
      );
    }
  });
  writeChunkedAtomic(out.quality, (put) => put(qualityReport(h)));
}

/** The quality report (Markdown): counts per source, rejects by reason, coverage, conflicts, warnings. */
export function qualityReport(h: Harmoniser): string {
  const t = totals(h);
  const L: string[] = ['# Harmonisation quality report', ''];
  L.push(
    `Every input data cell is an observation, a reject or a counted filter: ${t.cells} cells = ${t.observations} observations + ${t.rejected} rejected + ${t.filtered} filtered.`,
    '',
  );
  L.push(
    '## Sources',
    '',
    '| source | release | file | cells | observations | rejected | filtered | filtered by reason |',
    '|---|---|---|---:|---:|---:|---:|---|',
  );
  for (const c of t.sources) {
    const f = Object.entries(c.filtered).sort(([a], [b]) => (a < b ? -1 : 1));
    const fsum = f.reduce((x, [, v]) => x + v, 0);
    L.push(
      `| ${c.sourceId} | ${c.releaseDate} | ${c.file} | ${c.cells} | ${c.observations} | ${c.rejected} | ${fsum} | ${f.map(([k, v]) => `${k} ${v}`).join(', ') || '—'} |`,
    );
  }
  L.push('', '## Rejects by reason', '');
  const byReason = new Map<string, { rows: number; cells: number }>();
  for (const r of h.rejects) {
    const e = byReason.get(r.code) ?? { rows: 0, cells: 0 };
    e.rows++;
    e.cells += r.cells;
    byReason.set(r.code, e);
  }
  if (byReason.size === 0) L.push('No rejects.');
  else {
    L.push('| reason | reject rows | cells |', '|---|---:|---:|');
    for (const [k, v] of [...byReason].sort(([a], [b]) => (a < b ? -1 : 1))) L.push(`| ${k} | ${v.rows} | ${v.cells} |`);
  }
  L.push('', '## Coverage (area × indicator: first–last period, number of observations)', '');
  const s = h.store;
  const cov = new Map<string, Map<string, { first: string; last: string; n: number }>>();
  const inds = new Set<string>();
  for (let i = 0; i < s.length; i++) {
    if (s.dropped[i] || Number.isNaN(s.value[i])) continue;
    inds.add(s.indicatorOf(i));
    let a = cov.get(s.areaOf(i));
    if (!a) {
      a = new Map();
      cov.set(s.areaOf(i), a);
    }
    const e = a.get(s.indicatorOf(i));
    if (!e) a.set(s.indicatorOf(i), { first: s.timeOf(i), last: s.timeOf(i), n: 1 });
    else {
      e.n++;
      if (s.timeOf(i) < e.first) e.first = s.timeOf(i);
      if (s.timeOf(i) > e.last) e.last = s.timeOf(i);
    }
  }
  const indList = [...inds].sort();
  if (indList.length === 0) L.push('No observations.');
  else {
    L.push(`| area | ${indList.join(' | ')} |`, `|---|${indList.map(() => '---').join('|')}|`);
    for (const area of [...cov.keys()].sort()) {
      const a = cov.get(area)!;
      L.push(
        `| ${area} | ${indList
          .map((ind) => {
            const e = a.get(ind);
            return e ? `${e.first}–${e.last} (${e.n})` : '—';
          })
          .join(' | ')} |`,
      );
    }
  }
  L.push(
    '',
    '## Conflicts',
    '',
    h.conflicts.length
      ? `${h.conflicts.length} keys were given by more than one source; the loser of each is in conflicts.csv.`
      : 'No key was given by more than one source.',
  );
  L.push('', ...mappingAndVintageSections(h));
  L.push('## Warnings', '');
  if (h.warnings.length === 0) L.push('No warnings.');
  else for (const w of h.warnings) L.push(`- ${w.rule}: ${w.message}`);
  L.push('');
  return L.join('\n');
}
