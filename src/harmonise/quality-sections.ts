import { roundTripNumber } from '../util/number-text.js';
import type { Harmoniser } from './engine.js';
import { classifyConflicts, type Difference } from './revisions.js';
import type { ConflictRecord } from './types.js';
import { periodRanges } from './vintages.js';

/** `|` and line ends would break a Markdown table cell. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function keyText(k: ConflictRecord['key']): string {
  const b = Object.entries(k).filter(([d, c]) => d !== 'REF_AREA' && d !== 'INDICATOR' && d !== 'TIME_PERIOD' && c !== '_T');
  return `${k.REF_AREA} ${k.INDICATOR} ${k.TIME_PERIOD}${b.length ? ` (${b.map(([d, c]) => `${d}=${c}`).join(',')})` : ''}`;
}

/** Class, priority, dataset, release and retrieval date of each source. */
export function sourceDetailsSection(h: Harmoniser): string[] {
  const L = [
    '## Source classes, priorities and vintages',
    '',
    '| source | class | priority | dataset | release | retrieved |',
    '|---|---|---:|---|---|---|',
  ];
  for (const s of h.sources)
    L.push(
      `| ${cell(s.id)} | ${s.sourceClass || '—'} | ${s.priority} | ${cell(s.dataset)} | ${s.releaseDate} | ${s.retrievalDate || '—'} |`,
    );
  return L;
}

/** Columns of each source that no part of its mapping reads, with what they hold. */
export function unmappedSection(h: Harmoniser): string[] {
  const L = ['## Columns not mapped', ''];
  const rows = h.counts.flatMap((c) => (c.unmapped ?? []).map((u) => ({ src: c.sourceId, u })));
  if (rows.length === 0) return [...L, 'Every column of every source is read by its mapping.'];
  const filled = rows.filter((r) => r.u.cells > 0);
  L.push(
    `${rows.length} column(s) are read by no part of their mapping (${filled.length} of them hold values, ${filled.filter((r) => r.u.numeric > 0).length} hold numbers): their cells are not data cells of this run.`,
    '',
  );
  L.push('| source | column | position | non-empty cells | numeric cells |', '|---|---|---:|---:|---:|');
  for (const { src, u } of rows)
    L.push(`| ${cell(src)} | ${u.column === '' ? '(no header)' : cell(u.column)} | ${u.position} | ${u.cells} | ${u.numeric} |`);
  return L;
}

/** Cell markers of the mappings and how many cells each matched. */
export function markerSection(h: Harmoniser): string[] {
  if (h.markerHits.length === 0) return [];
  const L = ['## Cell markers', '', '| source | area | columns | status | note | cells matched |', '|---|---|---|---|---|---:|'];
  for (const { src, mapping, hits } of h.markerHits) {
    (mapping.cellMarkers ?? []).forEach((m, i) => {
      L.push(
        `| ${cell(h.sources[src].id)} | ${cell(m.area)} | ${m.columns ? cell(m.columns.join(', ')) : 'all value columns'} | ${m.status} | ${cell(m.note)} | ${hits[i]}${hits[i] === 0 ? ' (matched no cell: check the marker)' : ''} |`,
      );
    });
  }
  return L;
}

/** Conflicts told apart (identical, rounding, revision, discrepancy) and every real revision with both vintages. */
export function revisionSection(h: Harmoniser): string[] {
  const L = ['## Revisions between vintages', ''];
  const all = classifyConflicts(h.conflicts, h.sources);
  if (all.length === 0) return [...L, 'No key was given by two sources.'];
  const n = (d: Difference): number => all.filter((c) => c.difference === d).length;
  L.push(
    `Of ${all.length} keys given by two sources: ${n('IDENTICAL')} identical, ${n('ROUNDING')} within rounding (the catalogue's revisionTolerance), ${n('REVISION')} revised between releases of one dataset, ${n('DISCREPANCY')} different between datasets (column DIFFERENCE of conflicts.csv).`,
    '',
  );
  const revisions = all.filter((c) => c.difference === 'REVISION');
  if (revisions.length === 0) return [...L, 'No real revision.'];
  L.push('| key | dataset | kept: release | kept: value | other: release | other: value | change |', '|---|---|---|---:|---|---:|---:|');
  for (const { conflict: c, dataset } of revisions) {
    // the difference of two decimals carries binary noise (53.7 − 36.9 = 16.800000000000004): 12 significant digits
    const change =
      Number.isNaN(c.keptValue) || Number.isNaN(c.droppedValue)
        ? 'value ↔ missing'
        : roundTripNumber(Number((c.keptValue - c.droppedValue).toPrecision(12)));
    L.push(
      `| ${keyText(c.key)} | ${cell(dataset)} | ${c.keptRelease} (${cell(c.keptSource)}) | ${roundTripNumber(c.keptValue)} | ${c.droppedRelease} (${cell(c.droppedSource)}) | ${roundTripNumber(c.droppedValue)} | ${change} |`,
    );
  }
  return L;
}

/** Series whose periods come from different releases of one dataset. */
export function spliceSection(h: Harmoniser): string[] {
  const L = ['## Series that splice vintages', ''];
  if (h.splices.length === 0) return [...L, 'No series takes periods from two releases of one dataset.'];
  L.push(
    `${h.splices.length} series take periods from different releases of one dataset; their observations carry OBS_FLAG VINTAGE_SPLICE.`,
    '',
  );
  L.push('| series | dataset | periods by release |', '|---|---|---|');
  for (const sp of h.splices)
    L.push(
      `| ${cell(sp.series)} | ${cell(sp.dataset)} | ${sp.parts.map((p) => `${periodRanges(p.periods)}: ${p.release} (${cell(p.source)})`).join('; ')} |`,
    );
  return L;
}

/** The sections of quality.md on sources, mappings and vintages, each followed by a blank line. */
export function mappingAndVintageSections(h: Harmoniser): string[] {
  return [sourceDetailsSection(h), unmappedSection(h), markerSection(h), revisionSection(h), spliceSection(h)]
    .filter((s) => s.length)
    .flatMap((s) => [...s, '']);
}
