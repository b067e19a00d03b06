/**
 * What a model's calibration does, stated as GAMS assignments beside the code that does it, for its
 * listing and document: the benchmark values it reads from the SAM and the parameter file
 * (`X0(i,j) = SAM(i,j)`), each parameter's calibration (`ax(i,j) = X0(i,j)/Z0(j)`), each variable's
 * benchmark level (`Z.l(j) = Z0(j)`) and the variables the model fixes (`M.fx(i)$(M0(i) = 0) = 0`).
 *
 * A statement is `[condition, value]` pairs applied in order, as GAMS does: an element takes the
 * value of the last pair whose condition holds (`''` = always), 0 when none does. Conditions use
 * the model language's comparisons (`>`, `<>`, `not`, `or`) and set membership (`dig(i)`);
 * `SAM(row,col)` is a cell of the SAM; a parameter-file key is written as a function of the element
 * (`armington_elasticity(i)`: the number; `orderable_goods(i)`, `telecom(i)`: 1 when the list names
 * the element), a nested one with dots (`channels.spillover`). A test evaluates every statement and
 * compares it with the calibrated values.
 * @module
 */

import { formatExpr } from '../model/expr.js';
import type { CgeEquation } from '../model/model.js';

/** A calibration statement: one value, or `[condition, value]` pairs in order. */
export type Calibration = string | readonly (readonly [condition: string, value: string])[];

/** What a calibration statement sets: a benchmark value, a parameter, a variable's level, or a variable's fixed elements. */
export type CalibrationKind = 'datum' | 'parameter' | 'level' | 'fix';

/** One calibration statement: `name(domain) = value` (`name.l`, `name.fx` for levels and fixings). */
export interface CalibrationStatement {
  readonly kind: CalibrationKind;
  readonly name: string;
  readonly domain: readonly string[];
  readonly value: Calibration;
  /** What a benchmark value is (parameters and variables carry their own descriptions). */
  readonly description?: string;
}

/** The calibration of a model as text, statements in the order the calibration makes them. */
export interface CalibrationText {
  readonly statements: readonly CalibrationStatement[];
}

/** Collects a model's calibration text while the model is calibrated. */
export class CalibrationRecorder {
  private readonly list: CalibrationStatement[] = [];

  /** Records a statement. */
  add(kind: CalibrationKind, name: string, domain: readonly string[], value: Calibration, description?: string): void {
    this.list.push({ kind, name, domain: [...domain], value, ...(description !== undefined ? { description } : {}) });
  }
  /**
   * Records a benchmark value `name(domain) = text` and returns its function, so that the value
   * the calibration uses is declared with its text: `const X0 = rec.datum('X0', ['i','j'], 'SAM(i,j)', '…', (i, j) => S.get(i, j))`.
   */
  datum<F extends (...ix: string[]) => number>(name: string, domain: readonly string[], value: Calibration, description: string, fn: F): F {
    this.add('datum', name, domain, value, description);
    // A datum is a pure function of the SAM and the parameters: its values are remembered, as
    // GAMS stores a parameter once assigned, so that `ax(i,j) = X0(i,j)/Z0(j)` does not recompute the
    // sum in Z0(j) for every i (which made calibration cubic in the number of goods).
    const memo = new Map<string, number>();
    const remembered = (...ix: string[]): number => {
      const key = ix.join('\u0000');
      let v = memo.get(key);
      if (v === undefined) {
        v = fn(...ix);
        memo.set(key, v);
      }
      return v;
    };
    return remembered as F;
  }
  /** The text collected. */
  result(): CalibrationText {
    return { statements: [...this.list] };
  }
}

/** The statement of kind `kind` for `name`, if recorded. */
export function calibrationOf(text: CalibrationText | undefined, kind: CalibrationKind, name: string): CalibrationStatement | undefined {
  return text?.statements.find((s) => s.kind === kind && s.name === name);
}

/** The `[condition, value]` pairs of a calibration. */
export function calibrationCases(c: Calibration): readonly (readonly [string, string])[] {
  return typeof c === 'string' ? [['', c]] : c;
}

/** A statement as GAMS assignments, one per case, conditional ones with `$(…)`: `ax(i,j) = X0(i,j)/Z0(j);`, `Z.l(j) = Z0(j);`. */
export function formatCalibration(s: CalibrationStatement): string[] {
  const lhs = symbolText(s.kind === 'level' ? `${s.name}.l` : s.kind === 'fix' ? `${s.name}.fx` : s.name, s.domain);
  return calibrationCases(s.value).map(([cond, value]) => `${lhs}${cond ? `$(${cond})` : ''} = ${value};`);
}

/** `name(i,j)`, or `name` for a scalar. */
export function symbolText(name: string, domain: readonly string[]): string {
  return domain.length ? `${name}(${domain.join(',')})` : name;
}

/** An equation in the text form: its own source, or its trees written back (`eqX(i).. X(i) =e= Z(i)`). */
export function equationText(e: CgeEquation): string {
  if (e.source) return e.source;
  const head = `${symbolText(e.name, e.domain)}${e.condition ? `$${formatExpr(e.condition)}` : ''}`;
  return `${head}.. ${formatExpr(e.lhs)} =e= ${formatExpr(e.rhs)}`;
}
