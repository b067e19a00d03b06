/**
 * Public API of the `guidelines` stage: the machine-readable ASEAN guideline (indicator catalogue,
 * code lists, digital-sector classification, JSON Schemas) and its loaders, validators and renderer.
 * @module
 */
export { packageRoot, guidelinesDir, guidelinePath } from './paths.js';
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
  revisionTolerance,
  checkCatalogue,
  clearCatalogueCache,
  type LoadCatalogueOptions,
  type SeriesSystem,
  type Dimension as BreakdownDimension,
  type Indicator,
  type IndicatorCatalogue,
  type Range as IndicatorRange,
  type Reference as IndicatorReference,
  type Scope as IndicatorScope,
  type SeriesCodes,
} from './catalogue.js';
export { codeForLabel, normaliseLabel, clearLabelIndexes } from './labels.js';
export {
  loadDsd,
  checkDsd,
  clearDsdCache,
  dsdBreakdowns,
  dsdKeyDimensions,
  dsdAttribute,
  dataflowRef,
  INDICATOR_CODELIST,
  type DataStructureDefinition,
  type DsdDimension,
  type DsdAttribute,
  type DsdMeasure,
  type CustomColumn,
} from './dsd.js';
export { observationColumns, SUBFIELD_SEPARATOR, type ObservationColumn, type ObservationColumnKind } from './dsd-columns.js';
export {
  observationSchema,
  mappingDimensionsSchema,
  sourceMappingSchema,
  derivedFiles,
  staleDerivedFiles,
  type DerivedFile,
} from './dsd-derive.js';
export { structureMessage, SDMX_JSON_STRUCTURE_SCHEMA } from './sdmx-structure.js';
export {
  loadCodeList,
  listCodeLists,
  codeListMap,
  hasCodeInList,
  checkCodeList,
  clearCodeListCache,
  type Code as CodeListItem,
  type CodeList,
} from './codelists.js';
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
  type Category as DigitalCategory,
  type Concordance,
  type ConcordanceEntry,
  type DigitalSector,
  type DigitalSectorClassification,
  type IsicClass,
  type ShareSource,
  type Split as SplitShare,
} from './classification.js';
export {
  loadQualityRules,
  getQualityRule,
  missingMarker,
  sourcePriorityRank,
  checkQualityRules,
  clearQualityRulesCache,
  type MissingMarker,
  type QualityRule,
  type QualityRules,
  type SourceRank,
  type UnitConversion,
} from './quality.js';
export {
  checkIndicatorRange,
  checkUrbanRuralConsistency,
  checkSexConsistency,
  checkQuintileConsistency,
  checkCoverageOrder,
  type QualityFinding,
} from './quality-checks.js';
export { aseanMembership, aseanMembersInForce, inForceOrNotMember, periodEnd, type MembershipSpell } from './membership.js';
export { USER_FILE_KINDS, currentSchemaVersion, checkSchemaVersion, type UserFileKind } from './schema-version.js';
export { toCanonicalUnit, type ConversionContext, type CanonicalValue } from './units.js';
export { guidelineUnit, sdmxUnit } from './unit-codes.js';
export { checkGuidelineFiles, staleGuidelineDocs, type GuidelineFileCheck } from './check.js';
export { renderGuideline, writeGuideline, GUIDELINE_CHAPTERS, GUIDELINE_DOCS_DIR } from './render/index.js';
export {
  describeSourceFile,
  writeDatasetMetadata,
  type DatasetMetadata,
  type SourceFile as DatasetSourceFile,
  type CreatedBy as DatasetCreatedBy,
} from './dataset.js';
