import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { type AccountGroup, isAccountGroup } from '../../sam/groups.js';
import { checkSam } from '../../sam/check.js';
import { formatSamCheck } from '../../sam/check-format.js';
import { readSam } from '../../sam/io/read.js';
import { writeSam } from '../../sam/io/write.js';

function parseNumber(name: string, v: string): number {
  const x = Number(v);
  if (v.trim() === '' || !Number.isFinite(x)) throw new UsageError('USAGE_BAD_OPTION', `${name} must be a finite number, got '${v}'`);
  return x;
}

/** Parses repeated `--group LABEL=GROUP` and an optional `--groups file.json` into a groups map. */
async function groupsOption(opts: { group?: string[]; groups?: string }): Promise<Record<string, AccountGroup> | undefined> {
  const out: Record<string, AccountGroup> = {};
  if (opts.groups) {
    const doc = JSON.parse(await readFile(opts.groups, 'utf8')) as unknown;
    if (!doc || typeof doc !== 'object' || Array.isArray(doc)) {
      throw new UsageError('USAGE_BAD_OPTION', `--groups file must hold an object {label: group}`, { file: opts.groups });
    }
    for (const [k, g] of Object.entries(doc as Record<string, unknown>)) {
      if (typeof g !== 'string' || !isAccountGroup(g)) {
        throw new UsageError('USAGE_BAD_OPTION', `unknown group '${String(g)}' for account '${k}'`, { file: opts.groups, jsonPath: `/${k}` });
      }
      out[k] = g;
    }
  }
  for (const spec of opts.group ?? []) {
    const eq = spec.lastIndexOf('=');
    const label = spec.slice(0, eq);
    const g = spec.slice(eq + 1);
    if (eq <= 0 || !isAccountGroup(g)) {
      throw new UsageError('USAGE_BAD_OPTION', `--group expects LABEL=GROUP with a group among activity, commodity, factor, household, enterprise, government, tax, savings-investment, rest-of-world, margin, other; got '${spec}'`);
    }
    out[label] = g;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

const collect = (v: string, prev: string[] = []) => [...prev, v];

/** Adds the sub-commands of `digicge sam` to `samCmd` (check, convert, aggregate, split, build, …). */
export function addSamCommands(samCmd: Command): void {
  samCmd
    .command('check')
    .description('check a SAM: row/column balance per account, negative cells, empty accounts, GDP from production, income and expenditure')
    .argument('<file>', 'SAM file (.csv, .xlsx, .json, .gms/.inc)')
    .option('--tolerance <x>', 'allowed |row − column| relative to the largest account total', '1e-6')
    .option('--absolute', 'read --tolerance as an absolute difference in the SAM unit')
    .option('--group <label=group>', 'set an account group (repeatable), e.g. --group BRD=activity', collect)
    .option('--groups <file>', 'JSON object {label: group} of account groups')
    .option('--json', 'print the report as JSON')
    .action(async (file: string, opts: { tolerance: string; absolute?: boolean; group?: string[]; groups?: string; json?: boolean }) => {
      const tolerance = parseNumber('--tolerance', opts.tolerance);
      if (tolerance < 0) throw new UsageError('USAGE_BAD_OPTION', `--tolerance must not be negative, got ${tolerance}`);
      const groups = await groupsOption(opts);
      const sam = await readSam(file, groups ? { groups } : {});
      const report = checkSam(sam, { tolerance, absolute: opts.absolute === true });
      process.stdout.write(opts.json ? `${JSON.stringify(report, null, 2)}\n` : formatSamCheck(report, file));
      if (!report.balanced) process.exitCode = 1;
    });

  samCmd
    .command('convert')
    .description('convert a SAM between CSV, XLSX, JSON and GAMS include files (format from the extensions)')
    .argument('<in>', 'input SAM file')
    .argument('<out>', 'output SAM file')
    .option('--group <label=group>', 'set an account group (repeatable)', collect)
    .option('--groups <file>', 'JSON object {label: group} of account groups')
    .action(async (input: string, output: string, opts: { group?: string[]; groups?: string }) => {
      const groups = await groupsOption(opts);
      const sam = await readSam(input, groups ? { groups } : {});
      await writeSam(output, sam);
      process.stdout.write(`wrote ${output} (${sam.n} accounts)\n`);
    });
}

/** Registers the `digicge sam` command group. */
export function register(program: Command): void {
  const samCmd = program
    .command('sam')
    .description('social accounting matrices: check, convert, aggregate, split, build');
  addSamCommands(samCmd);
}
