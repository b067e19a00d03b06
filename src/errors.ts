/**
 * Typed errors shared by every stage of digicge.
 *
 * Each error carries a stable `code` (for programs and for the rejects file), a message written for
 * a person, and a {@link Location} saying where the problem is: file, sheet, row, column, JSON path,
 * SAM account, or model equation with its index. The CLI prints {@link DigicgeError.located} as one
 * line and exits non-zero; the stack trace is shown only with `--debug`.
 * @module
 */

/** Where a problem was found. Every field is optional; fill in all that are known. */
export interface Location {
  /** Path of the input file, as the user gave it. */
  file?: string;
  /** Worksheet name (XLSX) or dataset name (SDMX). */
  sheet?: string;
  /** 1-based row number in the file as a person sees it (header rows included). */
  row?: number;
  /** Column name or 1-based column number (or spreadsheet letter). */
  column?: string | number;
  /** JSON Pointer or JSONPath-like path into a JSON document, e.g. `/indicators/3/unit`. */
  jsonPath?: string;
  /** SAM account label. */
  account?: string;
  /** Model equation or variable name. */
  equation?: string;
  /** Set elements indexing the equation or variable, e.g. `["BRD"]`. */
  index?: readonly string[];
}

/** Formats a location as `file:row:column` followed by the other parts, or '' when empty. */
export function formatLocation(loc: Location | undefined): string {
  if (!loc) return '';
  const parts: string[] = [];
  let head = loc.file ?? '';
  if (loc.sheet !== undefined) head += `${head ? ' ' : ''}[sheet ${loc.sheet}]`;
  if (loc.row !== undefined) head += `${head ? ':' : 'row '}${loc.row}`;
  if (loc.column !== undefined) head += `${head ? ':' : 'column '}${loc.column}`;
  if (head) parts.push(head);
  if (loc.jsonPath !== undefined) parts.push(`at ${loc.jsonPath || '/'}`);
  if (loc.account !== undefined) parts.push(`account ${loc.account}`);
  if (loc.equation !== undefined) {
    parts.push(loc.index && loc.index.length ? `${loc.equation}(${loc.index.join(',')})` : loc.equation);
  }
  return parts.join(' ');
}

/** Base class of every error digicge throws on purpose. */
export class DigicgeError extends Error {
  /** Stable machine-readable code, e.g. `CSV_UNBALANCED_QUOTE`, `SAM_UNBALANCED`. */
  readonly code: string;
  /** Where the problem is, when known. */
  readonly location: Location | undefined;

  constructor(code: string, message: string, location?: Location, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
    this.location = location;
  }

  /** One line for a person: `location: message [CODE]`. */
  located(): string {
    const where = formatLocation(this.location);
    return `${where ? `${where}: ` : ''}${this.message} [${this.code}]`;
  }
}

/** The input data are malformed: unreadable file, bad cell, unknown code, wrong shape. */
export class InputError extends DigicgeError {}

/** A JSON document (mapping, scenario, catalogue, config) does not satisfy its JSON Schema. */
export class SchemaError extends DigicgeError {
  /** Every schema violation found, each with its JSON path. */
  readonly issues: readonly { jsonPath: string; message: string }[];

  constructor(message: string, location: Location | undefined, issues: readonly { jsonPath: string; message: string }[]) {
    super('SCHEMA_INVALID', message, location);
    this.issues = issues;
  }
}

/**
 * An output cannot be written (its folder is a file, is read-only, is in use by another run, or the
 * disk is full), or a file a run wrote does not hold what the run computed (read back after
 * writing: row counts, keys, areas against the cell ledger). The run fails rather than hand over
 * a file that contradicts its own counts.
 */
export class OutputError extends DigicgeError {}

/** A numerical procedure cannot give a valid answer: singular matrix, infeasible balancing, divergence. */
export class NumericError extends DigicgeError {}

/** A CGE model is ill-posed: not square, structurally singular, unknown set element, missing parameter. */
export class ModelError extends DigicgeError {}

/** The command line or a library call was used wrongly (missing option, contradictory arguments). */
export class UsageError extends DigicgeError {}

export { ERROR_CODES, describeErrorCode } from './error-codes.js';
