/**
 * Public API of the `divide` stage: digital-divide metrics from the harmonised observations —
 * within-country gaps, between-country dispersion and convergence, distance to target, and a
 * composite index with Monte Carlo rank intervals — each row carrying its provenance.
 * @module
 */
export {
  DIVIDE_OBSERVATION_KEY,
  AMS_ALPHA2_TO_ALPHA3,
  loadDivideObservations,
  harmonisedRecords,
  observationProvenanceKey,
  countryOfArea,
  isSubnational,
  asRecords,
} from './observations.js';
export type { HarmonisedObservation, ObservationsInput } from './observations.js';
export { provenanceOf, mergeProvenance, provenanceSidecar } from './provenance.js';
export type { ProvenanceRow } from './provenance.js';
export { isTotalBreakdown, annualYear, totalsByAreaYear } from './select.js';
export { gini } from './gini.js';
export { theilT, theilDecomposition } from './theil.js';
export type { TheilDecomposition } from './theil.js';
export { weightedMoments } from './moments.js';
export type { Moments } from './moments.js';
export { olsSimple } from './regression.js';
export type { OlsFit } from './regression.js';
export { logGamma, incompleteBeta, studentTTwoSidedP } from './student-t.js';
export {
  fitLinear,
  fitLogLinear,
  fitLogistic,
  fitBoundedLogistic,
  fitTrends,
  trendValue,
  trendMethod,
  yearReaching,
  yearsFromLast,
} from './trend.js';
export type { TrendFit, TrendModelName } from './trend.js';
export { GAP_DIMENSIONS, computeGaps, indicatorsWithBreakdowns, catalogueGapDimensions, gapIndicators } from './gaps.js';
export type { GapDimension, GapRow } from './gaps.js';
export { balancedPanel, computeDispersion } from './dispersion.js';
export type { DispersionOptions, DispersionRow } from './dispersion.js';
export { sigmaConvergence, betaConvergence } from './convergence.js';
export type { ConvergenceRow } from './convergence.js';
export { computeDistanceToTarget, computeTrendProjections, TREND_CRITERION, PERCENT_UNITS } from './distance.js';
export type { DistanceOptions, DistanceRow, ProjectionRow } from './distance.js';
export { COMPOSITE_INDEX_SCHEMA_PATH, DEFAULT_INDEX_CONFIG_PATH, readIndexConfig, validateIndexConfig } from './composite/config.js';
export type { CompositeIndexConfig } from './composite/config.js';
export { normaliseIndicator } from './composite/normalise.js';
export type { NormaliseSpec } from './composite/normalise.js';
export { aggregateScores, rankDescending, quantileSorted } from './composite/aggregate.js';
export { indexData, scoreIndex, computeCompositeIndex, rankUncertainty } from './composite/index-score.js';
export type { IndexData, IndexRow, RankRow, RankUncertaintyOptions } from './composite/index-score.js';
export { tidyCsv, formatTableNumber, metricTable } from './csv.js';
export type { TidyCell, MetricTableRow } from './csv.js';
export { gapChartSpec, dispersionChartSpec, indexRankChartSpec, renderVegaLiteSvg } from './charts.js';
export {
  runDivide,
  divideDefault,
  DEFAULT_TARGET,
  GAP_COLUMNS,
  DISPERSION_COLUMNS,
  CONVERGENCE_COLUMNS,
  DISTANCE_COLUMNS,
  RANK_COLUMNS,
  PROVENANCE_COLUMNS,
  PROJECTION_COLUMNS,
} from './run.js';
export type { DivideOptions, DivideResult } from './run.js';
export { aseanAggregates, type AseanAggregateRow } from './asean-aggregate.js';
