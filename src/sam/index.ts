/**
 * Public API of the `sam` stage: social accounting matrices (rows receive, columns pay), their
 * readers and writers, checks, splits and balancing.
 * @module
 */
export * from './balance/index.js';
export * from './groups.js';
export * from './sam.js';
export * from './io/index.js';
export * from './iot/index.js';
export * from './macro.js';
export * from './check.js';
export * from './check-format.js';
export * from './aggregate.js';
export * from './split.js';
export * from './build/index.js';
export * from './digital.js';
