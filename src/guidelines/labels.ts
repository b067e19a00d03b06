import { normaliseAreaName } from './area-resolver.js';
import { loadCodeList } from './codelists.js';

const indexes = new Map<string, Map<string, Set<string>>>();

/** Normalised form of a label for matching: case, Latin diacritics and punctuation ignored (`Perkotaan+Perdesaan` = `perkotaan perdesaan`). */
export function normaliseLabel(text: string): string {
  return normaliseAreaName(text);
}

function index(listId: string): Map<string, Set<string>> {
  let ix = indexes.get(listId);
  if (ix) return ix;
  ix = new Map();
  const add = (text: string, code: string): void => {
    const k = normaliseLabel(text);
    if (!k) return;
    let set = ix!.get(k);
    if (!set) ix!.set(k, (set = new Set()));
    set.add(code);
  };
  for (const c of loadCodeList(listId).codes) {
    add(c.name, c.id);
    for (const n of c.names ?? []) add(n, c.id);
    for (const labels of Object.values(c.labels ?? {})) for (const l of labels) add(l, c.id);
  }
  indexes.set(listId, ix);
  return ix;
}

/**
 * The code of list `listId` a text stands for: the code itself (exact), or a code whose name, name
 * variants or national-language labels (e.g. `Perkotaan`, `นอกเขตเทศบาล`, `Thành thị`, `Luar
 * Bandar`) match it, ignoring case, Latin diacritics and punctuation. `undefined` when no code or
 * more than one code claims the text: the guideline never guesses.
 * @param listId code list, e.g. CL_URBANISATION
 * @param text the header or cell text
 */
export function codeForLabel(listId: string, text: string): string | undefined {
  const t = text.trim();
  if (!t) return undefined;
  if (loadCodeList(listId).codes.some((c) => c.id === t)) return t;
  const hit = index(listId).get(normaliseLabel(t));
  return hit && hit.size === 1 ? [...hit][0] : undefined;
}

/** Forgets the label indexes (after the code lists change). */
export function clearLabelIndexes(): void {
  indexes.clear();
}
