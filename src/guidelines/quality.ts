import { SchemaError } from '../errors.js';
import { loadCatalogue } from './catalogue.js';
import { hasCodeInList } from './codelists.js';
import type { MissingMarker, QualityRule, QualityRules } from './generated/quality-rules.js';
import { displayPath, guidelinePath } from './paths.js';
import { readValidatedJson } from './validate.js';

export type { MissingMarker, QualityRule, QualityRules, SourceRank, UnitConversion } from './generated/quality-rules.js';

let cached: QualityRules | undefined;
let markers: Map<string, MissingMarker> | undefined;

/**
 * Checks what the schema cannot: unique rule ids, markers and ranks; OBS_STATUS codes in
 * CL_OBS_STATUS; `appliesTo` naming catalogue codes, `kind:<kind>` or `*`; weights that are
 * catalogue codes.
 * @throws SchemaError listing every issue with its JSON path
 */
export function checkQualityRules(q: QualityRules, shown: string): void {
  const issues: { jsonPath: string; message: string }[] = [];
  const cat = loadCatalogue();
  const codes = new Set(cat.indicators.map((i) => i.code));
  const kinds = new Set(cat.indicators.map((i) => `kind:${i.kind}`));
  const ids = new Set<string>();
  q.rules.forEach((r, i) => {
    if (ids.has(r.id)) issues.push({ jsonPath: `/rules/${i}/id`, message: `duplicate rule ${r.id}` });
    ids.add(r.id);
    r.appliesTo.forEach((a, j) => {
      if (a !== '*' && !codes.has(a) && !kinds.has(a))
        issues.push({ jsonPath: `/rules/${i}/appliesTo/${j}`, message: `"${a}" is not an indicator code, kind:<kind> or *` });
    });
    for (const [k, w] of Object.entries(r.weights ?? {})) {
      if (!codes.has(w)) issues.push({ jsonPath: `/rules/${i}/weights/${k}`, message: `"${w}" is not an indicator code` });
    }
  });
  const seen = new Set<string>();
  q.missingMarkers.forEach((m, i) => {
    if (seen.has(m.marker)) issues.push({ jsonPath: `/missingMarkers/${i}/marker`, message: `duplicate marker "${m.marker}"` });
    seen.add(m.marker);
    if (!hasCodeInList('CL_OBS_STATUS', m.obsStatus))
      issues.push({ jsonPath: `/missingMarkers/${i}/obsStatus`, message: `"${m.obsStatus}" is not a CL_OBS_STATUS code` });
  });
  const pairs = new Set<string>();
  q.unitConversions.forEach((c, i) => {
    for (const k of ['from', 'to'] as const) {
      if (!hasCodeInList('CL_UNIT_MEASURE', c[k]))
        issues.push({ jsonPath: `/unitConversions/${i}/${k}`, message: `"${c[k]}" is not a CL_UNIT_MEASURE code` });
    }
    if (pairs.has(`${c.from}>${c.to}`))
      issues.push({ jsonPath: `/unitConversions/${i}`, message: `a second conversion from ${c.from} to ${c.to}` });
    pairs.add(`${c.from}>${c.to}`);
    if (c.operation === 'scale' && c.factor === undefined)
      issues.push({ jsonPath: `/unitConversions/${i}/factor`, message: 'is required for a scale conversion' });
  });
  const ranks = new Set<number>();
  q.sourcePriority.forEach((s, i) => {
    if (ranks.has(s.rank)) issues.push({ jsonPath: `/sourcePriority/${i}/rank`, message: `duplicate rank ${s.rank}` });
    ranks.add(s.rank);
  });
  if (issues.length) {
    throw new SchemaError(
      `${shown}: ${issues[0].jsonPath} ${issues[0].message}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''}`,
      { file: shown, jsonPath: issues[0].jsonPath },
      issues,
    );
  }
}

/** Loads `guidelines/quality/rules.json` (validated and cross-checked on first use, then cached). */
export function loadQualityRules(): QualityRules {
  if (cached) return cached;
  const file = guidelinePath('quality', 'rules.json');
  const shown = displayPath(file);
  const q = readValidatedJson<QualityRules>('quality-rules', file, shown);
  checkQualityRules(q, shown);
  cached = q;
  markers = new Map(q.missingMarkers.map((m) => [m.marker, m]));
  return q;
}

/** The rule with id `id` (e.g. `QR_RANGE`), or `undefined`. */
export function getQualityRule(id: string): QualityRule | undefined {
  return loadQualityRules().rules.find((r) => r.id === id);
}

/**
 * The missing-value marker a cell's text stands for (compared after trimming), or `undefined`
 * when the text is not a listed marker. The empty cell is a marker (OBS_STATUS O).
 */
export function missingMarker(text: string): MissingMarker | undefined {
  loadQualityRules();
  return markers!.get(text.trim());
}

/** Rank of a source class in the priority list (1 is best), or `undefined` when not listed. */
export function sourcePriorityRank(source: string): number | undefined {
  return loadQualityRules().sourcePriority.find((s) => s.source === source)?.rank;
}

/** Forgets the cached rules. */
export function clearQualityRulesCache(): void {
  cached = undefined;
  markers = undefined;
}
