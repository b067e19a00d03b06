/**
 * `digicge guidelines readiness`: the readiness assessment of every Member State from harmonised
 * data — the matrix, the blocks of the CGE database, the ranked gaps — written as CSV, a Markdown
 * chapter and a workbook.
 * @module
 */
import { join } from 'node:path';
import { writeFileAtomic } from '../../util/atomic-write.js';
import { aseanMembers } from '../area-resolver.js';
import { assessBlocks, type BlockAssessment, type Gap, type GapSensitivityFile, rankGaps, readGapSensitivity } from './assess.js';
import { readReadinessInput } from './load.js';
import { type ReadinessCell, readinessMatrix, referenceYear } from './matrix.js';
import { readDatabaseProvenance } from './provenance.js';
import { blocksCsv, gapsCsv, matrixCsv, readinessMarkdown } from './render.js';
import { readinessWorkbook } from './workbook.js';

/** The whole assessment. */
export interface Readiness {
  /** How the input is named in the outputs. */
  inputLabel: string;
  observationCount: number;
  referenceYear: number;
  baseYear: string;
  areas: string[];
  blockIds: string[];
  matrix: ReadinessCell[];
  blocks: BlockAssessment[];
  gaps: Gap[];
  sensitivity: GapSensitivityFile | null;
  sensitivityFile: string;
}

/** Files of a readiness run, in the output folder. */
export const READINESS_FILES = [
  'readiness-blocks.csv',
  'readiness-gaps.csv',
  'readiness-matrix.csv',
  'readiness.md',
  'readiness.xlsx',
] as const;

/**
 * Assesses the data of `input` (observations.csv or asean.duckdb).
 * @param options.label how the input is named in the chapter (default: the path given)
 * @param options.year reference year (default: the latest observed year)
 */
export async function assessReadiness(input: string, options: { label?: string; year?: number } = {}): Promise<Readiness> {
  const data = await readReadinessInput(input);
  const prov = readDatabaseProvenance();
  const areas = aseanMembers().sort();
  const ref = options.year ?? referenceYear(data);
  const matrix = readinessMatrix(data, { areas, year: ref });
  const blocks = assessBlocks(areas, matrix, prov);
  const sensitivity = readGapSensitivity(prov);
  return {
    inputLabel: options.label ?? input,
    observationCount: data.observations.length,
    referenceYear: ref,
    baseYear: prov.database.baseYear,
    areas,
    blockIds: prov.blocks.map((b) => b.id),
    matrix,
    blocks,
    gaps: rankGaps(blocks, prov, sensitivity),
    sensitivity,
    sensitivityFile: prov.sensitivity.file,
  };
}

/** Writes the assessment into `outDir` (atomically); returns the paths written. */
export async function writeReadiness(outDir: string, r: Readiness): Promise<string[]> {
  const files: [string, string | Uint8Array][] = [
    ['readiness-blocks.csv', blocksCsv(r)],
    ['readiness-gaps.csv', gapsCsv(r)],
    ['readiness-matrix.csv', matrixCsv(r)],
    ['readiness.md', readinessMarkdown(r)],
    ['readiness.xlsx', await readinessWorkbook(r)],
  ];
  for (const [name, data] of files) await writeFileAtomic(join(outDir, name), data);
  return files.map(([name]) => join(outDir, name));
}
