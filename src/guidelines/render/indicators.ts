import { loadCatalogue } from '../catalogue.js';
import { codeListMap } from '../codelists.js';
import type { Indicator } from '../generated/catalogue.js';
import { BANNER, bullets, code, doc, num, table } from './markdown.js';

function unitName(id: string): string {
  return codeListMap('CL_UNIT_MEASURE').get(id)?.name ?? id;
}

function rangeText(ind: Indicator): string {
  return ind.range.max === null ? `≥ ${num(ind.range.min)} (no upper bound)` : `${num(ind.range.min)} to ${num(ind.range.max)}`;
}

function seriesText(ind: Indicator): string {
  const s = ind.series;
  const parts: string[] = [];
  if (s.itu) parts.push(`ITU ${s.itu}`);
  if (s.wdi) parts.push(`WDI ${s.wdi}`);
  if (s.sdg) parts.push(`SDG ${s.sdg}${s.sdgSeries ? ` (${s.sdgSeries})` : ''}`);
  else if (s.sdgSeries) parts.push(`SDG series ${s.sdgSeries}`);
  return parts.join('; ');
}

function section(ind: Indicator, dimNames: ReadonlyMap<string, string>): string {
  const agg = ind.aggregation
    ? ind.aggregation.method === 'weighted_mean'
      ? `weighted mean of the members, weights ${ind.aggregation.weight}`
      : ind.aggregation.method === 'sum'
        ? 'sum of the members'
        : 'not aggregated across areas'
    : 'not stated';
  const rows: [string, string][] = [
    ['Kind', ind.kind],
    ['Canonical unit', `${ind.unit} (${unitName(ind.unit)})${ind.unitMult ? `, UNIT_MULT ${ind.unitMult}` : ''}`],
    ['Denominator', ind.denominator],
    ['Scope', `${ind.scope.unit}: ${ind.scope.description}${ind.scope.age ? ` (AGE ${ind.scope.age})` : ''}`],
    ['Breakdowns', ind.breakdowns.length ? ind.breakdowns.map((b) => `${b} (${dimNames.get(b) ?? b})`).join(', ') : 'none'],
    ['Valid range', rangeText(ind)],
    ['ASEAN aggregate', agg],
    ['Reference', `${ind.reference.document}, indicator ${ind.reference.indicator}${ind.reference.url ? ` (${ind.reference.url})` : ''}`],
    ['Also published as', seriesText(ind) || 'no other series code recorded'],
    ['Decimals published', ind.decimals === undefined ? '' : String(ind.decimals)],
    ['Verified against the reference', ind.verified ? 'yes' : 'no (to be checked)'],
  ];
  const history = ind.unitHistory?.length
    ? `Unit history:\n\n${bullets(ind.unitHistory.map((u) => `${u.unit} until ${u.until}: ${u.note}`))}`
    : undefined;
  return doc([
    `<a id="${ind.code}"></a>\n\n### ${ind.code} — ${ind.name}`,
    ind.definition,
    table(['Field', 'Value'], rows),
    history,
    ind.notes ? `Notes: ${ind.notes}` : undefined,
  ]).trimEnd();
}

/** Chapter 2: the indicator catalogue as a summary table and one section per indicator. */
export function renderIndicators(): string {
  const cat = loadCatalogue();
  const dimNames = new Map(cat.dimensions.map((d) => [d.id, d.name]));
  return doc([
    BANNER,
    '# 2. Indicators',
    `The catalogue (${code('guidelines/catalogue/indicators.json')}, version ${cat.version}) has ${cat.indicators.length} indicators. One concept has one code: the codes under which ITU, the World Bank (WDI) and the SDG database publish the same concept are recorded with it, so that a file using any of them is harmonised to the same indicator.`,
    '## Summary',
    table(
      ['Code', 'Name', 'Kind', 'Unit', 'Scope', 'Breakdowns', 'Also published as'],
      cat.indicators.map((i) => [`[${i.code}](#${i.code})`, i.name, i.kind, i.unit, i.scope.unit, i.breakdowns.join(', '), seriesText(i)]),
    ),
    '## Breakdown dimensions',
    table(
      ['Dimension', 'Name', 'Code list'],
      cat.dimensions.map((d) => [d.id, d.name, `[${d.codelist}](03-code-lists.md#${d.codelist})`]),
    ),
    '## Indicators one by one',
    ...cat.indicators.map((i) => section(i, dimNames)),
  ]);
}
