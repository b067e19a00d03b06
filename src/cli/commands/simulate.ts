/**
 * `digicge simulate`: digital-divide scenarios (stated in the guideline's indicators) on the ddcge
 * databases of the ASEAN Member States, with optional systematic sensitivity analysis.
 * Thin: parses options, calls `src/cge/digital`, prints; exits non-zero when a run asked for was
 * not simulated.
 */
import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import { formatLocation, UsageError } from '../../errors.js';
import { checkOutDir } from '../out-path.js';
import type { ProgressBars } from '../progress.js';

interface SimulateCliOptions {
  scenario: string[];
  country?: string;
  database?: string;
  observations?: string;
  ssa?: string;
  draws?: string;
  seed?: string;
  workers?: string;
  out: string;
}

function int(v: string | undefined, name: string, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > max) {
    throw new UsageError(
      'USAGE_BAD_NUMBER',
      `--${name} must be a positive integer${max < Number.MAX_SAFE_INTEGER ? ` up to ${max}` : ''}, got ${v}`,
    );
  }
  return n;
}

/** Registers `simulate`. */
export function register(program: Command): void {
  program
    .command('simulate')
    .description(
      'Simulate digital-divide scenarios (rural connectivity, broadband investment, skills training, ICT tariffs…) with the ddcge model: ' +
        'benchmark replication, real GDP, EV per household group, income gaps, sectors, wages, the digital share of GDP, trade; optional SSA',
    )
    .requiredOption(
      '--scenario <file...>',
      'scenario file(s) (guidelines/schemas/digital-scenario.schema.json), e.g. datasets/ddcge/scenarios/rural-connectivity.json',
    )
    .option('--country <ISO3|all>', 'member state(s), comma-separated, or "all" for the ten (default: THA, the default database)')
    .option('--database <dir>', 'directory of ddcge databases <dir>/<ISO3>/{sam.csv,params.json} (default: datasets/ddcge)')
    .option('--observations <csv>', 'harmonised observations.csv: rebuild the databases from the national SAMs with these observations')
    .option('--ssa <method>', 'sensitivity analysis: mc (Latin-hypercube Monte Carlo) or quadrature (Stroud order 3)')
    .option('--draws <n>', "Monte Carlo draws (default: the scenario's, else 1000; at most 1000000)")
    .option('--seed <s>', "Monte Carlo seed (default: the scenario's, else 1)")
    .option('--workers <n>', 'worker threads for the SSA (default and upper bound: the cores available)')
    .requiredOption('--out <dir>', 'output directory')
    .action(async (o: SimulateCliOptions) => {
      if (o.ssa !== undefined && o.ssa !== 'mc' && o.ssa !== 'quadrature')
        throw new UsageError('USAGE_BAD_SSA', `--ssa must be mc or quadrature, got ${o.ssa}`);
      const { MAX_SSA_DRAWS } = await import('../../cge/ssa/sensitivity.js');
      const draws = int(o.draws, 'draws', MAX_SSA_DRAWS);
      const seed = o.seed === undefined ? undefined : Number(o.seed);
      if (seed !== undefined && !Number.isInteger(seed))
        throw new UsageError('USAGE_BAD_NUMBER', `--seed must be an integer, got ${o.seed}`);
      let workers = int(o.workers, 'workers');
      if (workers !== undefined && workers > availableParallelism()) {
        process.stderr.write(`note: --workers ${workers} capped at ${availableParallelism()}, the cores available\n`);
        workers = availableParallelism();
      }
      checkOutDir(o.out);
      const countries =
        o.country === undefined
          ? undefined
          : o.country === 'all'
            ? ('all' as const)
            : o.country.split(',').map((c) => c.trim().toUpperCase());
      const { simulateDigital } = await import('../../cge/digital/batch.js');
      const progress: ProgressBars | undefined =
        o.ssa && process.stderr.isTTY ? await (await import('../progress.js')).terminalProgress() : undefined;
      let out: Awaited<ReturnType<typeof simulateDigital>>;
      try {
        out = await simulateDigital({
          scenarios: o.scenario,
          ...(countries ? { countries } : {}),
          ...(o.database ? { databaseDir: o.database } : {}),
          ...(o.observations ? { observations: o.observations } : {}),
          ...(o.ssa ? { ssa: o.ssa as 'mc' | 'quadrature' } : {}),
          ...(draws !== undefined ? { draws } : {}),
          ...(seed !== undefined ? { seed } : {}),
          ...(workers !== undefined ? { workers } : {}),
          outDir: o.out,
          ...(progress ? { onProgress: progress.update } : {}),
        });
      } finally {
        progress?.stop();
      }
      for (const s of out.summaries) console.log(s + '\n');
      for (const n of out.notCovered) console.log(`${n.area}: not covered — ${n.reason}`);
      for (const f of out.failed)
        process.stderr.write(
          `digicge: error: ${formatLocation(f.location)}: ${f.area}, ${f.scenario}: not simulated — ${f.reason} [${f.code}]\n`,
        );
      console.log(`wrote ${out.outputs.length} files to ${o.out}`);
      // every run asked for must have run: a failed pair, or a member state named but not covered, is an error
      const missed = out.failed.length + (countries === 'all' ? 0 : out.notCovered.length);
      if (missed > 0) {
        process.stderr.write(
          `digicge: error: ${missed} of the runs asked for were not simulated (listed in ${o.out}/${out.failed.length ? 'failed.csv' : 'regional.csv'})\n`,
        );
        process.exitCode = 1;
      }
    });
}
