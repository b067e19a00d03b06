/**
 * Negative SAM cells the way IFPRI's cross-entropy programs treat them (GAMS Model Library CESAM,
 * Robinson & El-Said 2000): a negative payment from column j to row i is moved to the transposed
 * cell as a positive payment from column i to row j, which leaves every account's income minus
 * expenditure unchanged; after balancing, the negative cell is put back and the transposed cell
 * reduced by the same amount.
 *
 * digicge's balancing can also keep negative cells where they are (cells keep their prior's sign),
 * which is usually the better choice; this transposition is there to reproduce the IFPRI programs
 * and for users who follow them.
 * @module
 */
import { InputError } from '../../errors.js';

/** A negative cell moved to its transposed position. */
export interface MovedCell {
  /** Row of the negative cell. */
  readonly row: number;
  /** Column of the negative cell. */
  readonly col: number;
  /** Its (negative) value. */
  readonly value: number;
}

/**
 * Moves each negative cell (i, j) of a square n×n SAM to (j, i) as −value: returns the non-negative
 * prior and the cells moved. A diagonal negative cell cannot be moved and is an error.
 */
export function transposeNegativeCells(values: Float64Array, n: number): { prior: Float64Array; moved: MovedCell[] } {
  if (values.length !== n * n)
    throw new InputError('BALANCE_SHAPE', `a square SAM of ${n} accounts needs ${n * n} cells, got ${values.length}`);
  const prior = Float64Array.from(values);
  const moved: MovedCell[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const v = values[i * n + j];
      if (!(v < 0)) continue;
      if (i === j)
        throw new InputError(
          'BALANCE_NEGATIVE_ENTRY',
          `diagonal cell (${i + 1}, ${i + 1}) is negative (${v}) and has no transposed cell to move to`,
        );
      moved.push({ row: i, col: j, value: v });
      prior[i * n + j] -= v; // 0, or what a move from the transposed cell put here
      prior[j * n + i] -= v;
    }
  }
  return { prior, moved };
}

/** Puts the moved negative cells back into a balanced matrix (a new array). */
export function restoreNegativeCells(balanced: Float64Array, n: number, moved: readonly MovedCell[]): Float64Array {
  const out = Float64Array.from(balanced);
  for (const m of moved) {
    out[m.row * n + m.col] += m.value;
    out[m.col * n + m.row] += m.value;
  }
  return out;
}
