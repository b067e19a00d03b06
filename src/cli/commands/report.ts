/**
 * `digicge report <dir>`: rebuilds the deliverables — report.html, results.xlsx, summary.md — from a
 * directory of stage outputs (the demo's output folder, or the outputs of the stage commands
 * gathered in one folder). Thin: checks the folder, calls `src/report`, prints what it wrote.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { InputError, UsageError } from '../../errors.js';
import { checkOutDir } from '../out-path.js';

/** What a pipeline folder may hold, as the report reads it. */
const STAGE_OUTPUTS = [
  'observations.csv',
  'divide/dispersion.csv',
  'sam/checks.csv',
  'multipliers/leontief/summary.json',
  'simulate/headline.csv',
] as const;

function parseDate(v: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v)))
    throw new UsageError('USAGE_BAD_DATE', `--created must be a date YYYY-MM-DD, got '${v}'`);
  return new Date(`${v}T00:00:00Z`);
}

/** Registers `digicge report`. */
export function register(program: Command): void {
  program
    .command('report')
    .description(
      'the HTML report, Excel workbook and summary from pipeline outputs: rebuilds report.html, results.xlsx and summary.md from a folder of stage outputs',
    )
    .argument(
      '<dir>',
      `folder of stage outputs (e.g. a demo output folder): ${STAGE_OUTPUTS.join(', ')}; method notes from method-notes.md`,
    )
    .option('--out <dir>', 'where to write the deliverables (default: <dir>)')
    .option('--notes <file>', 'method notes, a Markdown list, one "- " line per note (default: <dir>/method-notes.md)')
    .option('--created <date>', 'date of the workbook, YYYY-MM-DD (default: the data vintage, the latest release date in observations.csv)')
    .action(async (dir: string, o: { out?: string; notes?: string; created?: string }) => {
      if (!existsSync(dir) || !statSync(dir).isDirectory())
        throw new UsageError('USAGE_NO_FOLDER', 'no such folder of stage outputs', { file: dir });
      const found = STAGE_OUTPUTS.filter((f) => existsSync(join(dir, f)));
      if (found.length === 0) {
        throw new InputError(
          'REPORT_NO_STAGE_OUTPUTS',
          `the folder holds no stage output to report on (expected any of ${STAGE_OUTPUTS.join(', ')})`,
          { file: dir },
        );
      }
      const created = o.created === undefined ? undefined : parseDate(o.created);
      const out = o.out ?? dir;
      checkOutDir(out);
      const { readMethodNotes, writePipelineReport } = await import('../../report/index.js');
      const methodNotes = o.notes === undefined ? undefined : readMethodNotes(o.notes);
      const { doc, files } = await writePipelineReport(dir, {
        outDir: out,
        ...(methodNotes ? { methodNotes } : {}),
        ...(created ? { created } : {}),
      });
      process.stdout.write(`report of ${dir} from ${found.join(', ')}: ${doc.sections.length} sections\n`);
      for (const f of Object.values(files)) process.stdout.write(`wrote ${f}\n`);
    });
}
