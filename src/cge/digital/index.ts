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
export { calibrateDdcge, channelsOf, ddcge, ddcgeHouseholds, DDCGE_ACCOUNTS, DDCGE_EQUATIONS, type DdcgeChannels, type DdcgeHousehold } from './ddcge.js';
export { connectivityScenario, type GroupAccounts } from './scenario.js';
export { ddcgeWelfare, type GroupWelfare } from './welfare.js';
