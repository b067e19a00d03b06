/**
 * Model listings and documents: a model's calibration as text, its documentation, and the document
 * generated from both (see {@link modelDocument}).
 * @module
 */
export * from './calibration.js';
export * from './documentation.js';
export { checkReference, resolveReferences } from './references.js';
export { modelDocument, type DocumentAssumption, type ModelDocumentInput } from './document.js';
export { buildModelDocument, PACKAGE_ROOT } from './build.js';
