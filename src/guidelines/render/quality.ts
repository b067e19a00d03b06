import { loadCatalogue } from '../catalogue.js';
import { loadQualityRules } from '../quality.js';
import { BANNER, code, doc, num, table } from './markdown.js';

/** Chapter 5: quality rules, valid ranges, missing-value markers and source priority. */
export function renderQuality(): string {
  const q = loadQualityRules();
  const cat = loadCatalogue();
  return doc([
    BANNER,
    '# 5. Quality rules',
    `Every observation is checked against these rules (${code('guidelines/quality/rules.json')}, version ${q.version}). A rule of severity *reject* sends the row to the rejects file with the rule id as its reason; a rule of severity *warn* keeps the row and records the warning. Every input row ends either in the output or in the rejects file.`,
    '## Rules',
    table(
      ['Id', 'Rule', 'Severity', 'Applies to', 'Check', 'Tolerance'],
      q.rules.map((r) => [
        r.id,
        r.title,
        r.severity,
        r.appliesTo.join(', '),
        r.formula,
        r.tolerance === undefined ? '' : `${num(r.tolerance)} ${r.toleranceUnit ?? ''}`.trim(),
      ]),
    ),
    ...q.rules.map((r) =>
      doc([
        `### ${r.id} — ${r.title}`,
        r.description,
        r.weights
          ? `Weights: ${Object.keys(r.weights)
              .sort()
              .map((k) => `${k} → ${r.weights![k]}`)
              .join(', ')}.`
          : undefined,
      ]).trimEnd(),
    ),
    '## Valid ranges',
    'Values are checked in the canonical unit, after conversion.',
    table(
      ['Indicator', 'Unit', 'Minimum', 'Maximum', 'Note'],
      cat.indicators.map((i) => [i.code, i.unit, num(i.range.min), i.range.max === null ? 'none' : num(i.range.max), i.range.note]),
    ),
    '## Unit conversions',
    `Values are first multiplied by 10^UNIT_MULT. A value already in the indicator\u2019s canonical unit, or in a unit its history lists (the publisher changed the unit, not the content), is kept as it is. Otherwise only these conversions are allowed; any other unit is rejected.`,
    table(
      ['From', 'To', 'Operation', 'Note'],
      q.unitConversions.map((c) => [
        c.from,
        c.to,
        c.operation === 'scale' ? `× ${num(c.factor)}` : c.operation === 'per_100_population' ? '÷ POP × 100' : '÷ EXR',
        c.note,
      ]),
    ),
    '## Missing-value markers',
    'A cell holding one of these markers (after trimming spaces) becomes an empty value with the OBS_STATUS shown. Any other text in a value cell is an error, never a zero.',
    table(
      ['Marker', 'OBS_STATUS', 'Meaning', 'Seen in'],
      q.missingMarkers.map((m) => [m.marker === '' ? '(empty cell)' : code(m.marker), m.obsStatus, m.meaning, m.seenIn]),
    ),
    '## Duplicates and source priority',
    'Observations are keyed by indicator, area, period, breakdowns and source. When several sources give the same observation, the best-ranked source is published and the others are kept with their release. Within one source, the latest release wins.',
    table(
      ['Rank', 'Source class', 'Description'],
      q.sourcePriority
        .slice()
        .sort((a, b) => a.rank - b.rank)
        .map((s) => [s.rank, s.source, s.description]),
    ),
  ]);
}
