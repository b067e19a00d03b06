import { InputError } from '../../errors.js';
import { splitsFor } from '../../guidelines/classification.js';
import { readSamCsv } from '../io/csv.js';
import type { Sam, SamProvenanceEntry } from '../sam.js';
import { adbToCommon, readAdbEconomies, readAdbMrioSummary, type AppliedShare, type SectorControls } from './adb-mrio.js';
import { COMMON_SECTORS, DIGITAL_LABOUR_SHARE } from './common-classification.js';
import { buildSamFromControlTotals } from './control-totals.js';
import { thaiPriorStructure } from './thai-prior.js';

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
}

/** One economy's SAM with the control totals it was built from and the notes of the build. */
export interface AseanSam {
  iso3: string;
  name: string;
  sam: Sam;
  controls: SectorControls[];
  applied: AppliedShare[];
  notes: string[];
}

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
    const built = buildSamFromControlTotals(controls, prior, {
      unit: 'US$ million',
      digitalLabourShare: DIGITAL_LABOUR_SHARE,
      provenance,
      source: `ADB MRIO ${year}, economy ${eco.adbCode} (index ${eco.mrio}), via ksreyes/mrio-processing summary.csv`,
    });
    sams.push({ iso3, name: eco.name, sam: built.sam, controls, applied, notes: built.notes });
  }
  return { sams, notCovered };
}
