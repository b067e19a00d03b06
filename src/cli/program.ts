import { Command, CommanderError } from 'commander';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DigicgeError } from '../errors.js';
import { packageRoot } from '../guidelines/paths.js';
import { registerAll, registerFor } from './commands/index.js';

/** Exit status of a run whose data or computation failed (the message names the file, row, column or JSON path). */
export const EXIT_DATA_ERROR = 1;
/** Exit status of a wrong command line: unknown command or option, missing or malformed argument (codes `USAGE_*`). */
export const EXIT_USAGE = 2;

const EXIT_HELP = `
Exit status:
  0  success
  ${EXIT_DATA_ERROR}  the data or a computation failed; the message names the file, row, column or JSON path
  ${EXIT_USAGE}  the command line is wrong: unknown command or option, missing or malformed argument
Messages start with "digicge:"; add --debug for a stack trace.`;

/** The version of the installed digicge (its package.json). */
export function digicgeVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}

/**
 * Builds the `digicge` command-line program: with `argv`, only what those arguments need (see
 * {@link registerFor}); without, every command in full.
 */
export async function buildProgram(argv?: readonly string[]): Promise<Command> {
  const program = new Command('digicge')
    .description('digicge: ASEAN digital-economy statistics from national files to SAMs and CGE simulations of the digital divide')
    .version(digicgeVersion(), '-V, --version', 'print the version of digicge')
    .option('--debug', 'show stack traces on errors')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ outputError: (text, write) => write(text.startsWith('error:') ? `digicge: ${text}` : text) })
    .addHelpText('after', EXIT_HELP)
    .exitOverride();
  if (argv) await registerFor(program, argv);
  else await registerAll(program);
  return program;
}

/**
 * Runs the CLI on `argv` (without the node and script entries) and returns the exit code.
 * A {@link DigicgeError} is printed as one located line; other errors as one line too, and the
 * stack trace only with `--debug`.
 */
export async function runCli(argv: readonly string[]): Promise<number> {
  const debug = argv.includes('--debug');
  try {
    const program = await buildProgram(argv);
    await program.parseAsync([...argv], { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      // commander has already printed the help, the version or its own message
      return err.exitCode === 0 ? 0 : EXIT_USAGE;
    }
    if (err instanceof DigicgeError) {
      process.stderr.write(`digicge: error: ${err.located()}\n`);
    } else {
      const message = err instanceof Error ? err.message : String(err);
      process.stderr.write(`digicge: internal error: ${message}\n`);
    }
    if (debug && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
    return err instanceof DigicgeError && err.code.startsWith('USAGE') ? EXIT_USAGE : EXIT_DATA_ERROR;
  }
}
