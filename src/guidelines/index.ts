/**
 * Public API of the `guidelines` stage: the machine-readable ASEAN guideline (indicator catalogue,
 * code lists, digital-sector classification, JSON Schemas) and its loaders, validators and renderer.
 * @module
 */
export { packageRoot, guidelinesDir, guidelinePath, displayPath } from './paths.js';
export { readJsonFile } from './json-file.js';
export {
  SCHEMA_ID_BASE,
  SchemaRegistry,
  schemaRegistry,
  schemaNames,
  schemaIdOf,
  brokenSchemas,
  checkAgainstSchema,
  validateAgainstSchema,
  readValidatedJson,
  resetSchemaRegistry,
  type SchemaIssue,
} from './validate.js';
export {
  loadCatalogue,
  getIndicator,
  findIndicatorBySeries,
  checkCatalogue,
  clearCatalogueCache,
  type LoadCatalogueOptions,
  type SeriesSystem,
  type Dimension,
  type Indicator,
  type IndicatorCatalogue,
  type Range,
  type Reference,
  type Scope,
  type SeriesCodes,
} from './catalogue.js';
export { loadCodeList, listCodeLists, codeMap, hasCode, checkCodeList, clearCodeListCache, type Code, type CodeList } from './codelists.js';
export {
  AreaResolver,
  getAreaResolver,
  resolveArea,
  aseanMembers,
  normaliseAreaName,
  clearAreaResolverCache,
  type AreaSystem,
  type AreaType,
  type ResolvedArea,
  type AreaLookup,
  type AreaLookupOptions,
} from './area-resolver.js';
export {
  loadDigitalSectorClassification,
  getConcordance,
  getConcordanceEntry,
  splitsFor,
  checkDigitalSectorClassification,
  clearClassificationCache,
  type LoadClassificationOptions,
  type ResolvedSplit,
  type Category,
  type Concordance,
  type ConcordanceEntry,
  type DigitalSector,
  type DigitalSectorClassification,
  type IsicClass,
  type ShareSource,
  type Split,
} from './classification.js';
export {
  loadQualityRules,
  getQualityRule,
  missingMarker,
  sourceRank,
  checkQualityRules,
  clearQualityRulesCache,
  type MissingMarker,
  type QualityRule,
  type QualityRules,
  type SourceRank,
  type UnitConversion,
} from './quality.js';
export {
  checkRange,
  checkUrbanRural,
  checkSexTotal,
  checkQuintileTotal,
  checkCoverageOrder,
  type QualityFinding,
} from './quality-checks.js';
export { toCanonicalUnit, type ConversionContext, type CanonicalValue } from './units.js';
export { checkGuidelineFiles, staleGuidelineDocs, type GuidelineFileCheck } from './check.js';
export { renderGuideline, writeGuideline, GUIDELINE_CHAPTERS, GUIDELINE_DOCS_DIR } from './render/index.js';
export {
  sha256Hex,
  sha256File,
  describeSourceFile,
  stableJson,
  writeDatasetMetadata,
  type DatasetMetadata,
  type SourceFile,
  type CreatedBy,
} from './dataset.js';
export { generateSchemaTypes, SCHEMA_DIR, SCHEMA_TYPES_DIR } from './schema-types.js';
