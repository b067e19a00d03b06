import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

let cachedRoot: string | undefined;

/**
 * The digicge package root: the nearest folder above this module whose `package.json` is named
 * `digicge`. Found from `import.meta.url`, so it is right whether the code runs from `src/` via tsx,
 * from a build, or from any working directory.
 */
export function packageRoot(): string {
  if (cachedRoot) return cachedRoot;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        const name = (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: unknown }).name;
        if (name === 'digicge') return (cachedRoot = dir);
      } catch {
        // an unreadable package.json is not ours: keep walking up
      }
    }
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  // Fall back to two levels above src/guidelines/ (the layout of the repository).
  return (cachedRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..'));
}

/** Folder of the machine-readable guideline (`<package root>/guidelines`). */
export function guidelinesDir(): string {
  return join(packageRoot(), 'guidelines');
}

/** Absolute path of a file inside the guideline folder, e.g. `guidelinePath('codelists', 'CL_SEX.json')`. */
export function guidelinePath(...parts: string[]): string {
  return join(guidelinesDir(), ...parts);
}

/** A path as shown in messages: relative to the package root when inside it, with `/` separators. */
export function displayPath(file: string): string {
  const rel = relative(packageRoot(), file);
  if (rel && !rel.startsWith('..') && !rel.startsWith(sep)) return rel.split(sep).join('/');
  return file;
}
