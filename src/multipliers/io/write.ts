import { roundTripNumber } from '../../util/number-text.js';
/**
 * Writes multiplier results as CSV tables (atomically; LF line ends; shortest round-trip numbers,
 * `-0` written as `0`), so the same input gives byte-identical files; labels and other text go
 * through the shared CSV writer's formula neutralisation (`src/util/csv.ts`).
 * @module
 */
import { join } from 'node:path';
import type { Matrix } from '../../linalg/dense/index.js';
import { stableJson } from '../../guidelines/dataset.js';
import { writeFileAtomic } from '../../util/atomic-write.js';
import { csvText } from '../../util/csv.js';
import type { IoAnalysis } from '../analyse.js';
import type { IoData } from './io-table.js';
import type { SamMultipliers } from '../sam-multipliers.js';

const q = csvText;

/** A labelled matrix as CSV: header `,col1,col2…`, then one labelled row per matrix row. */
export function formatMatrixCsv(m: Matrix, rowLabels: readonly string[], colLabels: readonly string[]): string {
  const lines = [['', ...colLabels].map(q).join(',')];
  for (let i = 0; i < m.rows; i++) {
    const cells = [q(rowLabels[i])];
    for (let j = 0; j < m.cols; j++) cells.push(roundTripNumber(m.data[i * m.cols + j]));
    lines.push(cells.join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** Columns of equal length as CSV with a header (strings are quoted when needed). */
export function formatColumnsCsv(columns: readonly (readonly [string, ArrayLike<number | string>])[]): string {
  const n = columns.length ? columns[0][1].length : 0;
  const lines = [columns.map(([h]) => q(h)).join(',')];
  for (let i = 0; i < n; i++) {
    lines.push(columns.map(([, c]) => (typeof c[i] === 'number' ? roundTripNumber(c[i] as number) : q(String(c[i])))).join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** The headline figures of an IO analysis, as written to `summary.json` and printed by the CLI. */
export function ioSummary(io: IoData, a: IoAnalysis): Record<string, unknown> {
  const s: Record<string, unknown> = {
    analysis: 'leontief',
    sectors: a.sectors.length,
    ...(io.valueAddedConcept ? { valueAddedConcept: io.valueAddedConcept } : {}),
    notes: [...io.notes, ...a.notes],
    warnings: [...a.warnings],
    keySectors: a.sectors.filter((_, j) => a.linkages.classes[j] === 'key'),
    largestOutputMultiplier: (() => {
      let b = 0;
      a.outputTypeI.forEach((v, j) => (v > a.outputTypeI[b] ? (b = j) : 0));
      return { sector: a.sectors[b], value: a.outputTypeI[b] };
    })(),
  };
  if (a.digital && a.extraction) {
    s.digital = {
      directValueAdded: a.digital.direct,
      inducedValueAdded: a.digital.induced,
      totalValueAdded: a.digital.total,
      gdp: a.digital.gdp,
      shareOfGdp: a.digital.share,
      denominator: io.valueAddedConcept ?? 'total value added of the table (vᵀx)',
      extractionOutputLoss: a.extraction.outputLoss,
      extractionOutputLossShare: a.extraction.outputLossShare,
      extractionValueAddedLoss: a.extraction.valueAddedLoss,
      extractionValueAddedLossShare: a.extraction.valueAddedLossShare,
    };
  }
  return s;
}

/** Writes every table of an IO analysis into `dir`; returns the file names written (sorted). */
export async function writeIoAnalysis(dir: string, io: IoData, a: IoAnalysis): Promise<string[]> {
  const files: Record<string, string> = {};
  const sec = a.sectors;
  files['A.csv'] = formatMatrixCsv(a.A, sec, sec);
  if (a.L) files['L.csv'] = formatMatrixCsv(a.L, sec, sec);
  const cols: [string, ArrayLike<number | string>][] = [
    ['sector', sec],
    ['output_type_i', a.outputTypeI],
  ];
  if (a.typeII) cols.push(['output_type_ii', a.typeII.output]);
  if (a.income) cols.push(['income_simple', a.income.simple]);
  if (a.income?.typeI) cols.push(['income_type_i', a.income.typeI]);
  if (a.typeII) cols.push(['income_simple_closed', a.typeII.incomeSimple]);
  if (a.typeII?.incomeTypeII) cols.push(['income_type_ii', a.typeII.incomeTypeII]);
  if (a.employment) cols.push(['employment_simple', a.employment.simple]);
  if (a.employment?.typeI) cols.push(['employment_type_i', a.employment.typeI]);
  if (a.typeII?.employmentSimple) cols.push(['employment_simple_closed', a.typeII.employmentSimple]);
  if (a.typeII?.employmentTypeII) cols.push(['employment_type_ii', a.typeII.employmentTypeII]);
  cols.push(
    ['backward_linkage', a.linkages.backward],
    ['forward_linkage', a.linkages.forward],
    ['linkage_class', a.linkages.classes],
    ['value_added_coefficient', a.v],
    ['x', io.x],
    ['y', io.y],
  );
  files['multipliers.csv'] = formatColumnsCsv(cols);
  if (a.satellite) {
    files['satellite_S.csv'] = formatMatrixCsv(a.satellite.S, a.satellite.labels, sec);
    files['satellite_M.csv'] = formatMatrixCsv(a.satellite.M, a.satellite.labels, sec);
    files['satellite_D_cba.csv'] = formatMatrixCsv(a.satellite.Dcba, a.satellite.labels, sec);
  }
  if (a.extraction) {
    files['extraction.csv'] = formatColumnsCsv([
      ['sector', sec],
      ['x', a.extraction.x],
      ['x_after_extraction', a.extraction.xExtracted],
      ['digital_induced_output', a.digital!.inducedOutput],
    ]);
  }
  files['summary.json'] = stableJson(ioSummary(io, a));
  const names = Object.keys(files).sort();
  for (const f of names) await writeFileAtomic(join(dir, f), files[f]);
  return names;
}

/** The headline figures of SAM multipliers: column sums of Ma (total effect of an injection into each account). */
export function samSummary(r: SamMultipliers): Record<string, unknown> {
  const m = r.labels.length;
  const colSums: Record<string, number> = {};
  r.labels.forEach((l, j) => {
    let s = 0;
    for (let i = 0; i < m; i++) s += r.Ma.data[i * m + j];
    colSums[l] = s;
  });
  return { analysis: 'sam', endogenous: r.labels, blocks: r.blocks, multiplierColumnSums: colSums };
}

/** Writes the SAM multiplier tables into `dir`; returns the file names written (sorted). */
export async function writeSamMultipliers(dir: string, r: SamMultipliers): Promise<string[]> {
  const l = r.labels;
  const d = r.decomposition;
  const files: Record<string, string> = {
    'An.csv': formatMatrixCsv(r.An, l, l),
    'Ma.csv': formatMatrixCsv(r.Ma, l, l),
    'Ma1_transfer.csv': formatMatrixCsv(d.Ma1, l, l),
    'Ma2_open_loop.csv': formatMatrixCsv(d.Ma2, l, l),
    'Ma3_closed_loop.csv': formatMatrixCsv(d.Ma3, l, l),
    'additive_transfer.csv': formatMatrixCsv(d.additive.transfer, l, l),
    'additive_open_loop.csv': formatMatrixCsv(d.additive.openLoop, l, l),
    'additive_closed_loop.csv': formatMatrixCsv(d.additive.closedLoop, l, l),
    'summary.json': stableJson(samSummary(r)),
  };
  const names = Object.keys(files).sort();
  for (const f of names) await writeFileAtomic(join(dir, f), files[f]);
  return names;
}
