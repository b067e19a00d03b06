/** Entry point of the `digicge` command (see bin/digicge.js). */
import { runCli } from './program.js';

// Output piped into a program that stops reading (e.g. `| head`) ends the run quietly.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

const code = await runCli(process.argv.slice(2));
process.exitCode = code;
