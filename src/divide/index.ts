/**
 * Public API of the `divide` stage.
 * @module
 */
export {};
