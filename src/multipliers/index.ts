/**
 * Public API of the `multipliers` stage: input-output (Leontief, Ghosh) multipliers, linkages,
 * hypothetical extraction and the digital-economy value added, satellite-account footprints, and
 * SAM accounting multipliers with the Pyatt–Round decomposition.
 * @module
 */
export { technicalCoefficients, valueAddedCoefficients, divideColumns } from './technical-coefficients.js';
export {
  leontiefFactor,
  leontiefSolve,
  leontiefRowMultipliers,
  leontiefInverse,
  identityMinus,
  type LeontiefSystem,
  type LeontiefOptions,
} from './leontief.js';
export { leontiefRowSeries, type SeriesResult, type SeriesOptions } from './leontief-series.js';
export { outputMultipliers, effectMultipliers, ratioToDirect, type EffectMultipliers } from './output-multipliers.js';
export { closeWithHouseholds, typeIIMultipliers, HOUSEHOLDS, type TypeIIMultipliers } from './type-ii.js';
export { allocationCoefficients, ghoshFactor, ghoshRowSums, ghoshInverse } from './ghosh.js';
export { rasmussenLinkages, normaliseByMean, type Linkages, type LinkageClass } from './linkages.js';
export { hypotheticalExtraction, positionsOf, type ExtractionResult } from './extraction.js';
export { digitalValueAdded, type DigitalValueAdded } from './digital-economy.js';
export { stressorCoefficients, stressorMultipliers, consumptionBasedAccounts } from './satellite.js';
export { mrioAccounts, sumColumnGroups, type MrioAccounts, type MrioShape } from './footprints.js';
export { endogenousShares, accountingMultipliers, type AccountingMultipliers } from './accounting-multipliers.js';
export { pyattRound, type PyattRound } from './pyatt-round.js';
export { samAccountingMultipliers, defaultBlocks, type SamMultipliers } from './sam-multipliers.js';
export { parseLabelledTable, readLabelledTable, type LabelledTable } from './io/labelled-table.js';
export {
  ioTableFromLabelled,
  samAsLabelledTable,
  defaultSamSectors,
  emptyAccounts,
  type IoData,
  type IoDataSpec,
} from './io/io-table.js';
export { analyseIoTable, type IoAnalysis, type IoAnalysisOptions } from './analyse.js';
export { checkProductive, inputShares } from './productive.js';
export {
  writeIoAnalysis,
  writeSamMultipliers,
  formatMatrixCsv,
  formatColumnsCsv,
  ioSummary,
  samSummary,
} from './io/write.js';
export { loadIoTable } from './io/load.js';
export {
  multipliersDemoStep,
  defaultEndogenous,
  leontiefTable,
  DEFAULT_ENDOGENOUS_GROUPS,
  type MultipliersDemoOptions,
} from './demo-step.js';
export {
  industryByIndustry,
  industryIoFromSam,
  domesticDemandByIndustry,
  INDUSTRY_TECHNOLOGY_ASSUMPTION,
  GVA_BASIC_PRICES,
  type SupplyUse,
  type IndustryTable,
  type IndustryIoOptions,
} from './industry-by-industry.js';
