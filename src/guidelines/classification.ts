import { SchemaError } from '../errors.js';
import type { Concordance, ConcordanceEntry, DigitalSectorClassification, Split } from './generated/digital-sectors.js';
import { displayPath, guidelinePath } from './paths.js';
import { readValidatedJson } from './validate.js';

export type {
  Category,
  Concordance,
  ConcordanceEntry,
  DigitalSector,
  DigitalSectorClassification,
  IsicClass,
  ShareSource,
  Split,
} from './generated/digital-sectors.js';

/** Options of {@link loadDigitalSectorClassification}. */
export interface LoadClassificationOptions {
  /** Another classification file to load instead of the shipped one (not cached). */
  file?: string;
}

let cached: DigitalSectorClassification | undefined;

/**
 * Checks the rules the schema cannot state: unique ISIC classes, digital-sector ids and
 * concordance sectors; every referenced digital sector exists; a mixed sector's shares sum to at
 * most 1 (the remainder stays in the sector), also for every area override.
 * @throws SchemaError listing every issue with its JSON path
 */
export function checkDigitalSectorClassification(c: DigitalSectorClassification, shown: string): void {
  const issues: { jsonPath: string; message: string }[] = [];
  const isic = new Set<string>();
  c.isic.forEach((x, i) => {
    if (isic.has(x.code)) issues.push({ jsonPath: `/isic/${i}/code`, message: `duplicate ISIC class ${x.code}` });
    isic.add(x.code);
  });
  const sectors = new Set<string>();
  c.digitalSectors.forEach((d, i) => {
    if (sectors.has(d.id)) issues.push({ jsonPath: `/digitalSectors/${i}/id`, message: `duplicate digital sector ${d.id}` });
    sectors.add(d.id);
  });
  const concIds = new Set<string>();
  c.concordances.forEach((conc, i) => {
    if (concIds.has(conc.id)) issues.push({ jsonPath: `/concordances/${i}/id`, message: `duplicate concordance ${conc.id}` });
    concIds.add(conc.id);
    const seen = new Set<string>();
    conc.entries.forEach((e, j) => {
      const at = `/concordances/${i}/entries/${j}`;
      if (seen.has(e.sector))
        issues.push({ jsonPath: `${at}/sector`, message: `sector ${e.sector} has more than one entry in ${conc.id}` });
      seen.add(e.sector);
      if (e.digitalSector !== undefined && !sectors.has(e.digitalSector)) {
        issues.push({ jsonPath: `${at}/digitalSector`, message: `"${e.digitalSector}" is not a digital sector` });
      }
      if (e.status === 'mixed' && !e.splits?.length)
        issues.push({ jsonPath: `${at}/splits`, message: 'a mixed sector needs at least one split' });
      if (e.status === 'digital' && e.digitalSector === undefined)
        issues.push({ jsonPath: `${at}/digitalSector`, message: 'a digital sector must name its digital sector' });
      if (e.status !== 'mixed' && e.splits?.length)
        issues.push({ jsonPath: `${at}/splits`, message: `only a mixed sector has splits (status is ${e.status})` });
      const splits = e.splits ?? [];
      splits.forEach((s, k) => {
        if (!sectors.has(s.digitalSector))
          issues.push({ jsonPath: `${at}/splits/${k}/digitalSector`, message: `"${s.digitalSector}" is not a digital sector` });
      });
      const total = splits.reduce((a, s) => a + s.share, 0);
      if (total > 1 + 1e-12) issues.push({ jsonPath: `${at}/splits`, message: `shares sum to ${total}, more than 1` });
      const areas = new Set(splits.flatMap((s) => Object.keys(s.byArea ?? {})));
      for (const area of areas) {
        const t = splits.reduce((a, s) => a + (s.byArea?.[area] ?? s.share), 0);
        if (t > 1 + 1e-12) issues.push({ jsonPath: `${at}/splits`, message: `shares for ${area} sum to ${t}, more than 1` });
      }
    });
  });
  if (issues.length) {
    throw new SchemaError(
      `${shown}: ${issues[0].jsonPath} ${issues[0].message}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''}`,
      { file: shown, jsonPath: issues[0].jsonPath },
      issues,
    );
  }
}

/**
 * Loads the digital-sector classification (`guidelines/classification/digital-sectors.json`),
 * validated against its schema and {@link checkDigitalSectorClassification} on first use, then cached.
 */
export function loadDigitalSectorClassification(options: LoadClassificationOptions = {}): DigitalSectorClassification {
  if (options.file === undefined && cached) return cached;
  const file = options.file ?? guidelinePath('classification', 'digital-sectors.json');
  const shown = options.file ?? displayPath(file);
  const c = readValidatedJson<DigitalSectorClassification>('digital-sectors', file, shown);
  checkDigitalSectorClassification(c, shown);
  if (options.file === undefined) cached = c;
  return c;
}

/** The concordance with id `id` (e.g. `ADB_MRIO35`, `THAI_SAM_2006`), or `undefined`. */
export function getConcordance(id: string): Concordance | undefined {
  return loadDigitalSectorClassification().concordances.find((c) => c.id === id);
}

/** The entry of `sector` (e.g. `c27`, `A-TransComm`) in concordance `id`, or `undefined`. */
export function getConcordanceEntry(id: string, sector: string): ConcordanceEntry | undefined {
  return getConcordance(id)?.entries.find((e) => e.sector === sector);
}

/** A split share resolved for one area: the value, and the split it comes from (with its source). */
export interface ResolvedSplit {
  /** Digital sector receiving the share. */
  digitalSector: string;
  /** Fraction in [0, 1]. */
  share: number;
  /** Whether an area-specific value was used. */
  areaSpecific: boolean;
  /** The split record (basis, source, note). */
  split: Split;
}

/**
 * The digital splits of a mixed sector for an area (area overrides when present, else the default
 * share). A digital sector gives one split of share 1; a non-digital sector gives none.
 * @param concordanceId e.g. `ADB_MRIO35`
 * @param sector the table's sector code, e.g. `c14`
 * @param area CL_AREA code for area-specific shares
 */
export function splitsFor(concordanceId: string, sector: string, area?: string): ResolvedSplit[] {
  const e = getConcordanceEntry(concordanceId, sector);
  if (!e) return [];
  if (e.status === 'digital' && e.digitalSector) {
    return [
      {
        digitalSector: e.digitalSector,
        share: 1,
        areaSpecific: false,
        split: {
          digitalSector: e.digitalSector,
          share: 1,
          basis: 'gross_output',
          source: { kind: 'published', citation: 'wholly digital sector', verified: true },
          note: e.note ?? 'The whole sector is digital.',
        },
      },
    ];
  }
  return (e.splits ?? []).map((s) => {
    const own = area !== undefined ? s.byArea?.[area] : undefined;
    return { digitalSector: s.digitalSector, share: own ?? s.share, areaSpecific: own !== undefined, split: s };
  });
}

/** Forgets the cached classification. */
export function clearClassificationCache(): void {
  cached = undefined;
}
