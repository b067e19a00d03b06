/**
 * The provenance of the ASEAN CGE database by block (`datasets/sam/asean/provenance.json`): what
 * each block rests on — the country's own figures, another country's structure, an outside
 * assumption or a residual — the statistics and guideline indicators that would feed it, and the
 * national source that would close each gap. Read, with the build metadata (`build.json`), by the
 * readiness assessment and the guideline's data-requirements chapter.
 * @module
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../../errors.js';
import { packageRoot } from '../paths.js';

/** What a block rests on, one basis at a time. */
export interface BlockBasis {
  what: string;
  kind: 'country' | 'borrowed' | 'assumption' | 'derived';
  source: string;
  /** `sam`: needs the country's national SAM (ADB MRIO totals). */
  requires?: 'sam';
  /** States for which a borrowed structure is their own. */
  ownFor?: string[];
  /** Blocks of build.json (`economies[].blocks[].block`) whose origin, when the build records it, decides `ownFor`. */
  buildBlocks?: string[];
  /** Key of the ddcge assumption (datasets/ddcge/assumptions.json) this basis is. */
  assumption?: string;
  /** Guideline indicator cells that feed (or would replace) this basis. */
  indicators?: { indicator: string; breakdown: string }[];
  /** Recommended national source to close the gap. */
  nationalSource?: string;
}

/** One block of the CGE database. */
export interface DatabaseBlock {
  id: string;
  name: string;
  accounts: string;
  statistics: string[];
  bases: BlockBasis[];
  fallback: string;
}

/** The provenance file and the build metadata it points to. */
export interface DatabaseProvenance {
  file: string;
  database: { baseYear: string; unit: string; build: string; ddcge: string };
  blocks: DatabaseBlock[];
  nationalProducers: Record<string, { nso: string; regulator: string }>;
  sensitivity: { file: string; note: string };
  /** ISO3 codes with a national SAM in the build. */
  covered: string[];
  /** ISO3 → why the build has no SAM for it. */
  notCovered: Record<string, string>;
  /** ISO3 → why the ddcge database is missing although the SAM exists (datasets/ddcge/coverage.json). */
  ddcgeNotCovered: Record<string, string>;
}

/** Default path of the provenance file. */
export const PROVENANCE_FILE = 'datasets/sam/asean/provenance.json';

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new InputError('PROVENANCE_UNREADABLE', `cannot read the database provenance: ${(err as Error).message}`, { file: path });
  }
}

/**
 * Reads the provenance file and the build metadata (covered economies and the reasons for the
 * others; when build.json records the origin of each block per economy, whose borrowed structures
 * are their own).
 * @param path the provenance file
 * @param root folder the file's `database` paths are relative to (default: the package root)
 * @throws InputError `PROVENANCE_UNREADABLE`, `PROVENANCE_INVALID` (a block or basis without its fields)
 */
export function readDatabaseProvenance(path = join(packageRoot(), PROVENANCE_FILE), root = packageRoot()): DatabaseProvenance {
  const d = readJson(path) as Omit<DatabaseProvenance, 'file' | 'covered' | 'notCovered' | 'ddcgeNotCovered'>;
  const kinds = new Set(['country', 'borrowed', 'assumption', 'derived']);
  (d.blocks ?? []).forEach((b, i) => {
    if (!b.id || !b.name || !Array.isArray(b.bases))
      throw new InputError('PROVENANCE_INVALID', 'a block needs id, name and bases', { file: path, jsonPath: `/blocks/${i}` });
    b.bases.forEach((s, j) => {
      if (!s.what || !kinds.has(s.kind) || !s.source)
        throw new InputError('PROVENANCE_INVALID', `basis needs what, source and a kind among ${[...kinds].join(', ')}`, {
          file: path,
          jsonPath: `/blocks/${i}/bases/${j}`,
        });
    });
  });
  const build = readJson(join(root, d.database.build)) as {
    economies: { iso3: string; blocks?: { block: string; origin: string }[] }[];
    notCovered?: { iso3: string; reason: string }[];
  };
  // when the build records the origin of each of its blocks, that (not the static ownFor) says whose structure is its own
  if (build.economies.some((e) => Array.isArray(e.blocks))) {
    for (const blk of d.blocks)
      for (const s of blk.bases)
        if (s.kind === 'borrowed' && s.buildBlocks?.length)
          s.ownFor = build.economies
            .filter((e) => s.buildBlocks!.every((name) => e.blocks?.find((x) => x.block === name)?.origin === 'own'))
            .map((e) => e.iso3)
            .sort();
  }
  const cov = readJson(join(root, d.database.ddcge, 'coverage.json')) as Record<string, string>;
  return {
    ...d,
    file: path,
    covered: build.economies.map((e) => e.iso3).sort(),
    notCovered: Object.fromEntries((build.notCovered ?? []).map((n) => [n.iso3, n.reason])),
    ddcgeNotCovered: cov,
  };
}
