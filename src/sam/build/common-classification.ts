/**
 * The small common classification of the ASEAN CGE database: eight sectors (three of them digital),
 * three factors and one account per institution. Sector totals come from ADB MRIO (35 sectors),
 * the prior structure from the Thai SAM 2006 (26 activities); the digital shares of the mixed
 * sectors come from the guideline's digital-sector classification (concordances `ADB_MRIO35` and
 * `THAI_SAM_2006`), never from this file.
 * @module
 */

/** Code, name and digital sector (guideline id) of each common sector, in SAM order. */
export const COMMON_SECTORS: readonly { code: string; name: string; digitalSector?: string }[] = [
  { code: 'AGR', name: 'Agriculture, forestry and fishing' },
  { code: 'MAN', name: 'Manufacturing other than ICT goods' },
  { code: 'ICT', name: 'ICT goods manufacturing', digitalSector: 'ICT_GOODS' },
  { code: 'OIND', name: 'Mining, utilities and construction' },
  { code: 'TRD', name: 'Trade, transport and post' },
  { code: 'TEL', name: 'Telecommunications', digitalSector: 'TELECOM' },
  { code: 'ITS', name: 'IT and information services', digitalSector: 'IT_INFO' },
  { code: 'SRV', name: 'Other services' },
];

/** Codes of the common sectors, in order. */
export const COMMON_SECTOR_CODES: readonly string[] = COMMON_SECTORS.map((s) => s.code);

/**
 * ADB MRIO sector (c1…c35) → common sector. Sectors holding digital activity (c14, c27, c30) are
 * split: the digital part goes to the common digital sector by the guideline's share, the rest to
 * the sector named here as `rest`.
 */
export const ADB_TO_COMMON: Readonly<Record<string, string | { rest: string }>> = {
  c1: 'AGR',
  c2: 'OIND',
  c3: 'MAN',
  c4: 'MAN',
  c5: 'MAN',
  c6: 'MAN',
  c7: 'MAN',
  c8: 'MAN',
  c9: 'MAN',
  c10: 'MAN',
  c11: 'MAN',
  c12: 'MAN',
  c13: 'MAN',
  c14: { rest: 'MAN' },
  c15: 'MAN',
  c16: 'MAN',
  c17: 'OIND',
  c18: 'OIND',
  c19: 'TRD',
  c20: 'TRD',
  c21: 'TRD',
  c22: 'SRV',
  c23: 'TRD',
  c24: 'TRD',
  c25: 'TRD',
  c26: 'TRD',
  c27: { rest: 'TRD' },
  c28: 'SRV',
  c29: 'SRV',
  c30: { rest: 'SRV' },
  c31: 'SRV',
  c32: 'SRV',
  c33: 'SRV',
  c34: 'SRV',
  c35: 'SRV',
};

/**
 * Thai SAM 2006 sector (A-/C-/M- suffix) → common sector, for the prior structure. Mixed sectors
 * (MachProd, TransComm) are split by the guideline's `THAI_SAM_2006` shares; IT and information
 * services have no Thai account, so their prior pattern is the pattern of `Services`
 * ({@link THAI_ITS_PATTERN_WEIGHT}).
 */
export const THAI_TO_COMMON: Readonly<Record<string, string | { rest: string }>> = {
  Crops: 'AGR',
  Livestock: 'AGR',
  Forestry: 'AGR',
  Fishery: 'AGR',
  Mining: 'OIND',
  FoodProc: 'MAN',
  BevTobac: 'MAN',
  Textile: 'MAN',
  PapProd: 'MAN',
  Chemical: 'MAN',
  PetRef: 'MAN',
  RubPlast: 'MAN',
  NMetMin: 'MAN',
  BasMet: 'MAN',
  MetProd: 'MAN',
  MachProd: { rest: 'MAN' },
  OthMfg: 'MAN',
  Utility: 'OIND',
  Const: 'OIND',
  Trade: 'TRD',
  RestHot: 'SRV',
  TransComm: { rest: 'TRD' },
  Finance: 'SRV',
  RealEst: 'SRV',
  Services: 'SRV',
  UnClass: 'SRV',
};

/**
 * Weight of the Thai `Services` account in the prior pattern of IT and information services. A
 * prior pattern's scale does not matter (the intermediate block is balanced by RAS, which is
 * invariant to scaling a row or column of the prior, and the other patterns are normalised), so
 * this weight only keeps `Services` in the `SRV` pattern at its full size minus this part.
 */
export const THAI_ITS_PATTERN_WEIGHT = 0.15;

/**
 * Share of labour compensation paid to digitally skilled labour (`LAB-DIG`), by common sector.
 * These are round outside assumptions of digicge, not measurements: replace them with labour-force
 * survey data on ICT occupations (ISCO-08 25, 35 and 133) by industry.
 */
export const DIGITAL_LABOUR_SHARE: Readonly<Record<string, number>> = {
  AGR: 0.01,
  MAN: 0.05,
  ICT: 0.3,
  OIND: 0.05,
  TRD: 0.05,
  TEL: 0.4,
  ITS: 0.6,
  SRV: 0.1,
};
