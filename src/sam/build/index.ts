/** Building SAMs from control totals, prior structures and input–output tables. @module */
export * from './common-classification.js';
export * from './adb-mrio.js';
export * from './thai-prior.js';
export * from './control-totals.js';
export * from './asean.js';
export * from './write-asean.js';
export * from './io-table.js';
export * from './io-build.js';
export * from './sut.js';
export * from './block-provenance.js';
export * from './ifpri-prior.js';
