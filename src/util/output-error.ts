/**
 * Typed errors for outputs that cannot be written: the file system's error codes turned into a
 * message a person can act on, located at the path that could not be written.
 * @module
 */
import { DigicgeError, OutputError } from '../errors.js';

const REASONS: Readonly<Record<string, string>> = {
  EEXIST: 'a file stands where a folder is needed',
  ENOTDIR: 'a file stands where a folder is needed',
  EISDIR: 'a folder stands where the output file goes',
  EACCES: 'permission denied: the folder is not writable',
  EPERM: 'permission denied: the folder is not writable',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is exhausted',
  ENAMETOOLONG: 'the path is too long',
};

/**
 * The error to throw when writing `path` failed with `err`: an {@link OutputError}
 * `OUTPUT_NOT_WRITABLE` naming the path and the reason. Only file-system errors (with an errno
 * code) are turned; any other error (a {@link DigicgeError}, a bug) passes unchanged.
 */
export function outputWriteError(err: unknown, path: string): unknown {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (err instanceof DigicgeError || !(err instanceof Error) || typeof code !== 'string' || !/^E[A-Z]+$/.test(code)) return err;
  const reason = REASONS[code] ?? err.message;
  return new OutputError('OUTPUT_NOT_WRITABLE', `cannot write the output: ${reason} (${code})`, { file: path }, { cause: err });
}
