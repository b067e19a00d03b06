import { Command, CommanderError } from 'commander';
import { DigicgeError } from '../errors.js';
import { registerAll, registerFor } from './commands/index.js';

/**
 * Builds the `digicge` command-line program: with `argv`, only what those arguments need (see
 * {@link registerFor}); without, every command in full.
 */
export async function buildProgram(argv?: readonly string[]): Promise<Command> {
  const program = new Command('digicge')
    .description(
      'digicge: ASEAN digital-economy statistics from national files to SAMs and CGE simulations of the digital divide',
    )
    .option('--debug', 'show stack traces on errors')
    .showHelpAfterError('(run with --help for usage)')
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
      // commander has already printed help or its own message
      return err.exitCode;
    }
    if (err instanceof DigicgeError) {
      process.stderr.write(`digicge: error: ${err.located()}\n`);
    } else {
      const message = err instanceof Error ? err.message : String(err);
      process.stderr.write(`digicge: internal error: ${message}\n`);
    }
    if (debug && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
    return err instanceof DigicgeError && err.code.startsWith('USAGE') ? 2 : 1;
  }
}
