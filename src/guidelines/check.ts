import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { DigicgeError } from '../errors.js';
import { clearAreaResolverCache, getAreaResolver } from './area-resolver.js';
import { clearCatalogueCache, loadCatalogue } from './catalogue.js';
import { clearClassificationCache, loadDigitalSectorClassification } from './classification.js';
import { checkCodeList, clearCodeListCache, loadCodeList } from './codelists.js';
import type { CodeList } from './generated/codelist.js';
import { readJsonFile } from './json-file.js';
import { guidelinesDir, packageRoot } from './paths.js';
import { clearDsdCache, loadDsd } from './dsd.js';
import { clearQualityRulesCache, loadQualityRules } from './quality.js';
import { renderGuideline } from './render/index.js';
import { brokenSchemas, checkAgainstSchema, resetSchemaRegistry, schemaNames, schemaRegistry } from './validate.js';

/** Outcome of checking one guideline file. */
export interface GuidelineFileCheck {
  /** Path relative to the package root, `/`-separated. */
  file: string;
  /** Schema it was validated against, if one applies. */
  schema?: string;
  /** ok, error (the file is invalid) or skipped (no schema applies to it). */
  status: 'ok' | 'error' | 'skipped';
  /** One-line problems, each with its JSON path. */
  problems: string[];
}

/** Folder under `guidelines/` → schema that validates every JSON file in it. */
const FOLDER_SCHEMA: Record<string, string> = {
  catalogue: 'catalogue',
  codelists: 'codelist',
  classification: 'digital-sectors',
  quality: 'quality-rules',
  dsd: 'dsd',
};

function jsonFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...jsonFiles(p));
    else if (name.endsWith('.json')) out.push(p);
  }
  return out;
}

function problemsOf(err: unknown): string[] {
  if (err instanceof DigicgeError) {
    const issues = (err as { issues?: readonly { jsonPath: string; message: string }[] }).issues;
    if (issues && issues.length) return issues.map((i) => `${i.jsonPath || '/'}: ${i.message}`);
    return [err.located()];
  }
  return [err instanceof Error ? err.message : String(err)];
}

function schemaFor(rel: string, value: unknown): string | undefined {
  const parts = rel.split('/');
  if (parts[1] === 'schemas') return undefined;
  const byFolder = FOLDER_SCHEMA[parts[1]];
  if (byFolder) return byFolder;
  const declared = (value as { $schema?: unknown } | null)?.$schema;
  if (typeof declared === 'string') {
    const name = declared.replace(/^.*\//, '').replace(/\.schema\.json$/, '');
    if (schemaNames().includes(name)) return name;
  }
  return undefined;
}

/**
 * Validates every JSON file of `guidelines/`: each schema compiles (all together, so `$ref`s between
 * them resolve), each data file satisfies its schema (chosen by folder, or by its `$schema`), and the
 * loaders' cross-checks pass (units, dimensions, code lists, split shares, area-code conflicts).
 * Caches are cleared first, so the files on disk are what is checked.
 */
export function checkGuidelineFiles(): GuidelineFileCheck[] {
  resetSchemaRegistry();
  clearCatalogueCache();
  clearCodeListCache();
  clearClassificationCache();
  clearQualityRulesCache();
  clearAreaResolverCache();
  clearDsdCache();
  const root = packageRoot();
  const results: GuidelineFileCheck[] = [];
  let registryOk = true;
  try {
    schemaNames();
  } catch (err) {
    registryOk = false;
    results.push({ file: 'guidelines/schemas', status: 'error', problems: problemsOf(err) });
  }
  const broken = registryOk ? brokenSchemas() : new Map();
  for (const abs of jsonFiles(guidelinesDir())) {
    const rel = relative(root, abs).split(sep).join('/');
    let value: unknown;
    try {
      value = readJsonFile(abs, rel);
    } catch (err) {
      results.push({ file: rel, status: 'error', problems: problemsOf(err) });
      continue;
    }
    if (rel.startsWith('guidelines/schemas/')) {
      const name = rel.replace(/^.*\//, '').replace(/\.schema\.json$/, '');
      const bad = broken.get(name);
      if (bad) {
        results.push({ file: rel, status: 'error', problems: problemsOf(bad) });
        continue;
      }
      try {
        // compile now, so that strict-mode problems and unresolved $refs show up here
        schemaRegistry().compile(name);
        results.push({ file: rel, status: registryOk ? 'ok' : 'error', problems: [] });
      } catch (err) {
        results.push({ file: rel, status: 'error', problems: problemsOf(err) });
      }
      continue;
    }
    const schema = registryOk ? schemaFor(rel, value) : undefined;
    if (!schema) {
      results.push({ file: rel, status: 'skipped', problems: ['no schema applies (no known folder and no known $schema)'] });
      continue;
    }
    const err = checkAgainstSchema(schema, value, rel);
    if (err) {
      results.push({ file: rel, schema, status: 'error', problems: problemsOf(err) });
      continue;
    }
    const problems: string[] = [];
    try {
      if (schema === 'codelist') checkCodeList(value as CodeList, rel, rel.replace(/^.*\//, '').replace(/\.json$/, ''));
    } catch (e) {
      problems.push(...problemsOf(e));
    }
    results.push({ file: rel, schema, status: problems.length ? 'error' : 'ok', problems });
  }
  // cross-file checks through the loaders
  const cross: [string, () => void][] = [
    ['guidelines/catalogue/indicators.json', () => void loadCatalogue()],
    ['guidelines/classification/digital-sectors.json', () => void loadDigitalSectorClassification()],
    ['guidelines/quality/rules.json', () => void loadQualityRules()],
    ['guidelines/dsd/DSD_DIGITAL.json', () => void loadDsd()],
    [
      'guidelines/codelists/CL_AREA.json',
      () => {
        loadCodeList('CL_AREA');
        const conflicts = getAreaResolver().conflicts();
        if (conflicts.length) {
          throw new DigicgeError(
            'AREA_CONFLICT',
            conflicts.map((c) => `${c.system} "${c.key}" is claimed by ${c.codes.join(' and ')}`).join('; '),
          );
        }
      },
    ],
  ];
  for (const [file, fn] of cross) {
    const r = results.find((x) => x.file === file);
    if (!r || r.status !== 'ok') continue;
    try {
      fn();
    } catch (err) {
      r.status = 'error';
      r.problems.push(...problemsOf(err));
    }
  }
  return results;
}

/**
 * Compares the rendered guideline with the documents in `dir` (default `docs/guideline`): the
 * chapters whose committed text differs from a fresh rendering, or that are missing.
 */
export function staleGuidelineDocs(dir: string = join(packageRoot(), 'docs', 'guideline')): string[] {
  const stale: string[] = [];
  for (const [name, text] of renderGuideline()) {
    let committed: string | undefined;
    try {
      committed = readFileSync(join(dir, name), 'utf8');
    } catch {
      committed = undefined;
    }
    if (committed !== text) stale.push(name);
  }
  return stale;
}
