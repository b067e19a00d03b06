import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { InputError, UsageError } from '../../errors.js';
import { draftMapping } from '../../harmonise/draft/index.js';
import { upgradeMapping } from '../../harmonise/mapping-upgrade.js';
import { writeFileAtomic } from '../../util/atomic-write.js';

function readJson(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new InputError('FILE_NOT_FOUND', `cannot read mapping ${path}: ${(err as Error).message}`, { file: path }, { cause: err });
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new InputError('JSON_INVALID', `mapping ${path} is not valid JSON: ${(err as Error).message}`, { file: path }, { cause: err });
  }
}

/** Registers `digicge mapping draft` and `digicge mapping upgrade`. */
export function register(program: Command): void {
  const g = program.command('mapping').description('source mappings: draft one from a data file, upgrade an older one');

  g.command('draft')
    .description('draft a source mapping from a CSV or XLSX file, with a $comment on every guess')
    .argument('<file>', 'the data file')
    .requiredOption('--out <mapping.json>', 'where to write the draft mapping')
    .option('--sheet <sheet>', 'XLSX sheet name or 1-based position')
    .option('--indicator <code>', 'catalogue code of the values, when the file does not say')
    .option('--period <YYYY>', 'period of a table that has no year column')
    .option('--release-date <YYYY-MM-DD>', 'release date, when the file does not say')
    .action(async (file: string, opts: { out: string; sheet?: string; indicator?: string; period?: string; releaseDate?: string }) => {
      if (opts.releaseDate !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(opts.releaseDate))
        throw new UsageError('USAGE_BAD_DATE', `--release-date ${opts.releaseDate} is not a date YYYY-MM-DD`);
      const sheet = opts.sheet === undefined ? undefined : /^\d+$/.test(opts.sheet) ? Number(opts.sheet) : opts.sheet;
      const r = await draftMapping(file, {
        out: opts.out,
        ...(sheet !== undefined ? { sheet } : {}),
        ...(opts.indicator ? { indicator: opts.indicator } : {}),
        ...(opts.period ? { period: opts.period } : {}),
        ...(opts.releaseDate ? { releaseDate: opts.releaseDate } : {}),
      });
      await writeFileAtomic(opts.out, `${JSON.stringify(r.mapping, null, 2)}\n`);
      for (const line of r.summary) process.stdout.write(`${line}\n`);
      process.stdout.write(`wrote ${opts.out} (a draft: check every $comment)\n`);
    });

  g.command('upgrade')
    .description('rewrite a mapping in the current form of the schema (e.g. layout.timeColumns → layout.columns)')
    .argument('<mapping>', 'the mapping file')
    .option('--out <mapping.json>', 'where to write it (default: in place)')
    .action(async (path: string, opts: { out?: string }) => {
      const r = upgradeMapping(readJson(path), path);
      const out = opts.out ?? path;
      await writeFileAtomic(out, `${JSON.stringify(r.mapping, null, 2)}\n`);
      process.stdout.write(
        r.changes.length ? `${r.changes.join('\n')}\nwrote ${out}\n` : `${path} is already in the current form; wrote ${out}\n`,
      );
    });
}
