import { join } from 'node:path';
import type { Harmoniser } from './engine.js';
import { csvField, csvTextField, writeChunkedAtomic } from './csv-out.js';
import { roundTripNumber } from '../util/number-text.js';
import { periodFrequency } from './period.js';
import type { HarmoniseCounts } from './types.js';
import { mappingAndVintageSections } from './quality-sections.js';
import { classifyConflicts } from './revisions.js';

/** OBS_VALUE text: the round-trip decimal, and an empty field for a missing value (its OBS_STATUS says why). */
export function obsValueText(x: number): string {
  return Number.isNaN(x) ? '' : roundTripNumber(x);
}

/** Columns of observations.csv, in order (SDMX-CSV 2.0; other stages depend on them). */
export const OBSERVATION_COLUMNS = [
  'STRUCTURE', 'STRUCTURE_ID', 'ACTION', 'REF_AREA', 'INDICATOR', 'SEX', 'AGE', 'URBANISATION', 'INCOME_WEALTH_QUANTILE', 'FREQ',
  'TIME_PERIOD', 'OBS_VALUE', 'UNIT_MEASURE', 'UNIT_MULT', 'OBS_STATUS', 'SOURCE_ID', 'RELEASE_DATE', 'PROV_FILE', 'PROV_SHEET',
  'PROV_ROW', 'PROV_COLUMN', 'PROV_MAPPING', 'PROV_SHA256', 'OBS_FLAG',
] as const;

/** The dataflow of the harmonised dataset. */
export const OBSERVATION_STRUCTURE_ID = 'ASEAN:DF_DIGITAL(1.0)';
/**
 * SDMX-CSV 2.0 action of every row: `M` (merge: add or replace the observations). `I`
 * (information) and `A` (append) are deprecated in SDMX 3.0.
 */
export const OBSERVATION_ACTION = 'M';

/** Columns of rejects.csv. */
export const REJECT_COLUMNS = ['SOURCE_ID', 'FILE', 'SHEET', 'ROW', 'COLUMN', 'REASON', 'MESSAGE', 'CELLS', 'ROW_TEXT'] as const;
/** Columns of conflicts.csv. */
export const CONFLICT_COLUMNS = [
  'REF_AREA', 'INDICATOR', 'SEX', 'AGE', 'URBANISATION', 'INCOME_WEALTH_QUANTILE', 'TIME_PERIOD', 'KEPT_SOURCE', 'KEPT_RELEASE', 'KEPT_VALUE',
  'DROPPED_SOURCE', 'DROPPED_RELEASE', 'DROPPED_VALUE', 'DROPPED_FILE', 'DROPPED_ROW', 'DROPPED_COLUMN', 'REASON', 'DIFFERENCE',
] as const;

/** Paths of the files a run writes. */
export interface HarmoniseOutputs {
  observations: string;
  rejects: string;
  quality: string;
  conflicts: string;
}

/** Sums the per-source counts. */
export function totals(h: Harmoniser): HarmoniseCounts {
  let cells = 0, observations = 0, rejected = 0, filtered = 0;
  for (const c of h.counts) {
    cells += c.cells; observations += c.observations; rejected += c.rejected;
    for (const v of Object.values(c.filtered)) filtered += v;
  }
  return { cells, observations, rejected, filtered, sources: h.counts };
}

/** Writes observations.csv (sorted by key), rejects.csv, conflicts.csv and quality.md into `dir`, each atomically. */
export function writeOutputs(h: Harmoniser, dir: string): HarmoniseOutputs {
  const out: HarmoniseOutputs = { observations: join(dir, 'observations.csv'), rejects: join(dir, 'rejects.csv'), quality: join(dir, 'quality.md'), conflicts: join(dir, 'conflicts.csv') };
  const s = h.store;
  const prov = h.sources.map((src) => ({
    tail: `,${csvField(src.id)},${src.releaseDate},${csvField(src.file)},${csvField(src.sheet)},`,
    end: `,${csvField(src.mapping)},${src.sha256},`,
  }));
  const order = s.sortedLive();
  writeChunkedAtomic(out.observations, (put) => {
    put(`${OBSERVATION_COLUMNS.join(',')}\n`);
    const head = `dataflow,${OBSERVATION_STRUCTURE_ID},${OBSERVATION_ACTION},`;
    let chunk = '';
    for (let k = 0; k < order.length; k++) {
      const i = order[k];
      const p = prov[s.source[i]];
      const flags = h.obsFlags.get(i);
      chunk += `${head}${s.area[i]},${s.indicator[i]},${s.sex[i]},${s.age[i]},${s.urbanisation[i]},${s.quantile[i]},${periodFrequency(s.time[i])},${s.time[i]},${obsValueText(s.value[i])},${s.unit[i]},0,${s.status[i]}${p.tail}${s.row[i]},${csvField(s.column[i])}${p.end}${flags ? flags.join(' ') : ''}\n`;
      if (chunk.length > 1 << 16) { put(chunk); chunk = ''; }
    }
    put(chunk);
  });
  writeChunkedAtomic(out.rejects, (put) => {
    put(`${REJECT_COLUMNS.join(',')}\n`);
    for (const r of h.rejects) put(`${[r.sourceId, r.file, r.sheet, String(r.row), r.column, r.code, r.message, String(r.cells), r.text].map(csvTextField).join(',')}\n`);
  });
  writeChunkedAtomic(out.conflicts, (put) => {
    put(`${CONFLICT_COLUMNS.join(',')}\n`);
    for (const { conflict: c, difference } of classifyConflicts(h.conflicts, h.sources)) {
      const k = c.key;
      const text = (x: string) => csvTextField(x);
      put(`${[text(k.REF_AREA), text(k.INDICATOR), text(k.SEX), text(k.AGE), text(k.URBANISATION), text(k.INCOME_WEALTH_QUANTILE), text(k.TIME_PERIOD), text(c.keptSource), text(c.keptRelease), obsValueText(c.keptValue), text(c.droppedSource), text(c.droppedRelease), obsValueText(c.droppedValue), text(c.droppedFile), String(c.droppedRow), text(c.droppedColumn), text(c.reason), difference].join(',')}\n`);
    }
  });
  writeChunkedAtomic(out.quality, (put) => put(qualityReport(h)));
  return out;
}

/** The quality report (Markdown): counts per source, rejects by reason, coverage, conflicts, warnings. */
export function qualityReport(h: Harmoniser): string {
  const t = totals(h);
  const L: string[] = ['# Harmonisation quality report', ''];
  L.push(`Every input data cell is an observation, a reject or a counted filter: ${t.cells} cells = ${t.observations} observations + ${t.rejected} rejected + ${t.filtered} filtered.`, '');
  L.push('## Sources', '', '| source | release | file | cells | observations | rejected | filtered | filtered by reason |', '|---|---|---|---:|---:|---:|---:|---|');
  for (const c of t.sources) {
    const f = Object.entries(c.filtered).sort(([a], [b]) => (a < b ? -1 : 1));
    const fsum = f.reduce((x, [, v]) => x + v, 0);
    L.push(`| ${c.sourceId} | ${c.releaseDate} | ${c.file} | ${c.cells} | ${c.observations} | ${c.rejected} | ${fsum} | ${f.map(([k, v]) => `${k} ${v}`).join(', ') || '—'} |`);
  }
  L.push('', '## Rejects by reason', '');
  const byReason = new Map<string, { rows: number; cells: number }>();
  for (const r of h.rejects) { const e = byReason.get(r.code) ?? { rows: 0, cells: 0 }; e.rows++; e.cells += r.cells; byReason.set(r.code, e); }
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
    inds.add(s.indicator[i]);
    let a = cov.get(s.area[i]);
    if (!a) { a = new Map(); cov.set(s.area[i], a); }
    const e = a.get(s.indicator[i]);
    if (!e) a.set(s.indicator[i], { first: s.time[i], last: s.time[i], n: 1 });
    else { e.n++; if (s.time[i] < e.first) e.first = s.time[i]; if (s.time[i] > e.last) e.last = s.time[i]; }
  }
  const indList = [...inds].sort();
  if (indList.length === 0) L.push('No observations.');
  else {
    L.push(`| area | ${indList.join(' | ')} |`, `|---|${indList.map(() => '---').join('|')}|`);
    for (const area of [...cov.keys()].sort()) {
      const a = cov.get(area)!;
      L.push(`| ${area} | ${indList.map((ind) => { const e = a.get(ind); return e ? `${e.first}–${e.last} (${e.n})` : '—'; }).join(' | ')} |`);
    }
  }
  L.push('', '## Conflicts', '', h.conflicts.length ? `${h.conflicts.length} keys were given by more than one source; the loser of each is in conflicts.csv.` : 'No key was given by more than one source.');
  L.push('', ...mappingAndVintageSections(h));
  L.push('## Warnings', '');
  if (h.warnings.length === 0) L.push('No warnings.');
  else for (const w of h.warnings) L.push(`- ${w.rule}: ${w.message}`);
  L.push('');
  return L.join('\n');
}
