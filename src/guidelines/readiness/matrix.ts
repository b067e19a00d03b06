/**
 * The readiness matrix: for every Member State × catalogue indicator × breakdown (the total and
 * each breakdown the catalogue declares for the indicator), what the harmonised data hold —
 * first and latest year, years with a value, coverage of the ten years to the reference year,
 * vintages, source classes and sources. Only observed values count: projections (OBS_STATUS F)
 * and missing values are left out.
 * @module
 */
import { aseanMembers } from '../area-resolver.js';
import { loadCatalogue } from '../catalogue.js';
import { READINESS_BREAKDOWNS, type ReadinessInput, type ReadinessObservation, sourceClass } from './load.js';

/** One cell of the matrix. */
export interface ReadinessCell {
  area: string;
  indicator: string;
  /** `_T` for the total, else the breakdown dimension (e.g. URBANISATION). */
  breakdown: string;
  status: 'available' | 'missing';
  firstYear: number | null;
  latestYear: number | null;
  /** Distinct years with an observed value. */
  years: number;
  /** Years with a value among the ten years to the reference year, over ten. */
  coverage: number;
  /** Distinct SOURCE_ID@RELEASE_DATE among the cell's values, superseded vintages included. */
  vintages: number;
  sourceClasses: string[];
  sources: string[];
}

const TOTALS = new Set(['_T', '_Z']);

/** Whether an observation belongs to the cell of `breakdown` (`_T`: every breakdown at its total). */
export function inCell(o: ReadinessObservation, breakdown: string): boolean {
  if (breakdown === '_T') return READINESS_BREAKDOWNS.every((d) => TOTALS.has(o.breakdowns[d] ?? '_T'));
  return !TOTALS.has(o.breakdowns[breakdown] ?? '_T');
}

/** An observed value: not missing, not a projection. */
export function observed(o: ReadinessObservation): boolean {
  return o.OBS_VALUE !== null && Number.isFinite(o.OBS_VALUE) && o.OBS_STATUS !== 'F';
}

const yearOf = (o: ReadinessObservation) => Number(o.TIME_PERIOD.slice(0, 4));

/** The reference year: the latest year with an observed value in the data. */
export function referenceYear(input: ReadinessInput): number {
  let y = -Infinity;
  for (const o of input.observations) if (observed(o)) y = Math.max(y, yearOf(o));
  return Number.isFinite(y) ? y : new Date().getUTCFullYear();
}

/** Computes the matrix (areas in code order, indicators in catalogue order, total first). */
export function readinessMatrix(input: ReadinessInput, options: { areas?: readonly string[]; year?: number } = {}): ReadinessCell[] {
  const areas = [...(options.areas ?? aseanMembers())].sort();
  const ref = options.year ?? referenceYear(input);
  const group = (rows: readonly ReadinessObservation[]) => {
    const m = new Map<string, ReadinessObservation[]>();
    for (const o of rows) {
      if (!observed(o)) continue;
      const k = `${o.REF_AREA}|${o.INDICATOR}`;
      if (!m.has(k)) m.set(k, []);
      m.get(k)!.push(o);
    }
    return m;
  };
  const obs = group(input.observations);
  const vin = group(input.vintages);
  const cells: ReadinessCell[] = [];
  for (const area of areas) {
    for (const ind of loadCatalogue().indicators) {
      for (const breakdown of ['_T', ...(ind.breakdowns ?? [])]) {
        const k = `${area}|${ind.code}`;
        const rows = (obs.get(k) ?? []).filter((o) => inCell(o, breakdown));
        const years = [...new Set(rows.map(yearOf))].sort((a, b) => a - b);
        const vintages = new Set((vin.get(k) ?? []).filter((o) => inCell(o, breakdown)).map((o) => `${o.SOURCE_ID}@${o.RELEASE_DATE}`));
        cells.push({
          area,
          indicator: ind.code,
          breakdown,
          status: years.length ? 'available' : 'missing',
          firstYear: years[0] ?? null,
          latestYear: years.at(-1) ?? null,
          years: years.length,
          coverage: years.filter((y) => y > ref - 10 && y <= ref).length / 10,
          vintages: vintages.size,
          sourceClasses: [...new Set(rows.map((o) => sourceClass(o)))].sort(),
          sources: [...new Set(rows.map((o) => o.SOURCE_ID))].sort(),
        });
      }
    }
  }
  return cells;
}
