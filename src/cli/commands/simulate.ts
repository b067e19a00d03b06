/**
 * `digicge simulate`: digital-divide scenarios (stated in the guideline's indicators) on the ddcge
 * databases of the ASEAN Member States, with optional systematic sensitivity analysis.
 * Thin: parses options, calls `src/cge/digital`, prints.
 */
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';

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

function int(v: string | undefined, name: string): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new UsageError('USAGE_BAD_NUMBER', `--${name} must be a positive integer, got ${v}`);
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
    .requiredOption('--scenario <file...>', 'scenario file(s) (guidelines/schemas/digital-scenario.schema.json), e.g. datasets/ddcge/scenarios/rural-connectivity.json')
    .option('--country <ISO3|all>', 'member state(s), comma-separated, or "all" for the ten (default: THA, the default database)')
    .option('--database <dir>', 'directory of ddcge databases <dir>/<ISO3>/{sam.csv,params.json} (default: datasets/ddcge)')
    .option('--observations <csv>', 'harmonised observations.csv: rebuild the databases from the national SAMs with these observations')
    .option('--ssa <method>', 'sensitivity analysis: mc (Latin-hypercube Monte Carlo) or quadrature (Stroud order 3)')
    .option('--draws <n>', 'Monte Carlo draws (default: the scenario\'s, else 1000)')
    .option('--seed <s>', 'Monte Carlo seed (default: the scenario\'s, else 1)')
    .option('--workers <n>', 'worker threads for the SSA (default: the machine\'s parallelism)')
    .requiredOption('--out <dir>', 'output directory')
    .action(async (o: SimulateCliOptions) => {
      if (o.ssa !== undefined && o.ssa !== 'mc' && o.ssa !== 'quadrature') throw new UsageError('USAGE_BAD_SSA', `--ssa must be mc or quadrature, got ${o.ssa}`);
      const { simulateDigital } = await import('../../cge/digital/batch.js');
      const countries = o.country === undefined ? undefined : o.country === 'all' ? ('all' as const) : o.country.split(',').map((c) => c.trim().toUpperCase());
      let bar: { start(total: number, v: number, p?: object): void; update(v: number, p?: object): void; stop(): void } | undefined;
      let barLabel = '';
      const onProgress = process.stderr.isTTY
        ? async (label: string, done: number, total: number) => {
            if (!bar || label !== barLabel) {
              bar?.stop();
              const { default: cliProgress } = await import('cli-progress');
              bar = new cliProgress.SingleBar({ format: `SSA ${label} [{bar}] {value}/{total} draws`, stream: process.stderr }, cliProgress.Presets.shades_classic);
              bar.start(total, 0);
              barLabel = label;
            }
            bar.update(done);
            if (done === total) bar.stop();
          }
        : undefined;
      const draws = int(o.draws, 'draws');
      const seed = o.seed === undefined ? undefined : Number(o.seed);
      if (seed !== undefined && !Number.isInteger(seed)) throw new UsageError('USAGE_BAD_NUMBER', `--seed must be an integer, got ${o.seed}`);
      const workers = int(o.workers, 'workers');
      const out = await simulateDigital({
        scenarios: o.scenario,
        ...(countries ? { countries } : {}),
        ...(o.database ? { databaseDir: o.database } : {}),
        ...(o.observations ? { observations: o.observations } : {}),
        ...(o.ssa ? { ssa: o.ssa as 'mc' | 'quadrature' } : {}),
        ...(draws !== undefined ? { draws } : {}),
        ...(seed !== undefined ? { seed } : {}),
        ...(workers !== undefined ? { workers } : {}),
        outDir: o.out,
        ...(onProgress ? { onProgress: (l: string, d: number, t: number) => void onProgress(l, d, t) } : {}),
      });
      for (const s of out.summaries) console.log(s + '\n');
      for (const n of out.notCovered) console.log(`${n.area}: ${n.reason}`);
      for (const f of out.failed) console.log(`${f.area}, ${f.scenario}: not simulated (${f.code}) — ${f.reason}`);
      console.log(`wrote ${out.outputs.length} files to ${o.out}`);
    });
}
