import type { Command } from 'commander';
import { join } from 'node:path';
import { runDemo } from '../../demo/run.js';
import { checkOutDir } from '../out-path.js';

/** Registers `digicge demo`: the whole pipeline on the embedded default data. */
export function register(program: Command): void {
  program
    .command('demo')
    .description('run the whole pipeline on the embedded default data and say where each deliverable is')
    .option('--out <dir>', 'output folder', 'digicge-demo')
    .action(async (opts: { out: string }) => {
      checkOutDir(opts.out);
      const started = Date.now();
      const results = await runDemo({ outDir: opts.out, onProgress: (line) => process.stderr.write(`${line}\n`) });
      const lines = [`digicge demo: ${((Date.now() - started) / 1000).toFixed(1)} s, output in ${opts.out}/`];
      for (const r of results) {
        lines.push(`  ${r.stage.padEnd(12)} ${r.status === 'done' ? r.summary : 'not built yet'}`);
        for (const f of r.outputs) lines.push(`      ${join(opts.out, f)}`);
      }
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}
