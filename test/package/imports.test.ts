/**
 * What loading digicge costs, read from the code rather than timed: the JavaScript that each module
 * compiles to (TypeScript's own transpiler, with this project's `verbatimModuleSyntax`) is scanned
 * for its static imports. Every package imported at run time must be a dependency (a consumer has
 * no devDependencies), and importing a stage must not load the heavy modules that only some of its
 * functions use (they are loaded on first use, `src/util/lazy-modules.ts`). The import times
 * themselves are measured by `npm run bench -- import`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const SRC = join(ROOT, 'src');
const PKG = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
/** Modules of more than a few megabytes that a stage loads only in the functions that use them. */
const HEAVY = ['exceljs', 'vega', 'vega-lite', 'mathjs', 'json-schema-to-typescript'];
const STAGES = [
  'errors.ts',
  'index.ts',
  ...readdirSync(SRC, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => `${d.name}/index.ts`),
].filter((f) => !f.startsWith('guidelines/generated') && !f.startsWith('cli/'));

const cache = new Map<string, string[]>();
/** The specifiers a module imports statically at run time (type-only imports are gone after emit). */
function runtimeImports(file: string): string[] {
  let hit = cache.get(file);
  if (hit) return hit;
  const out = ts.transpileModule(readFileSync(file, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true },
    fileName: file,
  }).outputText;
  hit = [...out.matchAll(/^\s*(?:import|export)\s+(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
  cache.set(file, hit);
  return hit;
}

const packageOf = (spec: string): string => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
const isBuiltin = (spec: string): boolean => spec.startsWith('node:') || builtinModules.includes(spec);
const toTs = (from: string, spec: string): string => resolve(dirname(from), spec).replace(/\.js$/, '.ts');

/** Every package the module graph from `entry` loads statically, each with the chain of files that leads to it. */
function packagesReached(entry: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const seen = new Set<string>();
  const walk = (file: string, chain: string[]): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const spec of runtimeImports(file)) {
      if (spec.startsWith('.')) walk(toTs(file, spec), [...chain, relative(SRC, file)]);
      else if (!isBuiltin(spec) && !found.has(packageOf(spec))) found.set(packageOf(spec), [...chain, relative(SRC, file)]);
    }
  };
  walk(join(SRC, entry), []);
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => join(e.parentPath, e.name));
}

describe('imports of the library', () => {
  it('imports at run time only node built-ins and the dependencies of package.json', () => {
    const wrong = sourceFiles(SRC).flatMap((f) =>
      runtimeImports(f)
        .filter((s) => !s.startsWith('.') && !isBuiltin(s) && !(packageOf(s) in PKG.dependencies))
        .map((s) => `${relative(ROOT, f)} imports ${s}, which is not in "dependencies"`),
    );
    expect(wrong).toEqual([]);
  });

  it.each(STAGES)('importing src/%s loads none of the heavy modules until a function needs it', (entry) => {
    const reached = packagesReached(entry);
    const heavy = HEAVY.filter((p) => reached.has(p)).map((p) => `${p} via ${reached.get(p)!.join(' → ')}`);
    expect(heavy).toEqual([]);
  });
});
