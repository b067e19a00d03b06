/** The readiness assessment of the Member States (`digicge guidelines readiness`). @module */
export { assessReadiness, writeReadiness, READINESS_FILES, type Readiness } from './run.js';
export { readinessMatrix, referenceYear, inCell, observed, type ReadinessCell } from './matrix.js';
export {
  assessBlocks,
  rankGaps,
  readGapSensitivity,
  type BlockAssessment,
  type BasisStatus,
  type Gap,
  type GapSensitivityFile,
} from './assess.js';
export { readReadinessInput, sourceClass, READINESS_BREAKDOWNS, type ReadinessInput, type ReadinessObservation } from './load.js';
export { readDatabaseProvenance, PROVENANCE_FILE, type DatabaseProvenance, type DatabaseBlock, type BlockBasis } from './provenance.js';
export { readinessMarkdown, readinessCounts, matrixCsv, blocksCsv, gapsCsv } from './render.js';
export { addReadinessSheets, readinessWorkbook } from './workbook.js';
export { SHIPPED_READINESS_DIR, SHIPPED_READINESS_LABEL } from './shipped.js';
