/**
 * Where each block of a national SAM comes from: whose data, which year, which assumption. An
 * economist citing a multiplier must know which numbers are the country's own and which are
 * borrowed; this table says so for every block, honestly, and is written with the SAM.
 * @module
 */

/** The blocks of a SAM whose origin is stated. */
export const SAM_BLOCKS = [
  'sector totals',
  'intermediate use',
  'value added',
  'final demand',
  'imports and taxes on imports',
  'income distribution',
  'digital sectors',
  'digital labour',
] as const;

/** One of {@link SAM_BLOCKS}. */
export type SamBlock = (typeof SAM_BLOCKS)[number];

/** Origin of one block of one economy's SAM. */
export interface BlockProvenance {
  block: SamBlock;
  /** `own` when the numbers are the economy's own data, `borrowed` when another economy's, `assumption` when neither. */
  origin: 'own' | 'borrowed' | 'assumption';
  /** Whose data: file and publisher. */
  data: string;
  /** Year of the data. */
  year: string;
  /** What is assumed to carry the data over, in words. */
  assumption: string;
}

/** The structure below the control totals: from which SAM, of which economy and year. */
export interface PriorSource {
  /** ISO3 of the economy whose SAM gives the structure. */
  iso3: string;
  /** File and publisher. */
  file: string;
  year: string;
}

/**
 * The per-block provenance of an ASEAN SAM built by {@link buildSamFromControlTotals}: sector totals
 * from ADB MRIO for the economy itself; the patterns below them from `prior` — the economy's own
 * data only when `prior.iso3` is the economy, else borrowed and said so.
 * @param iso3 the economy
 * @param year year of the ADB MRIO control totals
 * @param prior the SAM that gave the structure below the totals
 */
export function aseanBlockProvenance(iso3: string, year: number, prior: PriorSource): BlockProvenance[] {
  const own = prior.iso3 === iso3;
  const origin = own ? 'own' : 'borrowed';
  const whose = own ? `${prior.file} (${iso3}'s own)` : `${prior.file} (${prior.iso3}, borrowed for ${iso3})`;
  const adb = `ADB MRIO ${year} (ksreyes/mrio-processing summary.csv), ${iso3}`;
  const carried = (what: string) =>
    own
      ? `${what}: ${iso3}'s own SAM (${prior.year}), scaled to the ${year} ADB totals`
      : `${what}: from ${prior.iso3}'s SAM (${prior.year}), assumed to hold for ${iso3} in ${year}`;
  return [
    {
      block: 'sector totals',
      origin: 'own',
      data: adb,
      year: String(year),
      assumption: 'none: gross output, intermediate inputs, value added, exports and domestic sales by sector held exactly',
    },
    {
      block: 'intermediate use',
      origin,
      data: `pattern: ${whose}; column totals: ${adb}`,
      year: `${prior.year} pattern, ${year} totals`,
      assumption: carried('input pattern (commodity × activity) balanced by RAS to the ADB totals'),
    },
    {
      block: 'value added',
      origin,
      data: `total: ${adb}; split: ${whose}`,
      year: `${year} total, ${prior.year} split`,
      assumption: carried('shares of labour, capital and taxes on production in value added'),
    },
    {
      block: 'final demand',
      origin,
      data: `total and exports: ${adb}; composition: ${whose}`,
      year: `${year} totals, ${prior.year} composition`,
      assumption: carried('split of domestic final demand between households, government and investment'),
    },
    {
      block: 'imports and taxes on imports',
      origin,
      data: `intermediate imports: ${adb}; final imports and tariff rates: ${whose}`,
      year: `${year} intermediate imports, ${prior.year} rates`,
      assumption: carried('share of imported final goods and taxes on imports per unit of imports'),
    },
    {
      block: 'income distribution',
      origin,
      data: whose,
      year: prior.year,
      assumption: carried('ratios of capital income to institutions, direct tax rates and transfers; savings are the residuals'),
    },
    {
      block: 'digital sectors',
      origin: 'assumption',
      data: 'guideline digital-sector classification (guidelines/classification/digital-sectors.json, concordance ADB_MRIO35)',
      year: '—',
      assumption: 'round central shares of ADB c14, c27, c30 in ICT goods, telecom and IT services; not measurements',
    },
    {
      block: 'digital labour',
      origin: 'assumption',
      data: 'DIGITAL_LABOUR_SHARE (src/sam/build/common-classification.ts)',
      year: '—',
      assumption: 'share of labour income paid to digitally skilled labour by sector; not a survey figure',
    },
  ];
}

/** One line per economy: which blocks come from its own data (for a closing note). */
export function ownBlocksNote(iso3: string, rows: readonly BlockProvenance[]): string {
  const own = rows.filter((r) => r.origin === 'own').map((r) => r.block);
  const borrowed = rows.filter((r) => r.origin === 'borrowed').map((r) => r.block);
  return `${iso3}: own data for ${own.join(', ') || 'no block'}${borrowed.length > 0 ? `; borrowed: ${borrowed.join(', ')}` : ''}`;
}
