/**
 * Early checks of the output paths a command is given, so that a run that cannot write its results
 * fails before it computes them, with the path and the reason (usage error, exit 2).
 * @module
 */
import { accessSync, constants, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from '../errors.js';

function existing(path: string): { path: string; dir: boolean } | undefined {
  try {
    return { path, dir: statSync(path).isDirectory() };
  } catch {
    return undefined;
  }
}

/** The nearest existing folder at or above `path`; a usage error when a file stands in the way. */
function nearestFolder(path: string, shown: string, option: string): string {
  let p = resolve(path);
  for (;;) {
    const e = existing(p);
    if (e?.dir) return p;
    if (e) {
      const what = p === resolve(shown) ? 'is a file, not a folder' : `cannot be written: ${p} is a file, not a folder`;
      throw new UsageError('USAGE_OUT_NOT_FOLDER', `${option} ${what}`, { file: shown });
    }
    const up = dirname(p);
    if (up === p) return p;
    p = up;
  }
}

function writable(folder: string, shown: string, option: string): void {
  try {
    accessSync(folder, constants.W_OK);
  } catch {
    throw new UsageError('USAGE_OUT_NOT_WRITABLE', `${option} is not writable: permission denied on ${folder}`, { file: shown });
  }
}

/**
 * Checks that `dir` is a folder, or can be created, and can be written in.
 * @param option the option's name for the message, e.g. `--out`
 * @throws UsageError `USAGE_OUT_NOT_FOLDER` (a file stands there) or `USAGE_OUT_NOT_WRITABLE`
 */
export function checkOutDir(dir: string, option = '--out'): void {
  writable(nearestFolder(dir, dir, option), dir, option);
}

/**
 * Checks that the output file `file` can be written: not a folder, and its folder can be created
 * and written in.
 * @throws UsageError `USAGE_OUT_IS_FOLDER`, `USAGE_OUT_NOT_FOLDER` or `USAGE_OUT_NOT_WRITABLE`
 */
export function checkOutFile(file: string, option = '--out'): void {
  if (existing(resolve(file))?.dir) throw new UsageError('USAGE_OUT_IS_FOLDER', `${option} is a folder, not a file`, { file });
  writable(nearestFolder(dirname(resolve(file)), file, option), file, option);
}
