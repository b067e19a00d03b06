/**
 * Drafting a source mapping from a data file (`digicge mapping draft`): the statistician edits a
 * draft whose every guess carries a `$comment`, instead of writing a mapping from nothing.
 * @module
 */
export { draftMapping, yearColumnsPattern, type DraftOptions, type DraftResult } from './draft.js';
export { readGrid, sniffDelimiter, type Grid, type GridRecord } from './grid.js';
export { findShape, type TableShape } from './shape.js';
export { findColumns, indicatorOf, type ColumnRoles, type DraftValueColumn, type DraftRowColumn } from './columns.js';
