/**
 * The readiness assessment as tables (CSV) and as a chapter of the guideline (Markdown).
 * @module
 */
import { formatCsv } from '../../util/csv.js';
import { loadCatalogue } from '../catalogue.js';
import { aseanMembership } from '../membership.js';
import { BANNER, bullets, doc, num, table } from '../render/markdown.js';
import type { Readiness } from './run.js';
import { READINESS_TABLES } from './tables.js';

const csvOf =
  (file: string) =>
  (r: Readiness): string => {
    const t = READINESS_TABLES.find((x) => x.file === file)!;
    return formatCsv(
      t.columns.map((c) => c[0]),
      t.rows(r),
    );
  };

/** readiness-matrix.csv. */
export const matrixCsv: (r: Readiness) => string = csvOf('readiness-matrix.csv');
/** readiness-blocks.csv. */
export const blocksCsv: (r: Readiness) => string = csvOf('readiness-blocks.csv');
/** readiness-gaps.csv. */
export const gapsCsv: (r: Readiness) => string = csvOf('readiness-gaps.csv');

/** Counts the closing note quotes: cells covered and blocks on own data, per area and overall. */
export function readinessCounts(r: Readiness) {
  const totals = r.matrix.filter((c) => c.breakdown === '_T');
  const breakdowns = r.matrix.filter((c) => c.breakdown !== '_T');
  const per = r.areas.map((area) => ({
    area,
    indicators: totals.filter((c) => c.area === area && c.status === 'available').length,
    breakdowns: breakdowns.filter((c) => c.area === area && c.status === 'available').length,
    ownBlocks: r.blocks.filter((b) => b.area === area && b.status === 'own data').map((b) => b.block),
    partlyOwnBlocks: r.blocks.filter((b) => b.area === area && b.status === 'partly own data').map((b) => b.block),
  }));
  return {
    indicatorCells: totals.length,
    indicatorCellsCovered: totals.filter((c) => c.status === 'available').length,
    breakdownCells: breakdowns.length,
    breakdownCellsCovered: breakdowns.filter((c) => c.status === 'available').length,
    per,
  };
}

/** The readiness chapter (Markdown). */
export function readinessMarkdown(r: Readiness): string {
  const k = readinessCounts(r);
  const cat = loadCatalogue().indicators;
  const withData = cat.filter((i) => r.matrix.some((c) => c.indicator === i.code && c.breakdown === '_T' && c.status === 'available'));
  const none = cat.filter((i) => !withData.includes(i));
  const cell = (area: string, ind: string) => {
    const c = r.matrix.find((x) => x.area === area && x.indicator === ind && x.breakdown === '_T')!;
    return c.status === 'available' ? `${c.latestYear} (${Math.round(c.coverage * 10)}/10)` : '—';
  };
  const since = new Map(aseanMembership().map((s) => [s.member, s.from]));
  const ranked = new Map<
    string,
    { block: string; what: string; swing: number; rank: number; areas: string[]; source: string; cells: string }
  >();
  for (const g of r.gaps.filter((x) => x.rank !== null)) {
    const key = `${g.block}|${g.what}`;
    if (!ranked.has(key))
      ranked.set(key, {
        block: g.block,
        what: g.what,
        swing: g.gdpSwing!,
        rank: g.rank!,
        areas: [],
        source: g.recommendedSource.split(' — ')[0]!,
        cells: g.cells,
      });
    ranked.get(key)!.areas.push(g.area);
  }
  const unranked = new Map<string, { block: string; what: string; areas: string[]; why: string }>();
  for (const g of r.gaps.filter((x) => x.rank === null)) {
    const key = `${g.block}|${g.what}`;
    if (!unranked.has(key)) unranked.set(key, { block: g.block, what: g.what, areas: [], why: g.sensitivitySource });
    unranked.get(key)!.areas.push(`${g.area}${g.status === 'missing' ? ' (missing)' : ''}`);
  }
  return doc([
    BANNER.replace('`digicge guidelines build` from guidelines/', `\`digicge guidelines readiness\` from ${r.inputLabel}`),
    '# Readiness assessment of the Member States',
    `What the harmonised data (${r.inputLabel}, ${r.observationCount} observations; reference year ${r.referenceYear}) let each Member State feed into the CGE database, and what it would take to close the gaps. Only observed values count (projections and missing values do not). Coverage is the number of years with a value among the ten years to the reference year. The matrix of every Member State × indicator × breakdown is in readiness-matrix.csv (and the workbook sheet "Readiness").`,
    '## Coverage',
    bullets([
      `Indicator × Member State cells (totals) with data: **${k.indicatorCellsCovered} of ${k.indicatorCells}** (${r.areas.length} Member States × ${cat.length} indicators).`,
      `Breakdown cells (indicator × breakdown × Member State) with data: **${k.breakdownCellsCovered} of ${k.breakdownCells}**.`,
      `Indicators with data for at least one Member State: ${withData.map((i) => i.code).join(', ') || 'none'}.`,
      `Indicators with no data in this file for any Member State (${none.length}): ${none.map((i) => i.code).join(', ')}.`,
    ]),
    table(
      [
        'Member State',
        'Member since',
        'Indicators with data',
        'Breakdown cells with data',
        'Blocks on own data',
        'Blocks partly on own data',
      ],
      k.per.map((p) => [
        p.area,
        since.get(p.area) ?? '',
        `${p.indicators} / ${cat.length}`,
        p.breakdowns,
        p.ownBlocks.join(', ') || '—',
        p.partlyOwnBlocks.join(', ') || '—',
      ]),
    ),
    '## Latest year (and coverage) of the indicators with data',
    table(
      ['Indicator', ...r.areas],
      withData.map((i) => [i.code, ...r.areas.map((a) => cell(a, i.code))]),
    ),
    '## The blocks of the CGE database by Member State',
    `Own data: every basis of the block is the country's own figures; partly: some are; assumptions: none are; no database: the ${r.baseYear} build has no national SAM for the country (or cannot form its household groups). Bases and their kinds: chapter "Data requirements by SAM block" and datasets/sam/asean/provenance.json.`,
    table(
      ['Block', ...r.areas],
      r.blockIds.map((b) => [b, ...r.areas.map((a) => r.blocks.find((x) => x.area === a && x.block === b)!.status)]),
    ),
    bullets([...new Map(r.blocks.filter((b) => b.note).map((b) => [b.area, `${b.area}: ${b.note}`])).values()]),
    '## Gaps ranked by how much they move the simulation results',
    r.sensitivity
      ? `Ranked by the swing of the real-GDP effect of scenario ${r.sensitivity.scenario} on the ${r.sensitivity.area} database when the assumption is moved by ±${100 * r.sensitivity.step} % (${r.sensitivity.method}); source: ${r.sensitivityFile}. The swing is computed on the default database only and applied to every country that rests on the same assumption. The elasticities are not data gaps: their uncertainty is the systematic sensitivity analysis of \`digicge simulate --ssa\`.`
      : 'No sensitivity file was found: the gaps are listed unranked.',
    table(
      [
        'Rank',
        'Block',
        'Gap (what the database assumes)',
        'Swing of the GDP effect',
        'Indicator cells',
        'Member States',
        'Recommended national source',
      ],
      [...ranked.values()].map((g) => [g.rank, g.block, g.what, num(Number(g.swing.toPrecision(3))), g.cells, g.areas.join(' '), g.source]),
    ),
    '### Gaps not ranked',
    table(
      ['Block', 'Gap', 'Member States', 'Why not ranked'],
      [...unranked.values()].map((g) => [g.block, g.what, g.areas.join(' '), g.why]),
    ),
    'The national producer to approach for each gap, by Member State, is in readiness-gaps.csv (column recommended_source).',
  ]);
}
