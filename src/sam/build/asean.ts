import { InputError } from '../../errors.js';
import { splitsFor } from '../../guidelines/classification.js';
import { readSamCsv } from '../io/csv.js';
import type { Sam, SamProvenanceEntry } from '../sam.js';
import { adbToCommon, readAdbEconomies, readAdbMrioSummary, type AppliedShare, type SectorControls } from './adb-mrio.js';
import { COMMON_SECTORS, DIGITAL_LABOUR_SHARE } from './common-classification.js';
import { buildSamFromControlTotals } from './control-totals.js';
import { thaiPriorStructure, type PriorStructure } from './thai-prior.js';
import { ifpriPriorStructure, type IfpriCommonMapping } from './ifpri-prior.js';
import { readSam } from '../io/read.js';
import { aseanBlockProvenance, type BlockProvenance, type PriorSource } from './block-provenance.js';

/** The ten ASEAN Member States (ISO 3166-1 alpha-3), in alphabetical order of code. */
export const ASEAN_MEMBER_STATES: readonly string[] = ['BRN', 'IDN', 'KHM', 'LAO', 'MMR', 'MYS', 'PHL', 'SGP', 'THA', 'VNM'];

/** Inputs of {@link buildAseanSams}. */
export interface AseanBuildInputs {
  /** ADB MRIO summary CSV (datasets/adb_mrio/adbmrio_summary_2017-2022.csv). */
  summary: string;
  /** ADB country concordance workbook (datasets/adb_mrio/countries_concordance.xlsx). */
  concordance: string;
  /** Thai SAM 2006 (datasets/sam/thai/ThaiSAM2006.csv). */
  thaiSam: string;
  /** Year of the control totals (default 2022). */
  year?: number;
  /**
   * Economies with a SAM of their own (IFPRI-style, read by a mapping file): their structure below
   * the ADB totals comes from it instead of the Thai SAM 2006 (`datasets/sam/asean/own-structures.json`).
   */
  ownStructures?: readonly OwnStructure[];
}

/** An economy's own SAM for the structure below its ADB totals, with the mapping that reads it. */
export interface OwnStructure {
  iso3: string;
  /** The SAM file (read as published: groups from its headers). */
  sam: string;
  /** The {@link IfpriCommonMapping} JSON. */
  mapping: string;
  /** Publisher and file, for the block provenance. */
  file: string;
  /** Year of the SAM. */
  year: string;
  /** Absolute tolerance of its Total row/column (files rounded cell by cell). */
  totalsTolerance?: number;
}

/** Reads `own-structures.json` (paths relative to it). */
export async function readOwnStructures(path: string): Promise<OwnStructure[]> {
  const { readFile } = await import('node:fs/promises');
  const { dirname, resolve } = await import('node:path');
  let doc: unknown;
  try {
    doc = JSON.parse(await readFile(path, 'utf8'));
  } catch (err) {
    throw new InputError(
      'JSON_MALFORMED',
      `cannot read the list of own structures: ${(err as Error).message}`,
      { file: path },
      { cause: err },
    );
  }
  if (!Array.isArray(doc))
    throw new InputError('JSON_MALFORMED', 'expected a list of {iso3, sam, mapping, file, year}', { file: path, jsonPath: '/' });
  return (doc as OwnStructure[]).map((o, i) => {
    for (const k of ['iso3', 'sam', 'mapping', 'file', 'year'] as const) {
      if (typeof o[k] !== 'string' || o[k] === '')
        throw new InputError('JSON_MALFORMED', `entry ${i} needs a text '${k}'`, { file: path, jsonPath: `/${i}/${k}` });
    }
    return { ...o, sam: resolve(dirname(path), o.sam), mapping: resolve(dirname(path), o.mapping) };
  });
}

/** One economy's SAM with the control totals it was built from and the notes of the build. */
export interface AseanSam {
  iso3: string;
  name: string;
  sam: Sam;
  controls: SectorControls[];
  applied: AppliedShare[];
  notes: string[];
  /** Where each block comes from: whose data, which year, which assumption. */
  blocks: BlockProvenance[];
}

/** The Thai SAM 2006: the structure below the ADB totals for every economy without a SAM of its own here. */
export const THAI_PRIOR_SOURCE: PriorSource = {
  iso3: 'THA',
  file: 'Thai SAM 2006 (datasets/sam/thai/ThaiSAM2006.csv; ADB CGE training material)',
  year: '2006',
};

/** Result of {@link buildAseanSams}. */
export interface AseanBuild {
  sams: AseanSam[];
  /** Member states not in ADB MRIO (Myanmar), with the reason; nothing is invented for them. */
  notCovered: { iso3: string; reason: string }[];
}

const DIGITAL_TO_COMMON = new Map(COMMON_SECTORS.filter((s) => s.digitalSector).map((s) => [s.digitalSector!, s.code]));

/**
 * Builds the CGE database of every ASEAN Member State covered by ADB MRIO: control totals by
 * sector for `year` (US$ million) mapped to the common classification with the guideline's digital
 * shares (concordance `ADB_MRIO35`, area-specific shares when the guideline has them), the prior
 * structure of the Thai SAM 2006 (digital shares of concordance `THAI_SAM_2006`), and
 * {@link buildSamFromControlTotals}. Member states absent from ADB MRIO are listed in `notCovered`.
 */
export async function buildAseanSams(inputs: AseanBuildInputs): Promise<AseanBuild> {
  const year = inputs.year ?? 2022;
  const economies = await readAdbEconomies(inputs.concordance);
  const thai = await readSamCsv(inputs.thaiSam);
  const summary = await readAdbMrioSummary(inputs.summary);
  const thaiShare = (sector: string, digital: string): number => {
    const s = splitsFor('THAI_SAM_2006', sector).find((x) => x.digitalSector === digital);
    if (!s)
      throw new InputError('BUILD_NO_SHARE', `the guideline gives no ${digital} share for Thai sector ${sector}`, { account: sector });
    return s.share;
  };
  const prior = thaiPriorStructure(thai, {
    MachProd: thaiShare('A-MachProd', 'ICT_GOODS'),
    TransComm: thaiShare('A-TransComm', 'TELECOM'),
  });
  const own = new Map<string, { prior: PriorStructure; source: PriorSource }>();
  for (const o of inputs.ownStructures ?? []) {
    const sam = await readSam(o.sam, o.totalsTolerance !== undefined ? { totalsTolerance: o.totalsTolerance, totalsAbsolute: true } : {});
    const { readFile } = await import('node:fs/promises');
    const map = JSON.parse(await readFile(o.mapping, 'utf8')) as IfpriCommonMapping;
    own.set(o.iso3, { prior: ifpriPriorStructure(sam, map, o.mapping), source: { iso3: o.iso3, file: o.file, year: o.year } });
  }
  const sams: AseanSam[] = [];
  const notCovered: AseanBuild['notCovered'] = [];
  for (const iso3 of ASEAN_MEMBER_STATES) {
    const eco = economies.find((e) => e.iso3 === iso3);
    if (!eco) {
      notCovered.push({ iso3, reason: 'not an economy of ADB MRIO (absent from the MRIO sheet of the concordance); no SAM is made' });
      continue;
    }
    const raw = summary.get(`${year}:${eco.mrio}`) ?? [];
    if (raw.length === 0) {
      notCovered.push({ iso3, reason: `no ADB MRIO rows for ${year}` });
      continue;
    }
    const { controls, applied } = adbToCommon(raw, (sector) => {
      const s = splitsFor('ADB_MRIO35', sector, iso3)[0];
      if (!s) return undefined;
      const target = DIGITAL_TO_COMMON.get(s.digitalSector);
      if (!target) return undefined;
      return {
        digitalSector: s.digitalSector,
        target,
        share: s.share,
        source: `guideline digital-sector classification, concordance ADB_MRIO35 ${sector}${s.areaSpecific ? ` (${iso3})` : ''}: ${s.split.source.kind} — ${s.split.source.citation}`,
      };
    });
    const provenance: SamProvenanceEntry[] = applied.map((a) => ({
      operation: 'split',
      description: `ADB MRIO ${a.sector}: share ${a.share} of every control total to ${a.target} (${a.digitalSector})`,
      source: a.source,
      details: { sector: a.sector, digitalSector: a.digitalSector, target: a.target, share: a.share },
    }));
    const mine = own.get(iso3);
    const built = buildSamFromControlTotals(controls, mine?.prior ?? prior, {
      unit: 'US$ million',
      digitalLabourShare: DIGITAL_LABOUR_SHARE,
      provenance,
      source: `ADB MRIO ${year}, economy ${eco.adbCode} (index ${eco.mrio}), via ksreyes/mrio-processing summary.csv`,
    });
    const priorSource = mine?.source ?? THAI_PRIOR_SOURCE;
    const notes = mine
      ? [
          ...built.notes.map((x) =>
            x.replaceAll('Thai SAM 2006', `${iso3}'s own SAM (${priorSource.file})`).replaceAll('Thai ', `${iso3} `),
          ),
          `structure below the ADB totals from ${priorSource.file}, ${priorSource.year}, read with ifpriPriorStructure: domestic use is each commodity's domestic share of supply; IFPRI transaction costs and sales taxes have no account in the common layout and are left out of the patterns`,
        ]
      : built.notes;
    sams.push({ iso3, name: eco.name, sam: built.sam, controls, applied, notes, blocks: aseanBlockProvenance(iso3, year, priorSource) });
  }
  return { sams, notCovered };
}
