/**
 * Per Member State and block of the CGE database: which bases rest on the country's own data and
 * which on borrowed structure or assumptions, given the harmonised data (the readiness matrix) and
 * the build metadata; and the gaps, ranked by how much they move the simulation results.
 * @module
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { aseanMembersInForce } from '../membership.js';
import { packageRoot } from '../paths.js';
import type { ReadinessCell } from './matrix.js';
import type { BlockBasis, DatabaseProvenance } from './provenance.js';

/** Status of one basis of a block for one country. */
export type BasisStatus = 'own' | 'borrowed' | 'assumption' | 'derived' | 'missing';

/** One block of one country. */
export interface BlockAssessment {
  area: string;
  block: string;
  /** `own data`, `partly own data`, `assumptions`, or `no database` (no national SAM or household groups). */
  status: 'own data' | 'partly own data' | 'assumptions' | 'no database';
  own: number;
  /** Bases other than residuals. */
  bases: number;
  basisStatus: { what: string; status: BasisStatus; dataAvailable: boolean | null }[];
  note: string;
}

/** One gap: a basis that is not the country's own data. */
export interface Gap {
  rank: number | null;
  area: string;
  block: string;
  what: string;
  status: BasisStatus;
  /** Indicator cells that would close it (`HH7 × URBANISATION`). */
  cells: string;
  /** Whether the harmonised data already hold those cells (null when no indicator is named). */
  dataAvailable: boolean | null;
  /** Relative swing of the scenario's real-GDP effect (null when not computed). */
  gdpSwing: number | null;
  /** Where the swing comes from. */
  sensitivitySource: string;
  recommendedSource: string;
}

/** The shipped one-at-a-time sensitivity (datasets/ddcge/gap-sensitivity.json), by assumption key. */
export interface GapSensitivityFile {
  area: string;
  scenario: string;
  step: number;
  method: string;
  rows: { assumption: string; gdpSwing: number; evSwing: number }[];
}

/** Reads the gap-sensitivity file named in the provenance, or null when it is absent. */
export function readGapSensitivity(p: DatabaseProvenance): GapSensitivityFile | null {
  const path = join(packageRoot(), p.sensitivity.file);
  if (!existsSync(path)) return null;
  return JSON.parse(readFileSync(path, 'utf8')) as GapSensitivityFile;
}

function cellsAvailable(b: BlockBasis, area: string, cells: Map<string, ReadinessCell>): boolean | null {
  if (!b.indicators?.length) return null;
  return b.indicators.every((c) => cells.get(`${area}|${c.indicator}|${c.breakdown}`)?.status === 'available');
}

function basisStatus(b: BlockBasis, area: string, p: DatabaseProvenance, cells: Map<string, ReadinessCell>): BasisStatus {
  const hasSam = p.covered.includes(area);
  if (b.kind === 'derived') return 'derived';
  if (b.kind === 'country') {
    if (b.requires === 'sam') return hasSam ? 'own' : 'missing';
    return cellsAvailable(b, area, cells) === false ? 'missing' : 'own';
  }
  if (b.kind === 'borrowed') return b.ownFor?.includes(area) ? 'own' : 'borrowed';
  return 'assumption';
}

/** Assesses every block for every area. */
export function assessBlocks(areas: readonly string[], matrix: readonly ReadinessCell[], p: DatabaseProvenance): BlockAssessment[] {
  const cells = new Map(matrix.map((c) => [`${c.area}|${c.indicator}|${c.breakdown}`, c]));
  const out: BlockAssessment[] = [];
  for (const area of areas) {
    for (const block of p.blocks) {
      const bs = block.bases.map((b) => ({
        what: b.what,
        status: basisStatus(b, area, p, cells),
        dataAvailable: cellsAvailable(b, area, cells),
      }));
      const counted = bs.filter((b) => b.status !== 'derived');
      const own = counted.filter((b) => b.status === 'own').length;
      const noSam = !p.covered.includes(area);
      const noHouseholds = block.id === 'households' && p.ddcgeNotCovered[area] !== undefined;
      const status: BlockAssessment['status'] =
        noSam || noHouseholds ? 'no database' : own === counted.length ? 'own data' : own > 0 ? 'partly own data' : 'assumptions';
      const note = noSam
        ? (p.notCovered[area] ??
          (aseanMembersInForce(p.database.baseYear).includes(area)
            ? `no national SAM in the ${p.database.baseYear} build`
            : `no national SAM in the ${p.database.baseYear} build (not an ASEAN Member State in ${p.database.baseYear})`))
        : noHouseholds
          ? p.ddcgeNotCovered[area]!
          : '';
      out.push({ area, block: block.id, status, own, bases: counted.length, basisStatus: bs, note });
    }
  }
  return out;
}

/**
 * The gaps of every area, ranked by |swing| of the real-GDP effect where the sensitivity file
 * covers the assumption (rank 1 = moves the results most), unranked (null) after them.
 */
export function rankGaps(blocks: readonly BlockAssessment[], p: DatabaseProvenance, sens: GapSensitivityFile | null): Gap[] {
  const byKey = new Map((sens?.rows ?? []).map((r) => [r.assumption, r]));
  const gaps: Gap[] = [];
  for (const a of blocks) {
    const block = p.blocks.find((b) => b.id === a.block)!;
    block.bases.forEach((b, i) => {
      const st = a.basisStatus[i]!;
      if (st.status === 'own' || st.status === 'derived') return;
      const s = b.assumption ? byKey.get(b.assumption) : undefined;
      const prod = p.nationalProducers[a.area];
      const who = prod
        ? /survey|census|national accounts|supply|input–output|GDP|government|customs|balance of payments/i.test(b.nationalSource ?? '')
          ? prod.nso
          : prod.regulator
        : '';
      gaps.push({
        rank: null,
        area: a.area,
        block: a.block,
        what: b.what,
        status: st.status,
        cells: (b.indicators ?? []).map((c) => (c.breakdown === '_T' ? c.indicator : `${c.indicator} × ${c.breakdown}`)).join(', '),
        dataAvailable: st.dataAvailable,
        gdpSwing: s ? s.gdpSwing : null,
        sensitivitySource: s
          ? `${p.sensitivity.file}: ${sens!.area}, scenario ${sens!.scenario}, ±${100 * sens!.step} %`
          : b.assumption
            ? 'not in the sensitivity file'
            : b.kind === 'country'
              ? "not computed (the country's own data are missing, not an assumption of the build)"
              : 'not computed (a structure of the SAM build, not a ddcge assumption)',
        recommendedSource: [b.nationalSource ?? 'national statistics', who].filter(Boolean).join(' — '),
      });
    });
  }
  const ranked = gaps
    .filter((g) => g.gdpSwing !== null)
    .sort((x, y) => Math.abs(y.gdpSwing!) - Math.abs(x.gdpSwing!) || (x.area < y.area ? -1 : x.area > y.area ? 1 : 0));
  const distinct = [...new Set(ranked.map((g) => Math.abs(g.gdpSwing!)))];
  for (const g of ranked) g.rank = distinct.indexOf(Math.abs(g.gdpSwing!)) + 1;
  const rest = gaps.filter((g) => g.gdpSwing === null);
  return [...ranked, ...rest];
}
