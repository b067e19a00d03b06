import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { defaultMappings, harmonise } from '../../harmonise/index.js';
import { checkOutDir } from '../out-path.js';

/** Registers `digicge harmonise`: mapping files in, harmonised SDMX-CSV dataset and reports out. */
export function register(program: Command): void {
  program
    .command('harmonise')
    .description(
      'harmonise national statistics files to the ASEAN guideline: observations.csv (SDMX-CSV 2.0), rejects.csv, conflicts.csv, quality.md',
    )
    .option('--mapping <file...>', 'source mapping file(s) (guidelines/schemas/source-mapping.schema.json)')
    .option('--default', 'use the mappings of the shipped datasets (WDI, OWID)')
    .requiredOption('--out <dir>', 'output folder')
    .action(async (opts: { mapping?: string[]; default?: boolean; out: string }) => {
      const mappings = [...(opts.default ? defaultMappings() : []), ...(opts.mapping ?? [])];
      if (mappings.length === 0) throw new UsageError('USAGE_NO_MAPPING', 'give at least one --mapping <file> (or --default)');
      checkOutDir(opts.out);
      const r = await harmonise({ mappings, outDir: opts.out });
      for (const c of r.counts.sources) {
        const f = Object.values(c.filtered).reduce((a, b) => a + b, 0);
        process.stdout.write(
          `${c.sourceId} (${c.releaseDate}): ${c.cells} cells → ${c.observations} observations, ${c.rejected} rejected, ${f} filtered\n`,
        );
      }
      const w = r.written!;
      process.stdout.write(
        `${r.summary}\nread back: ${w.observations} observation rows, ${w.keys} distinct keys, ${w.areas.length} areas, ${w.rejectedCells} rejected cells, ${w.conflicts} conflicts (equal to the ledger)\nwrote ${[r.outputs!.observations, r.outputs!.rejects, r.outputs!.conflicts, r.outputs!.quality, r.outputs!.database, r.outputs!.parquet].filter(Boolean).join(', ')}\n`,
      );
    });
}
