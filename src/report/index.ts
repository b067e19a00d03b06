/**
 * Public API of the `report` stage.
 * @module
 */
export {};
