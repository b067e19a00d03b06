/** Small utilities shared by every stage. @module */
export { writeFileAtomic } from './atomic-write.js';
export { roundTripNumber } from './number-text.js';
export { isFormulaLike, neutraliseFormula, restoreFormula } from './neutralise.js';
export { csvCell, csvQuote, csvRecord, csvText, formatCsv, type CsvCell, type NumberFormatter } from './csv.js';
export type { VegaLiteSpec } from './vega-lite.js';
