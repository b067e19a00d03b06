/**
 * Public API of the `multipliers` stage.
 * @module
 */
export {};
