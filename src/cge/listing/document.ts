/**
 * A model's document, generated like a GAMS listing from the model itself: its sets with their
 * elements, its equations in their GAMS-like text (in the blocks of the model's equation text), its
 * variables with their benchmark levels and bounds, its parameters with how each is calibrated, the
 * parameter file's keys, its closures, then the model's own prose (every symbol it names checked)
 * and the outside assumptions of its data. The same definition and data give the same text, byte
 * for byte, so a test can tell when a document is stale.
 * @module
 */
import { ModelError } from '../../errors.js';
import type { Closure } from '../closure.js';
import type { CgeModelDefinition } from '../definition.js';
import { parseEquations } from '../model/parse.js';
import type { CgeModel } from '../model/model.js';
import type { PreparedModel } from '../run.js';
import { calibrationOf, equationText, formatCalibration, symbolText, type CalibrationStatement } from './calibration.js';
import type { ModelDocumentation } from './documentation.js';
import { resolveReferences } from './references.js';

/** An outside assumption as the document lists it. */
export interface DocumentAssumption {
  readonly value: unknown;
  readonly source: string;
}

/** Inputs of {@link modelDocument}. */
export interface ModelDocumentInput {
  readonly definition: CgeModelDefinition;
  /** The model prepared on the documentation's data. */
  readonly prepared: PreparedModel;
  /** The outside assumptions of the data, by key, when the documentation names a file of them. */
  readonly assumptions?: Readonly<Record<string, DocumentAssumption>>;
}

/** Escapes a table cell. */
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const code = (s: string) => `\`${s}\``;
const row = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
const table = (head: readonly string[], rows: readonly (readonly string[])[]) =>
  [row(head), row(head.map(() => '---')), ...rows.map(row)].join('\n');

/** A bound or level for a person: `−∞`, `0`, `1e-8`. */
function bound(x: number): string {
  return x === -Infinity ? '−∞' : x === Infinity ? '+∞' : String(x);
}

function documentationOf(def: CgeModelDefinition): ModelDocumentation {
  if (!def.documentation) throw new ModelError('NO_DOCUMENTATION', `model ${def.name} has no documentation to write a document from`);
  return def.documentation;
}

function sizes(p: PreparedModel): string {
  const m = p.calibrated.model;
  const scalars = (list: readonly { size: number }[]) => list.reduce((s, x) => s + x.size, 0);
  return (
    `${m.setList.length} sets, ${m.parameterList.length} parameters (${scalars(m.parameterList)} values), ${m.variableList.length} variables ` +
    `(${p.compiled.vars.size} scalars), ${m.equationList.length} equations (${p.compiled.rows.length} scalar equations), ${p.compiled.nnz} Jacobian non-zeros.`
  );
}

function setsSection(m: CgeModel): string {
  const rows = m.setList.map((s) => [
    code(s.name),
    s.parent ? `⊂ ${code(s.parent)}` : '',
    s.elements.map(code).join(', '),
    s.description ?? '',
  ]);
  const aliases = m.aliasList.map(([a, of]) => `${code(a)} ≡ ${code(of)}`);
  return `## Sets\n\n${table(['set', 'subset of', 'elements', 'description'], rows)}${aliases.length ? `\n\nAliases: ${aliases.join(', ')}.` : ''}`;
}

/** The equation blocks of the equation text: each `*` comment line (in column 1) heads the equations after it. */
function equationBlocks(text: string): { heading: string; names: string[] }[] {
  const blocks: { heading: string; lines: string[] }[] = [];
  for (const line of text.split(/\r\n|\r|\n/)) {
    if (line.startsWith('*')) blocks.push({ heading: line.slice(1).trim(), lines: [] });
    else if (line.trim()) {
      if (!blocks.length) blocks.push({ heading: '', lines: [] });
      blocks[blocks.length - 1]!.lines.push(line);
    }
  }
  return blocks.map((b) => ({ heading: b.heading, names: parseEquations(b.lines.join('\n')).map((e) => e.name) }));
}

function equationsSection(m: CgeModel, doc: ModelDocumentation): string {
  const byName = new Map(m.equationList.map((e) => [e.name, e]));
  const seen = new Set<string>();
  const parts = ['## Equations'];
  for (const b of equationBlocks(doc.equations)) {
    const lines: string[] = [];
    for (const name of b.names) {
      const e = byName.get(name);
      if (!e)
        throw new ModelError('DOCUMENT_EQUATION_MISSING', `the equation text of model ${m.name} has ${name}, which the model does not`, {
          equation: name,
        });
      seen.add(name);
      if (e.description) lines.push(`* ${e.description}`);
      lines.push(`${equationText(e)};`);
    }
    const block = `\`\`\`gams\n${lines.join('\n')}\n\`\`\``;
    parts.push(b.heading ? `### ${b.heading.charAt(0).toUpperCase()}${b.heading.slice(1)}\n\n${block}` : block);
  }
  const missing = m.equationList.filter((e) => !seen.has(e.name)).map((e) => e.name);
  if (missing.length)
    throw new ModelError('DOCUMENT_EQUATION_MISSING', `the equation text of model ${m.name} lacks ${missing.join(', ')}`, {
      equation: missing[0]!,
    });
  return parts.join('\n\n');
}

/** A statement's cases as one line of GAMS: `taum(i) = 0; taum(i)$(M0(i) <> 0) = Tm0(i)/M0(i);`. */
function statementText(s: CalibrationStatement | undefined): string {
  return s ? code(formatCalibration(s).join(' ')) : 'not stated';
}

function variablesSection(p: PreparedModel): string {
  const m = p.calibrated.model;
  const cal = p.calibrated.calibration;
  const rows = m.variableList.map((v) => {
    const lows = [...new Set(Array.from(v.lower, bound))];
    const fixed = v.fixed.reduce((s, f) => s + f, 0);
    const fix = calibrationOf(cal, 'fix', v.name);
    const fixText = fix ? `${statementText(fix)} (${fixed} of ${v.size} here)` : fixed ? `${fixed} of ${v.size}` : '';
    return [
      code(symbolText(v.name, v.domain)),
      v.description ?? '',
      statementText(calibrationOf(cal, 'level', v.name)),
      lows.join(', '),
      fixText,
    ];
  });
  return `## Variables\n\n${table(['variable', 'description', 'benchmark level', 'lower bound', 'fixed by the model'], rows)}`;
}

function calibrationSection(p: PreparedModel): string {
  const m = p.calibrated.model;
  const cal = p.calibrated.calibration;
  const data = (cal?.statements ?? []).filter((s) => s.kind === 'datum');
  const parts = ['## Calibration'];
  if (data.length) {
    parts.push(
      'Benchmark values, read from the SAM (`SAM(row,col)`: the payment of account `col` to account `row`) or derived from them, in the order the calibration makes them:',
      table(
        ['value', 'definition', 'description'],
        data.map((d) => [code(symbolText(d.name, d.domain)), statementText(d), d.description ?? '']),
      ),
    );
  }
  parts.push(
    'Parameters, with how the calibration sets each (a name that is not a symbol of the model is a key of the parameter file, written as a function of the element it is read for):',
    table(
      ['parameter', 'description', 'calibration'],
      m.parameterList.map((par) => [
        code(symbolText(par.name, par.domain)),
        par.description ?? '',
        statementText(calibrationOf(cal, 'parameter', par.name)),
      ]),
    ),
  );
  return parts.join('\n\n');
}

function parameterFileSection(doc: ModelDocumentation): string {
  const rows = doc.parameterFile.map((k) => [code(k.key), k.required ? 'yes' : 'no', k.default ?? '', k.description]);
  return `## Parameter file\n\n${table(['key', 'required', 'default', 'what it holds'], rows)}`;
}

function closureText(c: Closure, isDefault: boolean): string {
  const fixed = c.fix.map((f) => [
    code(symbolText(f.variable, f.index ?? [])),
    f.value === undefined ? 'its benchmark level' : String(f.value),
    f.reason ?? '',
  ]);
  const dropped = (c.drop ?? []).map((d) => [code(symbolText(d.equation, d.index ?? [])), d.reason ?? '']);
  return [
    `### ${code(c.name)}${isDefault ? ' (default)' : ''}`,
    c.description ?? '',
    table(['fixed', 'at', 'why'], fixed),
    dropped.length ? table(['equation dropped', 'why'], dropped) : 'No equation is dropped.',
  ]
    .filter(Boolean)
    .join('\n\n');
}

function closuresSection(p: PreparedModel): string {
  const c = p.calibrated;
  const names = Object.keys(c.closures).sort((a, b) => (a === c.defaultClosure ? -1 : b === c.defaultClosure ? 1 : a.localeCompare(b)));
  const intro =
    'A closure fixes variables and drops equations to make the system square; besides, the model fixes the elements listed under Variables. ' +
    "Every solve checks Walras' law — each dropped equation holds at the solution — and that the SAM the solution implies balances.";
  return ['## Closures', intro, ...names.map((n) => closureText(c.closures[n]!, n === c.defaultClosure))].join('\n\n');
}

/** A value of the assumptions file, compact: `0.7`, `AGR 2, MAN 2.5`. */
function assumptionValue(v: unknown): string {
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    return Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => `${k} ${x && typeof x === 'object' && !Array.isArray(x) ? `{${assumptionValue(x)}}` : assumptionValue(x)}`)
      .join(', ');
  }
  return Array.isArray(v) ? v.map(assumptionValue).join(', ') : typeof v === 'string' ? v : JSON.stringify(v);
}

function assumptionsSection(doc: ModelDocumentation, a: Readonly<Record<string, DocumentAssumption>>): string {
  const rows = Object.entries(a).map(([k, x]) => [code(k), assumptionValue(x.value), x.source]);
  return `## Outside assumptions\n\nThe data's outside assumptions (\`${doc.data.assumptions}\`), each with its source: values the databases rest on, not findings of digicge.\n\n${table(['assumption', 'value', 'source'], rows)}`;
}

/** The document of a model (see the module comment). */
export function modelDocument(input: ModelDocumentInput): string {
  const doc = documentationOf(input.definition);
  const p = input.prepared;
  const m = p.calibrated.model;
  const parts = [
    `<!-- Generated from the definition of model ${m.name} by \`digicge cge document --model ${input.definition.name}\`; do not edit by hand. -->`,
    `# ${doc.title}`,
    resolveReferences(m, doc.summary, 'the summary'),
    `Calibrated here to ${doc.data.label} (\`${doc.data.sam}\`${doc.data.params ? `, \`${doc.data.params}\`` : ''}); the sets' elements below are these data's. ${sizes(p)}`,
    setsSection(m),
    equationsSection(m, doc),
    variablesSection(p),
    calibrationSection(p),
    parameterFileSection(doc),
    closuresSection(p),
    ...doc.sections.map((s) => `## ${s.heading}\n\n${resolveReferences(m, s.text, `section "${s.heading}"`)}`),
    ...(input.assumptions ? [assumptionsSection(doc, input.assumptions)] : []),
    ...(doc.references.length ? [`## References\n\n${doc.references.map((r) => `- ${r}`).join('\n')}`] : []),
  ];
  return `${parts.join('\n\n')}\n`;
}
