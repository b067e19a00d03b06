/**
 * Public API of the `harmonise` stage: source mappings, the harmonisation of national files into
 * one ASEAN dataset (observations, rejects, conflicts, quality report), and reading it back.
 * @module
 */
export { loadMapping, validateMapping, type LoadedMapping, type SourceMapping } from './mapping.js';
export { harmonise, observationRows, summaryLine, type HarmoniseOptions, type HarmoniseResult, type Observation } from './harmonise.js';
export { Harmoniser, type SourceInfo } from './engine.js';
export { ObservationStore } from './store.js';
export {
  writeOutputs,
  qualityReport,
  totals as harmoniseTotals,
  OBSERVATION_COLUMNS,
  REJECT_COLUMNS,
  CONFLICT_COLUMNS,
  OBSERVATION_STRUCTURE_ID,
  OBSERVATION_ACTION,
  type HarmoniseOutputs,
} from './output.js';
export { readObservations } from './read.js';
export { writeDatabase, DATABASE_FILE, PARQUET_FILE } from './database.js';
export { StagedOutput, LOCK_FILE } from './staging.js';
export { verifyOutputs, verifyOutputsAsync, measureOutputs, measureOutputsAsync, ledgerFigures, type WrittenFigures } from './verify.js';
export { defaultMappings, harmoniseDefault, DEFAULT_MAPPING_FILES } from './defaults.js';
export type { SourceCounts, HarmoniseCounts, RejectRecord, ConflictRecord, QualityWarning } from './types.js';
