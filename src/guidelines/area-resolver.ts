import type { Code, CodeList } from './generated/codelist.js';
import { loadCodeList } from './codelists.js';

/** Code systems {@link AreaResolver.resolveArea} understands. */
export type AreaSystem =
  /** the guideline's own CL_AREA id (ISO3 for countries, ISO 3166-2 for provinces, WLD, ASEAN, M49_035…) */
  | 'id'
  /** ISO 3166-1 alpha-3 */
  | 'iso3'
  /** ISO 3166-1 alpha-2 */
  | 'iso2'
  /** UN M49 numeric (leading zeros optional) */
  | 'm49'
  /** Asian Development Bank economy code (INO, VIE, …) */
  | 'adb'
  /** World Bank codes: the three-letter WDI code or the two-character API id (1W, Z4, XD…) */
  | 'wb'
  /** ISO 3166-2 subdivision code (ID-JK) */
  | 'iso3166_2'
  /** code of the national statistical office (BPS province code 31…) */
  | 'nso'
  /** any name variant */
  | 'name';

/** Kind of area, as in CL_AREA. */
export type AreaType = 'country' | 'subnational' | 'aggregate';

/** A resolved area. */
export interface ResolvedArea {
  /** CL_AREA code. */
  code: string;
  /** country, subnational or aggregate. */
  type: AreaType;
  /** Preferred name. */
  name: string;
  /** Whether it is an ASEAN Member State, one of its provinces, or the ASEAN aggregate. */
  asean: boolean;
}

/** Result of {@link AreaResolver.lookup}: found, unknown, or ambiguous (with the candidates). */
export type AreaLookup =
  | { status: 'found'; area: ResolvedArea; system: AreaSystem }
  | { status: 'unknown' }
  | { status: 'ambiguous'; candidates: string[] };

/** Options of {@link AreaResolver.lookup}. */
export interface AreaLookupOptions {
  /** Source of the file (e.g. `owid`): its source-specific names are tried before the general ones. */
  source?: string;
  /** Restrict to areas whose parent is this code (e.g. `IDN` for BPS province codes). */
  parent?: string;
}

/**
 * Normalises a name for matching: Unicode NFKD, Latin diacritics removed, lower case, `&` read as
 * `and`, full stops and apostrophes dropped (`Lao P.D.R.` = `Lao PDR`, `People's` = `Peoples`),
 * every other run of punctuation or spaces turned into one space. Letters of other scripts (Thai,
 * Lao, Khmer, Myanmar, Chinese, Tamil) are kept.
 */
export function normaliseAreaName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[.'\u2018\u2019\u02bc`]/g, '')
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, ' ')
    .trim();
}

function normaliseCode(text: string): string {
  return text.trim().toUpperCase();
}

function normaliseM49(text: string): string | undefined {
  const t = text.trim();
  return /^\d{1,4}$/.test(t) ? String(Number(t)) : undefined;
}

const CODE_SYSTEMS: readonly AreaSystem[] = ['id', 'iso3', 'iso2', 'm49', 'adb', 'wb', 'iso3166_2'];

/**
 * Resolves the many ways real files name an area — ISO3, ISO2, M49, ADB and World Bank codes, ISO
 * 3166-2 province codes, and name variants in any spelling or language — to one CL_AREA code.
 * Matching ignores case, Latin diacritics and punctuation. An unknown or ambiguous text gives `null`:
 * the resolver never guesses.
 */
export class AreaResolver {
  private readonly byCode = new Map<string, Code>();
  private readonly index = new Map<AreaSystem, Map<string, Set<string>>>();
  private readonly sourceNames = new Map<string, Map<string, Set<string>>>();

  /** @param list the CL_AREA code list (defaults to the shipped one) */
  constructor(list: CodeList = loadCodeList('CL_AREA')) {
    for (const s of [...CODE_SYSTEMS, 'nso', 'name'] as AreaSystem[]) this.index.set(s, new Map());
    for (const c of list.codes) {
      this.byCode.set(c.id, c);
      this.add('id', normaliseCode(c.id), c.id);
      if (c.iso3) this.add('iso3', c.iso3, c.id);
      if (c.iso2) this.add('iso2', c.iso2, c.id);
      if (c.m49) this.add('m49', String(Number(c.m49)), c.id);
      if (c.adb) this.add('adb', c.adb, c.id);
      if (c.type !== 'subnational' && /^[A-Z]{3}$/.test(c.id)) this.add('wb', c.id, c.id);
      if (c.wb2) this.add('wb', c.wb2, c.id);
      else if (c.iso2 && c.type === 'country') this.add('wb', c.iso2, c.id);
      if (c.type === 'subnational' && /^[A-Z]{2}-[A-Z0-9]{1,3}$/.test(c.id)) this.add('iso3166_2', c.id, c.id);
      if (c.nso) this.add('nso', c.nso, c.id);
      for (const n of [c.name, ...(c.names ?? [])]) this.add('name', normaliseAreaName(n), c.id);
      for (const [src, names] of Object.entries(c.sourceNames ?? {})) {
        let m = this.sourceNames.get(src.toLowerCase());
        if (!m) this.sourceNames.set(src.toLowerCase(), (m = new Map()));
        for (const n of names) {
          const k = normaliseAreaName(n);
          let set = m.get(k);
          if (!set) m.set(k, (set = new Set()));
          set.add(c.id);
        }
      }
    }
  }

  private add(system: AreaSystem, key: string, id: string): void {
    if (!key) return;
    const m = this.index.get(system)!;
    let set = m.get(key);
    if (!set) m.set(key, (set = new Set()));
    set.add(id);
  }

  private keyFor(system: AreaSystem, text: string): string | undefined {
    if (system === 'm49') return normaliseM49(text);
    if (system === 'name') return normaliseAreaName(text);
    if (system === 'nso') return text.trim();
    return normaliseCode(text);
  }

  private filter(ids: Iterable<string>, options: AreaLookupOptions): string[] {
    const out = [...ids];
    return options.parent === undefined ? out : out.filter((id) => this.byCode.get(id)?.parent === options.parent);
  }

  private found(id: string, system: AreaSystem): AreaLookup {
    return { status: 'found', area: this.area(id)!, system };
  }

  /**
   * Looks `text` up and says what happened: found (with the system that matched), unknown, or
   * ambiguous (two areas claim it — e.g. a code that is one country's ADB code and another's ISO3).
   * @param input the code or name as it appears in the file (an integer is read as its digits)
   * @param system restrict to one code system; without it every code system is tried, then names
   */
  lookup(input: string | number, system?: AreaSystem, options: AreaLookupOptions = {}): AreaLookup {
    // spreadsheet cells give M49 codes as numbers
    const text = typeof input === 'number' && Number.isInteger(input) ? String(input) : input;
    if (typeof text !== 'string' || !text.trim()) return { status: 'unknown' };
    const systems = system ? [system] : CODE_SYSTEMS;
    const hits = new Map<string, AreaSystem>();
    for (const s of systems) {
      const key = this.keyFor(s, text);
      if (key === undefined) continue;
      for (const id of this.filter(this.index.get(s)!.get(key) ?? [], options)) if (!hits.has(id)) hits.set(id, s);
    }
    if (hits.size === 1) {
      const [[id, s]] = [...hits];
      return this.found(id, s);
    }
    if (hits.size > 1) return { status: 'ambiguous', candidates: [...hits.keys()].sort() };
    if (system && system !== 'name') return { status: 'unknown' };
    const key = normaliseAreaName(text);
    if (options.source) {
      const ids = this.filter(this.sourceNames.get(options.source.toLowerCase())?.get(key) ?? [], options);
      if (ids.length === 1) return this.found(ids[0], 'name');
      if (ids.length > 1) return { status: 'ambiguous', candidates: ids.sort() };
    }
    const ids = this.filter(this.index.get('name')!.get(key) ?? [], options);
    if (ids.length === 1) return this.found(ids[0], 'name');
    if (ids.length > 1) return { status: 'ambiguous', candidates: ids.sort() };
    return { status: 'unknown' };
  }

  /**
   * Resolves a code or name to `{code, type, name, asean}`, or `null` when it is unknown or
   * ambiguous. Never guesses.
   * @param text the code or name as it appears in the file
   * @param system restrict to one code system (see {@link AreaSystem})
   */
  resolveArea(text: string | number, system?: AreaSystem, options?: AreaLookupOptions): ResolvedArea | null {
    const r = this.lookup(text, system, options);
    return r.status === 'found' ? r.area : null;
  }

  /** The area with CL_AREA code `code`, or `undefined`. */
  area(code: string): ResolvedArea | undefined {
    const c = this.byCode.get(code);
    if (!c || !c.type) return undefined;
    return { code: c.id, type: c.type, name: c.name, asean: c.asean === true };
  }

  /** The full CL_AREA entry of `code` (all its codes and names), or `undefined`. */
  entry(code: string): Code | undefined {
    return this.byCode.get(code);
  }

  /** Keys that two different areas claim within one system (the guideline's own data must have none). */
  conflicts(): { system: AreaSystem; key: string; codes: string[] }[] {
    const out: { system: AreaSystem; key: string; codes: string[] }[] = [];
    for (const [system, m] of this.index) {
      if (system === 'nso') continue;
      for (const [key, set] of m) if (set.size > 1) out.push({ system, key, codes: [...set].sort() });
    }
    return out;
  }
}

let defaultResolver: AreaResolver | undefined;

/** The resolver over the shipped CL_AREA (built once). */
export function getAreaResolver(): AreaResolver {
  return (defaultResolver ??= new AreaResolver());
}

/** Shorthand for `getAreaResolver().resolveArea(text, system, options)`. */
export function resolveArea(text: string | number, system?: AreaSystem, options?: AreaLookupOptions): ResolvedArea | null {
  return getAreaResolver().resolveArea(text, system, options);
}

/** The ISO3 codes of the ASEAN Member States, from the ASEAN aggregate's members in CL_AREA. */
export function aseanMembers(): string[] {
  return [...(getAreaResolver().entry('ASEAN')?.members ?? [])];
}

/** Forgets the default resolver. */
export function clearAreaResolverCache(): void {
  defaultResolver = undefined;
}
