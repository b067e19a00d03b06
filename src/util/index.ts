/** Small utilities shared by every stage. @module */
export { writeFileAtomic } from './atomic-write.js';
export { roundTripNumber } from './number-text.js';
export { isFormulaLike, neutraliseFormula } from './neutralise.js';
export type { VegaLiteSpec } from './vega-lite.js';
