/** The worked examples of `data/worked_examples.json` (see data/SOURCE.md), as typed arrays. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Raw {
  ras_miller_blair_7_4_2: { A0: number[][]; x1: number[]; u1: number[]; v1: number[]; A1_to_6_decimals: number[][] };
  gras_junius_oosterhaven: { A: number[][]; u: number[]; v: number[]; X_to_6_decimals: number[][] };
}

/** Path of the copied worked-examples file. */
export const EXAMPLES_PATH = join(import.meta.dirname, 'data/worked_examples.json');

const raw = JSON.parse(readFileSync(EXAMPLES_PATH, 'utf8')) as Raw;

/** Flattens a nested array row-major. */
export const flat = (m: number[][]): Float64Array => Float64Array.from(m.flat());

/** Miller & Blair §7.4.2. */
export const mb = raw.ras_miller_blair_7_4_2;
/** Junius & Oosterhaven (2003). */
export const jo = raw.gras_junius_oosterhaven;

/** Asserts two row-major matrices agree to `decimals` decimals (|a−b| < 0.5·10^-decimals, plus rounding slack). */
export function closeTo6(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  let worst = 0;
  for (let k = 0; k < expected.length; k++) worst = Math.max(worst, Math.abs(actual[k] - expected[k]));
  return worst;
}
