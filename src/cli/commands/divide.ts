import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { runDivide } from '../../divide/index.js';
import { checkOutDir } from '../out-path.js';

function num(name: string, v: string | undefined, integer: boolean): number | undefined {
  if (v === undefined) return undefined;
  const x = Number(v);
  if (!Number.isFinite(x) || (integer && !Number.isInteger(x))) {
    throw new UsageError('USAGE_BAD_NUMBER', `--${name} must be ${integer ? 'an integer' : 'a number'}, got ${JSON.stringify(v)}`);
  }
  return x;
}

/** A year option: an integer of at most four digits, as an annual TIME_PERIOD. */
function year(name: string, v: string): number {
  const y = num(name, v, true)!;
  if (y < 1 || y > 9999)
    throw new UsageError('USAGE_BAD_NUMBER', `--${name} must be a calendar year (1 to 9999), got ${JSON.stringify(v)}`);
  return y;
}

/** Registers `digicge divide`: digital-divide metrics from the harmonised observations. */
export function register(program: Command): void {
  program
    .command('divide')
    .description(
      'digital-divide metrics from harmonised observations: gaps, dispersion, convergence, distance to target, composite index with rank intervals (CSV tables + SVG charts)',
    )
    .argument('<observations>', 'harmonised observations.csv (SDMX-CSV 2.x, as written by `digicge harmonise`)')
    .requiredOption('--out <dir>', 'output folder')
    .option('--config <index.json>', 'composite-index configuration (default: guidelines/indices/asean-digital-access.json)')
    .option('--indicator <code>', 'indicator of the dispersion, convergence and distance tables', 'HH7')
    .option(
      '--target <level>',
      'target level for distance to target, in the indicator unit (below 100 for a percentage: a bounded trend reaches 100 only asymptotically)',
      '95',
    )
    .option('--from <year>', 'first year of dispersion, convergence and trend fits', '2000')
    .option('--project-to <year>', 'last year of the trend projections (projections.csv)', '2030')
    .option('--draws <n>', 'Monte Carlo draws of the rank intervals (default: the configuration, else 1000)')
    .option('--seed <n>', 'Monte Carlo seed (default: the configuration, else 1)')
    .action(
      async (
        observations: string,
        o: {
          out: string;
          config?: string;
          indicator: string;
          target: string;
          from: string;
          projectTo: string;
          draws?: string;
          seed?: string;
        },
      ) => {
        const draws = num('draws', o.draws, true);
        if (draws !== undefined && (draws < 1 || draws > 1_000_000))
          throw new UsageError('USAGE_BAD_NUMBER', `--draws must be from 1 to 1000000, got ${draws}`);
        checkOutDir(o.out);
        const r = await runDivide({
          observations,
          outDir: o.out,
          config: o.config,
          indicator: o.indicator,
          target: num('target', o.target, false),
          from: year('from', o.from),
          projectTo: year('project-to', o.projectTo),
          draws,
          seed: num('seed', o.seed, true),
          log: process.stderr.isTTY ? (l) => process.stderr.write(`${l}\n`) : undefined,
        });
        for (const n of r.notes) process.stdout.write(`note: ${n}\n`);
        process.stdout.write(`${r.summary}\nwrote ${r.outputs.length} files to ${o.out}: ${r.outputs.join(', ')}\n`);
      },
    );
}
