/**
 * A model's calibration written as GAMS statements for the hand-over: the SAM as a parameter over
 * the universe, the inputs of the parameter file as parameters, the benchmark values
 * (`X0(i,j) = SAM(i,j)`), each parameter's calibration and each variable's benchmark level — the
 * {@link CalibrationText} a library model records — so that the GAMS program computes its
 * parameters instead of carrying only their values. A calibration whose text GAMS could not read
 * (a nested parameter-file key such as `channels.spillover`, an input that is not one parameter's
 * value) is not written, and the reason is returned.
 * @module
 */
import { lexGams } from './gams/lex.js';
import type { CalibrationStatement, CalibrationText } from './listing/calibration.js';
import type { CgeModel } from './model/model.js';
import type { SamInput } from './sam-input.js';

/** GAMS statements of a calibration, in the order the program needs them. */
export interface GamsCalibration {
  /** Declarations and data: the SAM, the parameter-file inputs, the benchmark values. */
  readonly declarations: readonly string[];
  /** Parameters the statements compute (written without data). */
  readonly computed: ReadonlySet<string>;
  /** Assignments of benchmark values and parameters (after the parameter declarations). */
  readonly parameterStatements: readonly string[];
  /** Variables whose levels the statements set. */
  readonly levels: ReadonlySet<string>;
  /** `.l` assignments (after the variable declarations). */
  readonly levelStatements: readonly string[];
}

const BUILTIN = new Set(
  'sum prod smax smin exp log sqrt abs sqr power max min ord card and or not xor eq ne lt le gt ge inf eps sam'.split(' '),
);

const texts = (s: CalibrationStatement): string[] => (typeof s.value === 'string' ? [s.value] : s.value.flatMap(([c, v]) => [c, v]));

/** Identifiers of a text, with whether each is followed by a `.` and a name (a nested key). */
function identifiers(text: string): { name: string; nested: boolean }[] {
  const t = lexGams(text).tokens;
  return t.flatMap((k, i) =>
    k.kind === 'id' ? [{ name: k.text, nested: t[i + 1]?.key === '.' && t[i + 2]?.kind === 'id' && t[i + 1].col === k.end }] : [],
  );
}

/** Rewrites the identifiers of a text with `r` (quoted labels untouched). */
function renameText(text: string, r: (n: string) => string): string {
  const lines = text.split('\n');
  const toks = lexGams(text).tokens.filter((k) => k.kind === 'id');
  for (const k of [...toks].reverse()) {
    const l = lines[k.line - 1];
    lines[k.line - 1] = `${l.slice(0, k.col - 1)}${r(k.text)}${l.slice(k.end - 1)}`;
  }
  return lines.join('\n');
}

/**
 * Writes a calibration for {@link formatModelGams}; `r` gives the GAMS name of a model symbol,
 * `element`/`number` the GAMS literals. Returns a reason instead when it cannot be written.
 */
export function calibrationGams(
  model: CgeModel,
  text: CalibrationText,
  sam: SamInput,
  r: (name: string) => string,
  element: (label: string) => string,
  number: (x: number) => string,
): GamsCalibration | { readonly skipped: string } {
  const data = new Map<string, CalibrationStatement>();
  for (const s of text.statements) if (s.kind === 'datum') data.set(s.name, s);
  const known = (n: string) =>
    BUILTIN.has(n.toLowerCase()) || data.has(n) || model.hasParameter(n) || model.hasVariable(n) || model.isSet(n);
  const inputs = new Map<string, CalibrationStatement>();
  for (const s of text.statements) {
    for (const id of texts(s).flatMap(identifiers)) {
      if (id.nested) return { skipped: `the parameter-file key ${id.name}.… is not a GAMS name` };
      if (known(id.name) || inputs.has(id.name)) continue;
      // An input read by exactly one parameter's statement `p(i) = input(i)`: its data are p's values.
      const source = text.statements.find(
        (t) =>
          t.kind === 'parameter' &&
          typeof t.value === 'string' &&
          t.value.replace(/\s/g, '') === `${id.name}${t.domain.length ? `(${t.domain.join(',')})` : ''}`,
      );
      if (!source) return { skipped: `the input ${id.name} is not the value of one parameter` };
      inputs.set(id.name, source);
    }
  }
  const taken = new Set([...model.parameterList, ...model.variableList, ...model.setList].map((s) => r(s.name).toLowerCase()));
  for (const n of ['SAM', ...inputs.keys(), ...data.keys()]) {
    if (taken.has(n.toLowerCase())) return { skipped: `${n} clashes with a model name under case folding` };
    taken.add(n.toLowerCase());
  }
  const rn = (n: string) => (data.has(n) || inputs.has(n) || n === 'SAM' ? n : r(n));
  const lhs = (s: CalibrationStatement, attr = '') => `${rn(s.name)}${attr}${s.domain.length ? `(${s.domain.map(rn).join(',')})` : ''}`;
  const declarations: string[] = [];
  const labels = sam.accounts.map((a) => a.label);
  const n = labels.length;
  const cells: string[] = [];
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++)
      if (sam.values[i * n + j] !== 0) cells.push(`  ${element(labels[i])}.${element(labels[j])} ${number(sam.values[i * n + j])}`);
  declarations.push(`Parameter SAM(*,*) 'social accounting matrix: rows receive, columns pay' /`, ...cells, '/;');
  for (const [name, s] of inputs) {
    const p = model.getParameter(s.name);
    const lines: string[] = [];
    for (let k = 0; k < p.size; k++)
      if (p.values[k] !== 0) lines.push(`  ${model.tupleOf(p, k).map(element).join('.')} ${number(p.values[k])}`);
    if (!p.domain.length) declarations.push(`Scalar ${name} 'parameter-file input' / ${number(p.values[0])} /;`);
    else
      declarations.push(
        `Parameter ${name}(${p.domain.map(rn).join(',')}) 'parameter-file input'${lines.length ? ' /' : ';'}`,
        ...(lines.length ? [...lines, '/;'] : []),
      );
  }
  for (const s of data.values())
    declarations.push(
      `Parameter ${lhs(s)}${s.description ? ` '${s.description.replace(/['"]/g, '').replace(/[^\x20-\x7e]/g, '?')}'` : ''};`,
    );
  const assign = (s: CalibrationStatement, target: string) => {
    if (typeof s.value === 'string') return [`${target} = ${renameText(s.value, rn)};`];
    return s.value.map(([c, v]) => (c ? `${target}$(${renameText(c, rn)}) = ${renameText(v, rn)};` : `${target} = ${renameText(v, rn)};`));
  };
  const parameterStatements: string[] = [];
  const levelStatements: string[] = [];
  const computed = new Set<string>();
  const levels = new Set<string>();
  for (const s of text.statements) {
    if (s.kind === 'datum' || s.kind === 'parameter') {
      parameterStatements.push(...assign(s, lhs(s)));
      if (s.kind === 'parameter') computed.add(s.name);
    } else if (s.kind === 'level') {
      levelStatements.push(...assign(s, lhs(s, '.l')));
      levels.add(s.name);
    }
  }
  return { declarations, computed, parameterStatements, levels, levelStatements };
}
