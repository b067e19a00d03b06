/**
 * Public API of the `cge` stage.
 * @module
 */
export {};
