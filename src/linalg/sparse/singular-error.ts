/**
 * The error thrown when a sparse LU factorisation meets a matrix that is singular.
 * @module
 */
import { NumericError } from '../../errors.js';

/**
 * A matrix is numerically (or structurally) singular: at elimination step `step`, no acceptable
 * pivot was left in column `column` (0-based, in the caller's numbering) after eliminating the
 * columns before it. Code `SINGULAR_MATRIX`; the {@link Location} names the column (1-based) and,
 * when column labels were given (e.g. the model's variable names), the label in `equation`.
 * For a model Jacobian (rows = equations, columns = variables), `dulmageMendelsohn` tells which
 * equations are redundant and which variables undetermined when the singularity is structural.
 */
export class SingularMatrixError extends NumericError {
  /** 0-based index of the column without an acceptable pivot. */
  readonly column: number;
  /** Label of that column, when labels were given. */
  readonly label: string | undefined;
  /** 0-based elimination step at which the factorisation stopped. */
  readonly step: number;

  constructor(column: number, label: string | undefined, step: number, detail: string) {
    const name = label !== undefined ? `column ${column} (${label})` : `column ${column}`;
    super(
      'SINGULAR_MATRIX',
      `matrix is singular: ${name} has no usable pivot at elimination step ${step} (${detail}); ` +
        'expected a nonsingular matrix — check for a redundant equation or an undetermined variable',
      label !== undefined ? { column: column + 1, equation: label } : { column: column + 1 },
    );
    this.column = column;
    this.label = label;
    this.step = step;
  }
}
