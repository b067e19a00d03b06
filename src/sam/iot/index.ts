/** Published input–output tables read by layout mappings. @module */
export { readIoTable, type IoBlock, type IoBlocks, type IoCheckResult, type IoReadOptions } from './read-iot.js';
export { readSupplyUseTables, type SutRead } from './read-sut.js';
