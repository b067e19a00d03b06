/**
 * digicge — digital-economy statistics of the ASEAN Member States, from raw national files to
 * social accounting matrices and CGE simulations of bridging the digital divide.
 *
 * The pipeline is the architecture: ingest → harmonise → divide → sam → multipliers → cge → report.
 * Each stage's public API is re-exported here.
 * @module
 */
export * from './errors.js';
export * from './util/index.js';
export * from './guidelines/index.js';
export * from './ingest/index.js';
export * from './harmonise/index.js';
export * from './divide/index.js';
export * from './linalg/index.js';
export * from './sam/index.js';
export * from './multipliers/index.js';
export * from './cge/index.js';
export * from './report/index.js';
export * from './demo/index.js';
