/**
 * Vega-Lite chart specifications of the divide metrics, and their rendering to SVG in Node
 * (vega-lite compile → vega View with renderer 'none' → toSVG). The spec builders are exported so
 * that the report stage can reuse them on the same tables.
 * @module
 */
import { vegaLiteSpec, vegaLiteToSvg, type VegaLiteSpec } from '../util/vega-lite.js';
import type { GapRow } from './gaps.js';
import type { DispersionRow } from './dispersion.js';
import type { RankRow } from './composite/index-score.js';

/** Gap chart of one area: the absolute gap of each comparison (U−R, F−M, Q5−Q1) over time. */
export function gapChartSpec(rows: readonly GapRow[], area: string): VegaLiteSpec {
  const values = rows
    .filter((r) => r.ref_area === area && r.status === 'ok')
    .map((r) => ({ year: r.time_period, gap: r.abs_gap, comparison: `${r.indicator} ${r.comparison}` }));
  return vegaLiteSpec({
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: `${area}: within-country gaps`,
    width: 420,
    height: 240,
    data: { values },
    layer: [
      { mark: { type: 'rule', color: '#999' }, encoding: { y: { datum: 0 } } },
      {
        mark: { type: 'line', point: true },
        encoding: {
          x: { field: 'year', type: 'quantitative', axis: { format: 'd', title: 'year' } },
          y: { field: 'gap', type: 'quantitative', title: 'gap (group a − group b, indicator unit)' },
          color: { field: 'comparison', type: 'nominal', legend: { labelLimit: 300 } },
        },
      },
    ],
  });
}

/**
 * ASEAN dispersion over time: Gini and CV, unweighted and population-weighted. Lines join only the
 * years of the balanced panel (every area observed; a gap in the panel breaks the line); years with
 * missing areas are drawn apart as hollow marks labelled with the number of areas, since dispersion
 * over another set of countries is not comparable.
 */
export function dispersionChartSpec(rows: readonly DispersionRow[]): VegaLiteSpec {
  let run = 0;
  const values = rows.flatMap((r, k) => {
    if (
      r.coverage !== 'complete' ||
      (k > 0 && rows[k - 1]!.coverage !== 'complete') ||
      (k > 0 && rows[k - 1]!.time_period !== r.time_period - 1)
    )
      run++;
    const panel = r.coverage === 'complete' ? `balanced panel (${r.n_areas} areas)` : `incomplete: ${r.n_areas} of ${r.n_expected} areas`;
    return (
      [
        ['Gini', r.gini],
        ['CV', r.cv],
        ['Gini (population-weighted)', r.gini_pw],
        ['CV (population-weighted)', r.cv_pw],
      ] as const
    )
      .filter(([, v]) => v !== null)
      .map(([measure, v]) => ({
        year: r.time_period,
        value: v,
        measure,
        panel,
        segment: `${measure} ${run}`,
        complete: r.coverage === 'complete',
      }));
  });
  const x = { field: 'year', type: 'quantitative' as const, axis: { format: 'd' } };
  const y = { field: 'value', type: 'quantitative' as const, title: 'dispersion (Gini, CV: unitless)' };
  const color = { field: 'measure', type: 'nominal' as const, legend: { labelLimit: 300 } };
  return vegaLiteSpec({
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: `${rows[0]?.indicator ?? ''}: dispersion across ASEAN Member States (lines: balanced panel)`,
    width: 480,
    height: 260,
    data: { values },
    layer: [
      {
        transform: [{ filter: 'datum.complete' }],
        mark: { type: 'line', point: true },
        encoding: { x, y, color, detail: { field: 'segment', type: 'nominal' } },
      },
      {
        transform: [{ filter: '!datum.complete' }],
        mark: { type: 'point', filled: false, size: 60 },
        encoding: {
          x,
          y,
          color,
          shape: { field: 'panel', type: 'nominal', title: 'years with missing areas', legend: { labelLimit: 300 } },
        },
      },
    ],
  });
}

/** Index ranking with Monte Carlo rank intervals (5th–95th percentile), median and nominal ranks. */
export function indexRankChartSpec(rows: readonly RankRow[]): VegaLiteSpec {
  const values = rows.map((r) => ({ area: r.ref_area, p05: r.p05_rank, p95: r.p95_rank, median: r.median_rank, nominal: r.nominal_rank }));
  const order = rows.map((r) => r.ref_area);
  const y = { field: 'area', type: 'nominal' as const, sort: order, title: null };
  return vegaLiteSpec({
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: `${rows[0]?.index_id ?? ''} ${rows[0]?.time_period ?? ''}: rank with 5th–95th percentile interval (${rows[0]?.draws ?? 0} draws)`,
    width: 420,
    height: { step: 22 },
    data: { values },
    layer: [
      {
        mark: { type: 'rule', strokeWidth: 2 },
        encoding: { y, x: { field: 'p05', type: 'quantitative', title: 'rank (1 = best)', scale: { zero: false } }, x2: { field: 'p95' } },
      },
      { mark: { type: 'point', filled: true, size: 60 }, encoding: { y, x: { field: 'median', type: 'quantitative' } } },
      { mark: { type: 'tick', color: 'firebrick', thickness: 2 }, encoding: { y, x: { field: 'nominal', type: 'quantitative' } } },
    ],
  });
}

/** Renders a Vega-Lite spec to SVG text in Node (no canvas, no browser). */
export function renderVegaLiteSvg(spec: VegaLiteSpec): Promise<string> {
  return vegaLiteToSvg(spec);
}
