import { vegaLiteToSvg, type VegaLiteSpec } from '../util/vega-lite.js';

/**
 * Renders a Vega-Lite specification to SVG markup in Node (no browser, no network): the chart is
 * compiled to Vega and drawn by a headless view with `renderer: 'none'`. The same specification
 * gives the same SVG, so reports are reproducible.
 * @param spec a Vega-Lite specification with inline data (`data.values`)
 */
export function renderChartSvg(spec: VegaLiteSpec): Promise<string> {
  return vegaLiteToSvg(spec);
}
