/**
 * Public API of the `guidelines` stage.
 * @module
 */
export {};
