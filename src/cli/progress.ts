/**
 * Progress bars on a terminal for long runs (the sensitivity analysis): one bar per label, created
 * synchronously as progress arrives, so every bar that starts is stopped — a bar left running keeps
 * its redraw timer alive and the command would never exit.
 * @module
 */
import type { Writable } from 'node:stream';

/** Progress reporting for labelled tasks. */
export interface ProgressBars {
  /** Shows `done` of `total` for `label` (a new label closes the previous bar). */
  update(label: string, done: number, total: number): void;
  /** Closes the open bar, if any. Safe to call more than once. */
  stop(): void;
}

/**
 * Progress bars written to `stream` (default standard error). The bar module is loaded here, before
 * any progress is reported, so no bar is ever created after the run has ended.
 */
export async function terminalProgress(stream: Writable = process.stderr): Promise<ProgressBars> {
  const { default: cliProgress } = await import('cli-progress');
  let bar: InstanceType<typeof cliProgress.SingleBar> | undefined;
  let current = '';
  const stop = () => {
    bar?.stop();
    bar = undefined;
  };
  return {
    update(label, done, total) {
      if (!bar || label !== current) {
        stop();
        bar = new cliProgress.SingleBar(
          { format: `SSA ${label} [{bar}] {value}/{total} draws`, stream },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total, 0);
        current = label;
      }
      bar.update(done);
      if (done >= total) stop();
    },
    stop,
  };
}
