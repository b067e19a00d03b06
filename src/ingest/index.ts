/**
 * Public API of the `ingest` stage.
 * @module
 */
export {};
