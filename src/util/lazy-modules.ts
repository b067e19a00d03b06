/**
 * The heavy third-party modules, loaded on first use rather than when a stage is imported: a
 * program that reads a CSV file does not pay for the Excel reader, and one that balances a SAM
 * does not pay for the chart renderer. Each loader caches its promise.
 * @module
 */
import type ExcelJS from 'exceljs';
import type * as Vega from 'vega';
import type * as VegaLite from 'vega-lite';

let excel: Promise<typeof ExcelJS> | undefined;
let charts: Promise<{ vega: typeof Vega; vegaLite: typeof VegaLite }> | undefined;

/** exceljs (the XLSX reader and writer), loaded once on first use. @internal */
export function loadExcelJs(): Promise<typeof ExcelJS> {
  return (excel ??= import('exceljs').then((m) => m.default));
}

/** vega and vega-lite (charts rendered to SVG in Node), loaded once on first use. @internal */
export function loadVega(): Promise<{ vega: typeof Vega; vegaLite: typeof VegaLite }> {
  return (charts ??= Promise.all([import('vega'), import('vega-lite')]).then(([vega, vegaLite]) => ({ vega, vegaLite })));
}
