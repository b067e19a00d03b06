/**
 * The digital-divide model's link to the harmonised statistics: connectivity baselines from
 * observations, and targets stated in the guideline's indicators translated into model shocks.
 * @module
 */
export {
  accessGroups,
  checkBaseline,
  connectivityShift,
  splitNationalShare,
  totalShare,
  type AccessGroup,
  type AccessGroups,
  type ConnectivityBaseline,
  type ConnectivityShift,
  type ConnectivityTarget,
  type PopulationMove,
} from './connectivity.js';
export { connectivityBaseline, type BaselineOptions, type ObservationLike, type SourcedValue } from './baseline.js';
export { broadbandInvestment, type BroadbandInvestment } from './broadband.js';
export {
  calibrateLes,
  lesCompensatingVariation,
  lesDemand,
  lesEquivalentVariation,
  lesUtility,
  type LesParameters,
} from './les.js';
export {
  calibrateDdcge,
  channelsOf,
  ddcge,
  ddcgeHouseholds,
  DDCGE_ACCOUNTS,
  DDCGE_EQUATIONS,
  type DdcgeChannels,
  type DdcgeHousehold,
} from './ddcge.js';
export { connectivityScenario, type GroupAccounts } from './scenario.js';
export { ddcgeWelfare, type GroupWelfare } from './welfare.js';
export {
  DDCGE_MEMBER_STATES,
  buildDdcgeDatabase,
  buildDdcgeDatabaseFromFiles,
  DDCGE_DATA_DIR,
  DDCGE_DATABASE_ACCOUNTS,
  DDCGE_DIGITAL_GOODS,
  DDCGE_GOODS,
  readDdcgeAssumptions,
  readDdcgeDatabase,
  splitByNonUse,
  writeDdcgeDatabase,
  type Assumption,
  type DdcgeAssumptions,
  type DdcgeDatabase,
  type DdcgeDatabaseRecord,
} from './database.js';
export {
  parseDigitalScenario,
  readDigitalScenario,
  translateDigitalScenario,
  type DigitalScenario,
  type DigitalTarget,
  type TranslatedScenario,
} from './scenarios.js';
export {
  databaseVintage,
  describeDigital,
  prepareDatabase,
  signInputs,
  simulateScenario,
  summariseDigital,
  type DigitalResults,
  type DigitalShare,
  type FactorResult,
  type IncomeGap,
  type PreparedDatabase,
  type ReplicationSummary,
  type SectorResult,
} from './simulate.js';
export { whySignsDisagree, type SignInputs } from './signs.js';
export { digitalResultTables, formatResult, regionalTable, writeDigitalResults } from './report.js';
export { applyDraws, ddcgeParameterVector, type DdcgeUncertainValues } from './recalibrate.js';
export { digitalSensitivity, sensitivityTable, type DigitalSensitivityOptions } from './sensitivity.js';
export { headlineOutcomes, type DigitalSsaSetup } from './ssa-evaluator.js';
export { DEFAULT_DDCGE_COUNTRY, simulateDefault, simulateDigital, type SimulateOptions, type SimulateOutcome } from './batch.js';
export {
  gapSensitivity,
  writeGapSensitivity,
  DATA_GAP_ASSUMPTIONS,
  type GapSensitivity,
  type GapSensitivityRow,
} from './gap-sensitivity.js';
