/**
 * The report stage as one step: from a directory of stage outputs (a demo output folder, or the
 * outputs of `digicge harmonise`, `divide`, `sam`, `multipliers` and `simulate` gathered in one
 * folder) to report.html, results.xlsx and summary.md. The demo and `digicge report <dir>` both
 * call it, so rebuilding a report from a demo folder gives the bytes the demo wrote.
 * @module
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../errors.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import type { ReportDocument } from './document.js';
import { buildPipelineReport } from './pipeline-report.js';
import { readStageCsv } from './read-csv.js';
import { scenarioSection } from './scenario-section.js';
import { cgeSheets, samSheets } from './workbook-appendix.js';
import { writeReport, type ReportFiles } from './write.js';

/** File of the method notes in a pipeline output folder: a Markdown list, one note per item. */
export const METHOD_NOTES_FILE = 'method-notes.md';

/** The README line of every pipeline workbook. */
const README_LINE = 'Every figure traces back to the national files: see the Provenance section of report.html.';

/** Options of {@link writePipelineReport}. */
export interface PipelineReportWriteOptions {
  /** Method notes; when given they are also written to `method-notes.md`, else read from it in `dir`. */
  methodNotes?: readonly string[];
  /** Where to write the deliverables (default: `dir`). */
  outDir?: string;
  /** Creation date of the workbook (default: the data vintage). */
  created?: Date;
}

/** Method notes as the Markdown list {@link METHOD_NOTES_FILE} holds. */
export function formatMethodNotes(notes: readonly string[]): string {
  return `# Method notes\n\n${notes.map((n) => `- ${n.replace(/\r?\n/g, ' ')}`).join('\n')}\n`;
}

/**
 * Reads {@link METHOD_NOTES_FILE}: every line starting with `- ` is a note.
 * @throws InputError `METHOD_NOTES_UNREADABLE`, or `METHOD_NOTES_EMPTY` when the file holds no `- ` item
 */
export function readMethodNotes(path: string): string[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new InputError(
      'METHOD_NOTES_UNREADABLE',
      `cannot read the method notes: ${(err as Error).message}`,
      { file: path },
      { cause: err },
    );
  }
  const notes = text
    .split(/\r?\n/)
    .filter((l) => l.startsWith('- '))
    .map((l) => l.slice(2).trim());
  if (notes.length === 0)
    throw new InputError('METHOD_NOTES_EMPTY', 'no method note: expected a Markdown list, one "- " line per note', { file: path });
  return notes;
}

/** The data vintage of a pipeline folder: the latest RELEASE_DATE of its harmonised observations, if any. */
export function dataVintage(dir: string): string | undefined {
  const p = join(dir, 'observations.csv');
  if (!existsSync(p)) return undefined;
  let latest: string | undefined;
  for (const r of readStageCsv(p))
    if (r.RELEASE_DATE && /^\d{4}-\d{2}-\d{2}$/.test(r.RELEASE_DATE) && (!latest || r.RELEASE_DATE > latest)) latest = r.RELEASE_DATE;
  return latest;
}

/**
 * Builds the pipeline report from the stage outputs in `dir` and writes its three renderings: the
 * report's sections, the workbook's own sheets (SAMs with totals and units, CGE sectors, factors and
 * trade), dated by the data vintage. Same folder, same bytes.
 * @returns the document and the files written (and the method-notes file when notes were given)
 */
export async function writePipelineReport(
  dir: string,
  options: PipelineReportWriteOptions = {},
): Promise<{ doc: ReportDocument; files: ReportFiles; notes?: string }> {
  const outDir = options.outDir ?? dir;
  const notesPath = join(dir, METHOD_NOTES_FILE);
  const methodNotes = options.methodNotes ? [...options.methodNotes] : existsSync(notesPath) ? readMethodNotes(notesPath) : [];
  const scenarios = await scenarioSection(join(dir, 'simulate'));
  const vintage = dataVintage(dir);
  const doc: ReportDocument = {
    ...buildPipelineReport(dir, { methodNotes, sections: scenarios ? [scenarios] : [] }),
    ...(vintage ? { vintage } : {}),
  };
  const files = await writeReport(outDir, doc, [README_LINE], {
    tables: cgeSheets(dir),
    sams: samSheets(dir),
    ...(options.created ? { created: options.created } : {}),
  });
  if (!options.methodNotes) return { doc, files };
  const notes = join(outDir, METHOD_NOTES_FILE);
  await writeFileAtomic(notes, formatMethodNotes(options.methodNotes));
  return { doc, files, notes };
}
