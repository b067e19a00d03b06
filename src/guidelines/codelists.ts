import { existsSync, readdirSync } from 'node:fs';
import { InputError, SchemaError } from '../errors.js';
import type { Code, CodeList } from './generated/codelist.js';
import { displayPath, guidelinePath } from './paths.js';
import { readValidatedJson } from './validate.js';

export type { Code, CodeList } from './generated/codelist.js';

const cache = new Map<string, CodeList>();

/** Ids of the code lists shipped in `guidelines/codelists/` (`CL_AREA`, `CL_SEX`, …), sorted. */
export function listCodeLists(): string[] {
  return readdirSync(guidelinePath('codelists'))
    .filter((f) => /^CL_[A-Z0-9_]+\.json$/.test(f))
    .map((f) => f.replace(/\.json$/, ''))
    .sort();
}

/**
 * Checks what the schema cannot: unique code ids, the file name matches the `id`, parents exist,
 * standard SDMX codes (`sdmx`) that each name one code only.
 * @param cl a schema-valid code list
 * @param shown file to name in errors
 */
export function checkCodeList(cl: CodeList, shown: string, expectedId?: string): void {
  const issues: { jsonPath: string; message: string }[] = [];
  if (expectedId && cl.id !== expectedId)
    issues.push({ jsonPath: '/id', message: `is "${cl.id}" but the file is named ${expectedId}.json` });
  const ids = new Set<string>();
  cl.codes.forEach((c, i) => {
    if (ids.has(c.id)) issues.push({ jsonPath: `/codes/${i}/id`, message: `duplicate code "${c.id}"` });
    ids.add(c.id);
  });
  const sdmx = new Map<string, string>();
  cl.codes.forEach((c, i) => {
    if (c.sdmx === undefined) return;
    // a standard code read back must name one unit: not another code's id, not twice
    if ((ids.has(c.sdmx) && c.sdmx !== c.id) || sdmx.has(c.sdmx))
      issues.push({
        jsonPath: `/codes/${i}/sdmx`,
        message: `SDMX code "${c.sdmx}" would name ${sdmx.get(c.sdmx) ?? c.sdmx} as well as ${c.id}`,
      });
    sdmx.set(c.sdmx, c.id);
  });
  cl.codes.forEach((c, i) => {
    if (c.parent !== undefined && !ids.has(c.parent))
      issues.push({ jsonPath: `/codes/${i}/parent`, message: `parent "${c.parent}" is not a code of ${cl.id}` });
    for (const [j, m] of (c.members ?? []).entries()) {
      if (!ids.has(m)) issues.push({ jsonPath: `/codes/${i}/members/${j}`, message: `member "${m}" is not a code of ${cl.id}` });
    }
    (c.boundaryChanges ?? []).forEach((b, j) => {
      b.areas.forEach((a, k) => {
        if (!ids.has(a))
          issues.push({ jsonPath: `/codes/${i}/boundaryChanges/${j}/areas/${k}`, message: `area "${a}" is not a code of ${cl.id}` });
      });
    });
  });
  if (issues.length) {
    throw new SchemaError(`${shown}: ${issues[0].jsonPath} ${issues[0].message}`, { file: shown, jsonPath: issues[0].jsonPath }, issues);
  }
}

/**
 * Loads a code list of the guideline (`guidelines/codelists/<id>.json`), validated against
 * `codelist.schema.json` on first use and cached. Accepts `CL_SEX` or `SEX`.
 * @param id code-list id
 * @throws InputError `CODELIST_UNKNOWN` when no such list ships; SchemaError when the file is invalid
 */
export function loadCodeList(id: string): CodeList {
  const clId = id.startsWith('CL_') ? id : `CL_${id}`;
  const hit = cache.get(clId);
  if (hit) return hit;
  const file = guidelinePath('codelists', `${clId}.json`);
  if (!/^CL_[A-Z0-9_]+$/.test(clId) || !existsSync(file)) {
    throw new InputError('CODELIST_UNKNOWN', `no code list "${clId}" in the guideline; known: ${listCodeLists().join(', ')}`, {
      file: displayPath(file),
    });
  }
  const shown = displayPath(file);
  const cl = readValidatedJson<CodeList>('codelist', file, shown);
  checkCodeList(cl, shown, clId);
  cache.set(clId, cl);
  return cl;
}

/** The codes of a list as a map id → code (cached with the list). */
export function codeListMap(id: string): ReadonlyMap<string, Code> {
  const cl = loadCodeList(id);
  let m = codeMaps.get(cl);
  if (!m) {
    m = new Map(cl.codes.map((c) => [c.id, c]));
    codeMaps.set(cl, m);
  }
  return m;
}
const codeMaps = new WeakMap<CodeList, Map<string, Code>>();

/** Whether `code` is a code of list `id`. */
export function hasCodeInList(id: string, code: string): boolean {
  return codeListMap(id).has(code);
}

/** Forgets the cached code lists. */
export function clearCodeListCache(): void {
  cache.clear();
}
