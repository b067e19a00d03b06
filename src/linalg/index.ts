/**
 * Public API of the `linalg` stage.
 * @module
 */
export {};
