import type { TopLevelSpec } from 'vega-lite';
import { loadVega } from '../util/lazy-modules.js';

/**
 * Renders a Vega-Lite specification to SVG markup in Node (no browser, no network): the chart is
 * compiled to Vega and drawn by a headless view with `renderer: 'none'`. The same specification
 * gives the same SVG, so reports are reproducible.
 * @param spec a Vega-Lite specification with inline data (`data.values`)
 */
export async function renderChartSvg(spec: TopLevelSpec): Promise<string> {
  const { vega, vegaLite } = await loadVega();
  const view = new vega.View(vega.parse(vegaLite.compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
