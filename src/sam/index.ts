/**
 * Public API of the `sam` stage.
 * @module
 */
export {};
