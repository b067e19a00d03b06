/**
 * Vega-Lite specifications rendered to SVG in Node (vega-lite compile → vega View with renderer
 * 'none' → toSVG), with vega and vega-lite loaded on the first chart drawn.
 * @module
 */
import type { TopLevelSpec } from 'vega-lite';
import { loadVega } from './lazy-modules.js';

/**
 * A Vega-Lite specification as JSON, with inline data (`data.values`). Typed loosely in the public
 * API so that a program using digicge need not load vega-lite's type definitions (which need the
 * browser's DOM types); digicge checks its own specifications against vega-lite's types.
 */
export type VegaLiteSpec = { readonly [key: string]: unknown };

/** A specification checked against vega-lite's own type, as {@link VegaLiteSpec}. @internal */
export function vegaLiteSpec<const S extends TopLevelSpec>(spec: S): VegaLiteSpec {
  return spec as unknown as VegaLiteSpec;
}

/** Renders a Vega-Lite specification to SVG markup in Node (no canvas, no browser, no network). */
export async function vegaLiteToSvg(spec: VegaLiteSpec): Promise<string> {
  const { vega, vegaLite } = await loadVega();
  const view = new vega.View(vega.parse(vegaLite.compile(spec as unknown as TopLevelSpec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
