import type { Command } from 'commander';

/** A top-level command: its name, a one-line summary for `digicge --help`, and its module, loaded on use. */
interface CommandEntry {
  name: string;
  summary: string;
  load: () => Promise<{ register(program: Command): void }>;
}

/**
 * The top-level commands in pipeline order. A command's module (and the stage it drives) is loaded
 * only when that command runs, so `digicge --help` and each command start quickly.
 */
export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'demo',
    summary: 'run the whole pipeline on the embedded default data and say where each deliverable is',
    load: () => import('./demo.js'),
  },
  {
    name: 'guidelines',
    summary: 'the ASEAN guideline: check its files, render its documents, resolve area codes',
    load: () => import('./guidelines.js'),
  },
  { name: 'mapping', summary: 'source mappings: draft one from a national file, upgrade an older one', load: () => import('./mapping.js') },
  {
    name: 'harmonise',
    summary: 'harmonise national files under the guideline: observations, rejects, quality report',
    load: () => import('./harmonise.js'),
  },
  { name: 'divide', summary: 'digital-divide metrics from harmonised observations', load: () => import('./divide.js') },
  { name: 'sam', summary: 'social accounting matrices: check, build, split, balance, convert', load: () => import('./sam.js') },
  {
    name: 'multipliers',
    summary: 'Leontief, Ghosh and SAM multipliers, linkages, digital-economy share',
    load: () => import('./multipliers.js'),
  },
  {
    name: 'cge',
    summary: 'computable general equilibrium models: calibrate to a SAM, check, solve scenarios',
    load: () => import('./cge.js'),
  },
  { name: 'simulate', summary: 'digital-divide scenarios on the economy-wide database', load: () => import('./simulate.js') },
  { name: 'report', summary: 'the HTML report, Excel workbook and summary from pipeline outputs', load: () => import('./report.js') },
];

/**
 * Registers what `argv` needs: the named command in full (loading its module), or, for the
 * top-level help and for an unknown command, every command's summary only.
 * @param argv the arguments after `digicge`
 */
export async function registerFor(program: Command, argv: readonly string[]): Promise<void> {
  const words = argv.filter((a) => !a.startsWith('-'));
  const name = words[0] === 'help' ? words[1] : words[0];
  const hit = COMMANDS.find((c) => c.name === name);
  if (hit) {
    (await hit.load()).register(program);
    return;
  }
  for (const c of COMMANDS) program.command(c.name).description(c.summary);
}

/** Registers every command in full (for documentation and tests of the whole command tree). */
export async function registerAll(program: Command): Promise<void> {
  for (const c of COMMANDS) (await c.load()).register(program);
}
