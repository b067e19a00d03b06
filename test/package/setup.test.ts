/**
 * Set-up without side effects, as far as it can be read from the files: `npm install` in a clone
 * runs no script of digicge's (no apt-get, no kernel registration), and the lockfile already holds
 * every entry npm wants on any platform, so `npm install` leaves it as committed and `npm ci`
 * works on Linux, macOS and Windows. (.ci/run checks the rest on a clean clone: `git status` empty
 * after `npm install`, the user's Jupyter kernel unchanged.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
interface LockEntry {
  version?: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
  lockfileVersion: number;
  packages: Record<string, LockEntry>;
};

describe('set-up without side effects', () => {
  it('package.json has no script that npm runs on install', () => {
    const onInstall = ['preinstall', 'install', 'postinstall', 'prepare', 'preprepare', 'postprepare', 'prepublish'];
    expect(onInstall.filter((s) => s in pkg.scripts)).toEqual([]);
  });

  it('the lockfile records exactly the dependencies of package.json', () => {
    const root = lock.packages['']!;
    expect(root.dependencies ?? {}).toEqual(pkg.dependencies);
    expect(root.devDependencies ?? {}).toEqual(pkg.devDependencies);
  });

  it('the lockfile holds the platform packages of every optional dependency, so no platform adds lines', () => {
    const missing: string[] = [];
    for (const [path, entry] of Object.entries(lock.packages)) {
      for (const dep of Object.keys(entry.optionalDependencies ?? {})) {
        // npm looks a dependency up in the package's own node_modules, then in each folder above.
        const parts = path.split('/node_modules/');
        const candidates = parts.map((_, k) =>
          `${parts.slice(0, parts.length - k).join('/node_modules/')}/node_modules/${dep}`.replace(/^\/node_modules\//, 'node_modules/'),
        );
        if (!candidates.some((c) => c in lock.packages) && !(`node_modules/${dep}` in lock.packages))
          missing.push(`${path || '(root)'} → ${dep}`);
      }
    }
    expect(missing, 'run `npm install` with npm 11 and commit package-lock.json').toEqual([]);
  });
});
