/**
 * Between-country dispersion of an indicator by year: mean, SD, coefficient of variation, Gini and
 * Theil T, each unweighted (countries count equally) and population-weighted (people count
 * equally), over the country-level totals of one indicator. With subnational observations for a
 * year, the Theil T over those areas is split into within-country and between-country parts.
 *
 * Coverage is explicit: `n_areas` and `areas_missing` name the expected areas (every country with
 * the indicator in any year, or the list given) without a value that year. By default an ASEAN
 * Member State is expected, and counted, only in the years it is a member (membership in force on
 * the last day of the year, CL_AREA: ten up to 2024, eleven with Timor-Leste from 2025); a
 * State's observations of other years are left out and the note says so. Population weights come
 * from `POP` of the same year; when a year has none, the latest earlier population of that area is
 * used and `weight_periods` says which year (option `weights: 'same-year'` leaves the weighted
 * measures empty instead).
 * @module
 */
import { gini } from './gini.js';
import { theilDecomposition, theilT } from './theil.js';
import { weightedMoments } from './moments.js';
import { sortedKeys, totalsByAreaYear } from './select.js';
import { mergeProvenance, provenanceOf } from './provenance.js';
import { inForceOrNotMember } from '../guidelines/membership.js';
import { asRecords, countryOfArea, type HarmonisedObservation, type ObservationsInput } from './observations.js';

/** Options of {@link computeDispersion}. */
export interface DispersionOptions {
  /** First year (default: the first observed). */
  from?: number;
  /** Last year (default: the last observed). */
  to?: number;
  /** Expected areas (default: every country with the indicator in any year, ASEAN Member States only in the years they are members). */
  areas?: readonly string[];
  /** Indicator of the population weights (default `POP`). */
  weightIndicator?: string;
  /** `latest-available` (default): carry the latest earlier population forward, saying so; `same-year`: only that year's. */
  weights?: 'latest-available' | 'same-year';
}

/** One row of dispersion.csv (one indicator, one year). */
export interface DispersionRow {
  indicator: string;
  time_period: number;
  n_areas: number;
  n_expected: number;
  /** Expected areas without a value this year (space-separated). */
  areas_missing: string;
  /** `complete` when every expected area has a value, else `incomplete`. */
  coverage: 'complete' | 'incomplete';
  min: number;
  max: number;
  range: number;
  mean: number;
  sd: number;
  cv: number;
  gini: number;
  theil: number | null;
  mean_pw: number | null;
  sd_pw: number | null;
  cv_pw: number | null;
  gini_pw: number | null;
  theil_pw: number | null;
  /** Population years used, e.g. `2016` or `2016 (carried forward)`; empty when unweighted only. */
  weight_periods: string;
  /** Theil T over subnational areas and its split (null when there are no subnational data). */
  theil_subnational: number | null;
  theil_within: number | null;
  theil_between: number | null;
  note: string;
  provenance: string[];
}

function weightFor(
  pop: Map<string, Map<number, HarmonisedObservation>>,
  area: string,
  year: number,
  policy: DispersionOptions['weights'],
): HarmonisedObservation | undefined {
  const m = pop.get(area);
  if (!m) return undefined;
  const same = m.get(year);
  if (same || policy === 'same-year') return same;
  let best: number | undefined;
  for (const y of m.keys()) if (y < year && (best === undefined || y > best)) best = y;
  return best === undefined ? undefined : m.get(best);
}

/**
 * Dispersion of `indicator` across countries for every year.
 * @param records harmonised observations
 * @param indicator indicator code, e.g. `HH7`
 */
export function computeDispersion(observations: ObservationsInput, indicator: string, options: DispersionOptions = {}): DispersionRow[] {
  const records = asRecords(observations);
  const data = totalsByAreaYear(records, indicator);
  const sub = totalsByAreaYear(records, indicator, true);
  const pop = totalsByAreaYear(records, options.weightIndicator ?? 'POP');
  const subPop = totalsByAreaYear(records, options.weightIndicator ?? 'POP', true);
  const candidates = [...(options.areas ?? sortedKeys(data))].sort();
  const years = new Set<number>();
  for (const m of data.values()) for (const y of m.keys()) years.add(y);
  const rows: DispersionRow[] = [];
  for (const year of [...years].sort((a, b) => a - b)) {
    if ((options.from !== undefined && year < options.from) || (options.to !== undefined && year > options.to)) continue;
    const expected = options.areas ? candidates : candidates.filter((a) => inForceOrNotMember(a, year));
    const present = expected.filter((a) => data.get(a)?.has(year));
    if (present.length < 2) continue;
    const obs = present.map((a) => data.get(a)!.get(year)!);
    const x = Float64Array.from(obs, (o) => o.value as number);
    const m = weightedMoments(x);
    const notes: string[] = [];
    const notMembers = candidates.filter((a) => !expected.includes(a) && data.get(a)?.has(year));
    if (notMembers.length) notes.push(`${notMembers.join(' ')} not an ASEAN Member State in ${year}: left out`);
    const row: DispersionRow = {
      indicator,
      time_period: year,
      n_areas: present.length,
      n_expected: expected.length,
      areas_missing: expected.filter((a) => !present.includes(a)).join(' '),
      coverage: present.length === expected.length ? 'complete' : 'incomplete',
      min: Math.min(...x),
      max: Math.max(...x),
      range: Math.max(...x) - Math.min(...x),
      mean: m.mean,
      sd: m.sd,
      cv: m.cv,
      gini: gini(x),
      theil: m.mean > 0 ? theilT(x) : null,
      mean_pw: null,
      sd_pw: null,
      cv_pw: null,
      gini_pw: null,
      theil_pw: null,
      weight_periods: '',
      theil_subnational: null,
      theil_within: null,
      theil_between: null,
      note: '',
      provenance: provenanceOf(obs),
    };
    const wobs = present.map((a) => weightFor(pop, a, year, options.weights));
    if (wobs.every((o) => o !== undefined)) {
      const w = Float64Array.from(wobs, (o) => o!.value as number);
      const mw = weightedMoments(x, w);
      Object.assign(row, {
        mean_pw: mw.mean,
        sd_pw: mw.sd,
        cv_pw: mw.cv,
        gini_pw: gini(x, w),
        theil_pw: mw.mean > 0 ? theilT(x, w) : null,
      });
      const wy = [...new Set(wobs.map((o) => Number(o!.TIME_PERIOD)))].sort((a, b) => a - b);
      row.weight_periods = wy.map((y) => (y === year ? `${y}` : `${y} (carried forward)`)).join(' ');
      row.provenance = mergeProvenance(row.provenance, provenanceOf(wobs as HarmonisedObservation[]));
    } else {
      const lacking = present.filter((_, i) => !wobs[i]);
      notes.push(`no population weight for ${lacking.join(' ')}: weighted measures left empty`);
    }
    const subAreas = sortedKeys(sub).filter(
      (a) => sub.get(a)!.has(year) && (options.areas !== undefined || inForceOrNotMember(countryOfArea(a), year)),
    );
    if (subAreas.length >= 2) {
      const sobs = subAreas.map((a) => sub.get(a)!.get(year)!);
      const sw = subAreas.map((a) => weightFor(subPop, a, year, options.weights));
      const xs = Float64Array.from(sobs, (o) => o.value as number);
      const weighted = sw.every((o) => o !== undefined);
      const d = theilDecomposition(
        xs,
        weighted ? Float64Array.from(sw, (o) => o!.value as number) : undefined,
        subAreas.map(countryOfArea),
      );
      row.theil_subnational = d.total;
      row.theil_within = d.within;
      row.theil_between = d.between;
      notes.push(
        `Theil split over ${subAreas.length} subnational areas, ${weighted ? 'population-weighted' : 'unweighted (subnational population missing)'}`,
      );
      row.provenance = mergeProvenance(row.provenance, provenanceOf(sobs), weighted ? provenanceOf(sw as HarmonisedObservation[]) : []);
    }
    row.note = notes.join('; ');
    rows.push(row);
  }
  return rows;
}

/**
 * The balanced panel of a dispersion table: the years in which every expected area has a value
 * (`coverage` complete), in order. Dispersion over a changing set of countries is not comparable
 * from year to year, so headlines and chart lines use these years only; the other years are shown
 * apart, labelled with the areas they lack.
 */
export function balancedPanel(rows: readonly DispersionRow[]): DispersionRow[] {
  return rows.filter((r) => r.coverage === 'complete');
}
