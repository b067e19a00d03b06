/**
 * Pyatt–Round (1979) decomposition of SAM accounting multipliers, Ma = Ma3 · Ma2 · Ma1, for a
 * partition of the endogenous accounts into k blocks (usually production, factors, institutions):
 *
 *     Ã    = block-diagonal part of An                  transfers within each block
 *     Ma1  = (I − Ã)⁻¹                                  transfer (own-block) effects
 *     A*   = Ma1 (An − Ã)
 *     Ma2  = I + A* + A*² + … + A*^(k−1)                open-loop (cross-block) effects
 *     Ma3  = (I − A*^k)⁻¹                               closed-loop (circular) effects
 *
 * and the additive form (Stone 1985): Ma = I + (Ma1 − I) + (Ma2 − I) Ma1 + (Ma3 − I) Ma2 Ma1.
 * The product identity holds for any partition; the transfer/open/closed-loop reading needs the
 * blocks to form the circular flow (production → factors → institutions → production).
 * @module
 */
import { InputError } from '../errors.js';
import { identity, luFactor, luInverse, matmul, type Matrix } from '../linalg/dense/index.js';
import { identityMinus } from './leontief.js';

/** The multiplicative and additive Pyatt–Round decompositions. */
export interface PyattRound {
  /** Ma = (I − An)⁻¹, computed as Ma3 Ma2 Ma1. */
  readonly Ma: Matrix;
  /** Transfer effects within blocks. */
  readonly Ma1: Matrix;
  /** Open-loop (cross) effects. */
  readonly Ma2: Matrix;
  /** Closed-loop (circular) effects. */
  readonly Ma3: Matrix;
  /** Additive components; initial + transfer + openLoop + closedLoop = Ma. */
  readonly additive: {
    /** The identity: the initial injection. */
    readonly initial: Matrix;
    /** Ma1 − I. */
    readonly transfer: Matrix;
    /** (Ma2 − I) Ma1. */
    readonly openLoop: Matrix;
    /** (Ma3 − I) Ma2 Ma1. */
    readonly closedLoop: Matrix;
  };
}

function sub(a: Matrix, b: Matrix): Matrix {
  return { rows: a.rows, cols: a.cols, data: a.data.map((v, i) => v - b.data[i]) };
}

function add(a: Matrix, b: Matrix): Matrix {
  return { rows: a.rows, cols: a.cols, data: a.data.map((v, i) => v + b.data[i]) };
}

/**
 * Decomposes the accounting multipliers of An (m×m column shares of the endogenous accounts).
 * @param An endogenous column shares
 * @param blocks a partition of 0…m−1 into blocks (positions within An)
 * @param labels endogenous account labels (for messages)
 */
export function pyattRound(An: Matrix, blocks: readonly (readonly number[])[], labels?: readonly string[]): PyattRound {
  const m = An.rows;
  const blockOf = new Int32Array(m).fill(-1);
  blocks.forEach((b, k) => {
    for (const i of b) {
      if (!(i >= 0 && i < m)) throw new InputError('PYATT_ROUND_BAD_BLOCKS', `block ${k + 1} names position ${i}, outside 0…${m - 1}`);
      if (blockOf[i] >= 0) {
        throw new InputError('PYATT_ROUND_BAD_BLOCKS', `account ${labels?.[i] ?? i + 1} is in two blocks`, {
          ...(labels ? { account: labels[i] } : {}),
        });
      }
      blockOf[i] = k;
    }
  });
  const missing = [...blockOf].findIndex((b) => b < 0);
  if (missing >= 0) {
    throw new InputError('PYATT_ROUND_BAD_BLOCKS', `account ${labels?.[missing] ?? missing + 1} is in no block`, {
      ...(labels ? { account: labels[missing] } : {}),
    });
  }
  const k = blocks.length;
  const At = new Float64Array(m * m); // Ã, block diagonal
  for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) if (blockOf[i] === blockOf[j]) At[i * m + j] = An.data[i * m + j];
  const Atilde: Matrix = { rows: m, cols: m, data: At };
  const opts = labels ? { labels } : {};
  const Ma1 = luInverse(luFactor(identityMinus(Atilde), { what: 'I − Ã (within-block shares)', inPlace: true, ...opts }));
  const Astar = matmul(Ma1, sub(An, Atilde));
  const I = identity(m);
  let Ma2 = I;
  let power = I;
  for (let p = 1; p < k; p++) {
    power = matmul(power, Astar);
    Ma2 = add(Ma2, power);
  }
  const Ak = matmul(power, Astar);
  const Ma3 = luInverse(luFactor(identityMinus(Ak), { what: 'I − A*^k (closed loop)', inPlace: true, ...opts }));
  const Ma21 = matmul(Ma2, Ma1);
  const Ma = matmul(Ma3, Ma21);
  return {
    Ma,
    Ma1,
    Ma2,
    Ma3,
    additive: {
      initial: I,
      transfer: sub(Ma1, I),
      openLoop: sub(Ma21, Ma1),
      closedLoop: sub(Ma, Ma21),
    },
  };
}
