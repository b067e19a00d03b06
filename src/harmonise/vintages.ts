import { getAreaResolver } from '../guidelines/index.js';
import type { SourceInfo } from './engine.js';
import type { ObservationStore } from './store.js';
import type { QualityWarning } from './types.js';

/** Flag codes of CL_OBS_FLAG. */
export const OBS_FLAG = { VINTAGE_SPLICE: 'VINTAGE_SPLICE', BOUNDARY_CHANGE: 'BOUNDARY_CHANGE' } as const;

/** A series whose periods come from different releases of one dataset. */
export interface Splice {
  /** Series key as a reviewer reads it: area, indicator and breakdowns. */
  series: string;
  dataset: string;
  /** Per release, in release order: the source, its release date and the periods it gives. */
  parts: { source: string; release: string; periods: string[] }[];
}

/** What {@link findSeriesFlags} found. */
export interface SeriesFlags {
  /** Observation index → flag codes (sorted). */
  flags: Map<number, string[]>;
  splices: Splice[];
  warnings: QualityWarning[];
}

function seriesLabel(s: ObservationStore, i: number): string {
  const b = s.codes(i);
  return `${s.areaOf(i)} ${s.indicatorOf(i)}${
    b.some((x) => x !== '_T')
      ? ` (${s.breakdowns
          .filter((_, k) => b[k] !== '_T')
          .map((d) => `${d}=${b[s.breakdowns.indexOf(d)]}`)
          .join(',')})`
      : ''
  }`;
}

/** Live observations grouped by series (every dimension but the period), in first-seen order. */
function liveSeries(s: ObservationStore): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (let i = 0; i < s.length; i++) {
    if (s.dropped[i]) continue;
    const k = s.seriesOf(i);
    const list = out.get(k);
    if (list) list.push(i);
    else out.set(k, [i]);
  }
  return out;
}

/** `2016–2018, 2020` from a sorted list of years. */
export function periodRanges(periods: readonly string[]): string {
  const sorted = [...periods].sort();
  const out: string[] = [];
  let start = sorted[0],
    prev = sorted[0];
  const flush = (): void => {
    out.push(start === prev ? start : `${start}–${prev}`);
  };
  for (const p of sorted.slice(1)) {
    if (/^\d{4}$/.test(p) && /^\d{4}$/.test(prev) && +p === +prev + 1) {
      prev = p;
      continue;
    }
    flush();
    start = prev = p;
  }
  if (sorted.length) flush();
  return out.join(', ');
}

function addFlag(flags: Map<number, string[]>, i: number, flag: string): void {
  const f = flags.get(i);
  if (!f) flags.set(i, [flag]);
  else if (!f.includes(flag)) {
    f.push(flag);
    f.sort();
  }
}

function findSplices(s: ObservationStore, sources: readonly SourceInfo[], series: Map<number, number[]>, out: SeriesFlags): void {
  for (const idx of series.values()) {
    const bySource = new Map<number, string[]>();
    for (const i of idx) {
      const p = bySource.get(s.source[i]);
      if (p) p.push(s.timeOf(i));
      else bySource.set(s.source[i], [s.timeOf(i)]);
    }
    if (bySource.size < 2) continue;
    const byDataset = new Map<string, number[]>();
    for (const src of bySource.keys()) {
      const d = sources[src].dataset;
      byDataset.set(d, [...(byDataset.get(d) ?? []), src]);
    }
    for (const [dataset, srcs] of byDataset) {
      if (new Set(srcs.map((x) => sources[x].releaseDate)).size < 2) continue;
      const parts = srcs
        .map((x) => ({ source: sources[x].id, release: sources[x].releaseDate, periods: [...bySource.get(x)!].sort() }))
        .sort((a, b) => (a.release < b.release ? -1 : a.release > b.release ? 1 : 0));
      const label = seriesLabel(s, idx[0]);
      out.splices.push({ series: label, dataset, parts });
      out.warnings.push({
        rule: 'QR_VINTAGE_SPLICE',
        message: `${label}: the series splices vintages of ${dataset}: ${parts.map((p) => `${periodRanges(p.periods)} from ${p.source} (${p.release})`).join('; ')}`,
      });
      for (const i of idx) if (srcs.includes(s.source[i])) addFlag(out.flags, i, OBS_FLAG.VINTAGE_SPLICE);
    }
  }
}

function findBoundaryCrossings(s: ObservationStore, series: Map<number, number[]>, out: SeriesFlags): void {
  const resolver = getAreaResolver();
  for (const idx of series.values()) {
    const changes = resolver.entry(s.areaOf(idx[0]))?.boundaryChanges ?? [];
    for (const ch of changes) {
      const year = +ch.year;
      const before = idx.filter((i) => +s.timeOf(i).slice(0, 4) < year);
      const after = idx.filter((i) => +s.timeOf(i).slice(0, 4) >= year);
      const label = seriesLabel(s, idx[0]);
      if (ch.kind === 'created' && before.length) {
        out.warnings.push({
          rule: 'QR_BOUNDARY_CHANGE',
          message: `${label}: ${periodRanges(before.map((i) => s.timeOf(i)))} is before ${s.areaOf(idx[0])} existed (${ch.year}: ${ch.note})`,
        });
        for (const i of before) addFlag(out.flags, i, OBS_FLAG.BOUNDARY_CHANGE);
      } else if (ch.kind !== 'created' && before.length && after.length) {
        const last = before
          .map((i) => s.timeOf(i))
          .sort()
          .pop()!;
        const first = after.map((i) => s.timeOf(i)).sort()[0];
        out.warnings.push({
          rule: 'QR_BOUNDARY_CHANGE',
          message: `${label}: the series runs across the ${ch.year} ${ch.kind} (${ch.note}): ${last} and ${first} are not the same territory${+first.slice(0, 4) - +last.slice(0, 4) > 1 ? `, and the gap ${last}–${first} crosses the change` : ''}`,
        });
        for (const i of after) addFlag(out.flags, i, OBS_FLAG.BOUNDARY_CHANGE);
      }
    }
  }
}

/**
 * Flags the series of a finished run a reviewer must look at (QR_VINTAGE_SPLICE,
 * QR_BOUNDARY_CHANGE): series whose periods come from different releases of one dataset, and
 * series of an area whose boundaries changed (CL_AREA `boundaryChanges`) with observations on both
 * sides of the change, or before the area existed.
 * @param s the run's store (live observations only are read)
 * @param sources the run's sources
 */
export function findSeriesFlags(s: ObservationStore, sources: readonly SourceInfo[]): SeriesFlags {
  const out: SeriesFlags = { flags: new Map(), splices: [], warnings: [] };
  const series = liveSeries(s);
  findSplices(s, sources, series, out);
  findBoundaryCrossings(s, series, out);
  return out;
}
