import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { OutputError } from '../errors.js';

/** Name of the lock file a run holds in its output folder. */
export const LOCK_FILE = '.digicge-harmonise.lock';
const STAGING_PREFIX = '.digicge-staging-';

/** Whether process `pid` is alive on this machine. */
function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid written at the start of a lock file or a staging folder's name, or NaN. */
const pidOf = (text: string): number => Number.parseInt(text, 10);

/**
 * Removes what runs that died left in `dir`: their lock, staging folders and the temporary files
 * of atomic writes (`.<name>.<pid>.<hex>.tmp`), when their process is gone.
 */
function removeStale(dir: string): void {
  for (const name of readdirSync(dir)) {
    const staging = name.startsWith(STAGING_PREFIX) ? pidOf(name.slice(STAGING_PREFIX.length)) : NaN;
    const tmp = /^\..+\.(\d+)\.[0-9a-f]+\.tmp$/.exec(name);
    const pid = !Number.isNaN(staging) ? staging : tmp ? Number(tmp[1]) : NaN;
    if (!Number.isNaN(pid) && !alive(pid)) rmSync(join(dir, name), { recursive: true, force: true });
  }
}

/**
 * An output folder held by one run: a lock file (created exclusively, holding the pid), a staging
 * folder inside it where every output is written, then moved into place together by
 * {@link publish}. A run that fails before publishing leaves nothing in the folder.
 */
export class StagedOutput {
  /** Where the outputs are written before they are published. */
  readonly staging: string;
  private published = false;

  private constructor(readonly dir: string) {
    this.staging = join(dir, `${STAGING_PREFIX}${process.pid}-${randomBytes(4).toString('hex')}`);
    mkdirSync(this.staging);
  }

  /**
   * Takes the output folder: creates it, removes what dead runs left, and locks it.
   * @throws OutputError `OUTPUT_IN_USE` when another live run holds the folder
   */
  static open(dir: string): StagedOutput {
    mkdirSync(dir, { recursive: true });
    const lock = join(dir, LOCK_FILE);
    for (let attempt = 0; ; attempt++) {
      try {
        const fd = openSync(lock, 'wx');
        writeSync(fd, `${process.pid}\n`);
        closeSync(fd);
        break;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw err;
        let holder = NaN;
        try {
          holder = pidOf(readFileSync(lock, 'utf8'));
        } catch {
          /* vanished meanwhile */
        }
        if (alive(holder))
          throw new OutputError(
            'OUTPUT_IN_USE',
            `the output folder is in use by another harmonise run (process ${holder}); wait for it to finish or choose another --out`,
            { file: dir },
          );
        rmSync(lock, { force: true });
      }
    }
    removeStale(dir);
    return new StagedOutput(dir);
  }

  /** Path of an output in the staging folder. */
  staged(name: string): string {
    return join(this.staging, name);
  }

  /** Moves the staged outputs into the folder (each by an atomic rename) and returns their final paths. */
  publish(names: readonly string[]): string[] {
    const out = names.map((n) => {
      renameSync(this.staged(n), join(this.dir, n));
      return join(this.dir, n);
    });
    this.published = true;
    return out;
  }

  /** Removes the staging folder (and whatever a failed run left in it) and releases the lock. */
  close(): void {
    rmSync(this.staging, { recursive: true, force: true });
    rmSync(join(this.dir, LOCK_FILE), { force: true });
  }

  /** Whether {@link publish} ran. */
  get done(): boolean {
    return this.published;
  }
}
