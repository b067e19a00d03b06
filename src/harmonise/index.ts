/**
 * Public API of the `harmonise` stage.
 * @module
 */
export {};
