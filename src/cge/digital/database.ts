/**
 * ddcge databases: a SAM in the digital-divide model's layout and its parameter file, built from a
 * national SAM in the common ASEAN classification (`datasets/sam/asean/<ISO3>.csv`: A-/C- accounts
 * for AGR, MAN, ICT, OIND, TRD, TEL, ITS, SRV; factors LAB-DIG, LAB-OTH, CAP; HH, ENT, GOV, Itax,
 * Ttax, Dtax, S-I, ROW), the connectivity baseline from harmonised observations, and stated outside
 * assumptions (`datasets/ddcge/assumptions.json`).
 *
 * Units: the SAM's money unit (US$ million for the ASEAN SAMs); populations in persons. SAM
 * convention: rows receive, columns pay.
 * @module
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../../errors.js';
import { balanceRas } from '../../sam/balance/ras.js';
import { readObservations } from '../../harmonise/read.js';
import { formatSamCsv, readSamCsv } from '../../sam/io/csv.js';
import { Sam } from '../../sam/sam.js';
import { writeFileAtomic } from '../../util/atomic-write.js';
import { assertSamBalanced, SamCells, type SamInput } from '../sam-input.js';
import { connectivityBaseline, type ObservationLike } from './baseline.js';
import { accessGroups, type AccessGroup, type ConnectivityBaseline } from './connectivity.js';

/** An outside assumption: a value and where it comes from. */
export interface Assumption<T> {
  value: T;
  source: string;
}

/** The assumptions file of the ddcge databases (`datasets/ddcge/assumptions.json`). */
export interface DdcgeAssumptions {
  rural_urban_internet_ratio: Assumption<number>;
  rural_urban_nonuse_ratio: Assumption<number>;
  income_ratio_urban_rural: Assumption<number>;
  income_ratio_connected_unconnected: Assumption<number>;
  digital_budget_share_ratio: Assumption<number>;
  capital_share_of_income: Assumption<Record<AccessGroup, number>>;
  digital_skill_share_of_labour: Assumption<Record<AccessGroup, number>>;
  armington_elasticity: Assumption<Record<string, number>>;
  transformation_elasticity: Assumption<Record<string, number>>;
  va_elasticity: Assumption<Record<string, number>>;
  income_elasticity: Assumption<Record<string, number>>;
  frisch: Assumption<Record<AccessGroup, number>>;
  orderable_goods: Assumption<string[]>;
  channels: Assumption<{
    access_quantity: number;
    price_discount: number;
    productivity_premium: Record<string, number>;
    spillover: number;
  }>;
}

/** Goods of the common ASEAN classification, in ddcge order. */
export const DDCGE_GOODS = ['AGR', 'MAN', 'ICT', 'OIND', 'TRD', 'TEL', 'ITS', 'SRV'] as const;
/** The digital goods (guideline ICT_GOODS, TELECOM, IT_INFO). */
export const DDCGE_DIGITAL_GOODS = ['ICT', 'TEL', 'ITS'] as const;
const FACTOR_MAP = { LAB_DS: 'LAB-DIG', LAB_OT: 'LAB-OTH', CAP: 'CAP' } as const;
const FACTORS = ['LAB_DS', 'LAB_OT', 'CAP'] as const;
const GROUPS: AccessGroup[] = ['URB_CON', 'URB_UNC', 'RUR_CON', 'RUR_UNC'];
/** Household groups of an economy without rural population (Singapore): the urban-only variant. */
const URBAN_GROUPS: AccessGroup[] = ['URB_CON', 'URB_UNC'];
/** Account labels of a ddcge database SAM, in order. */
export const DDCGE_DATABASE_ACCOUNTS = [...DDCGE_GOODS, ...FACTORS, 'IDT', 'TRF', ...GROUPS, 'GOV', 'INV', 'EXT'];
const HOUSEHOLDS: Record<AccessGroup, { location: 'urban' | 'rural'; connected: boolean }> = {
  URB_CON: { location: 'urban', connected: true },
  URB_UNC: { location: 'urban', connected: false },
  RUR_CON: { location: 'rural', connected: true },
  RUR_UNC: { location: 'rural', connected: false },
};
/** Account labels of the urban-only variant (no rural household groups). */
export const DDCGE_URBAN_DATABASE_ACCOUNTS = [...DDCGE_GOODS, ...FACTORS, 'IDT', 'TRF', ...URBAN_GROUPS, 'GOV', 'INV', 'EXT'];

/** What a database was built from: the observations and the assumptions, for its SOURCE.md. */
export interface DdcgeDatabaseRecord {
  area: string;
  baseYear: string;
  samFile: string;
  /** Harmonised observations used (`INDICATOR/URBANISATION/TIME@file:row`). */
  observations: string[];
  baseline: { urbanPopulation: number; ruralPopulation: number; urbanShare: number; ruralShare: number; notes: string[] };
  /** Every assumption used, by key, with its value and source. */
  assumptions: Record<string, { value: unknown; source: string }>;
  /** Consolidation steps applied to the national SAM, in words. */
  notes: string[];
}

/** A ddcge database: SAM, parameters, and what it was built from. */
export interface DdcgeDatabase {
  area: string;
  sam: SamInput;
  params: Record<string, unknown>;
  baseline: ConnectivityBaseline;
  record: DdcgeDatabaseRecord;
}

/** Reads the assumptions file. */
export async function readDdcgeAssumptions(path: string): Promise<DdcgeAssumptions> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(path, 'utf8'));
  } catch (err) {
    throw new InputError('ASSUMPTIONS_UNREADABLE', `cannot read the ddcge assumptions: ${(err as Error).message}`, { file: path });
  }
  const a = data as Record<string, unknown>;
  const keys: (keyof DdcgeAssumptions)[] = [
    'rural_urban_internet_ratio',
    'rural_urban_nonuse_ratio',
    'income_ratio_urban_rural',
    'income_ratio_connected_unconnected',
    'digital_budget_share_ratio',
    'capital_share_of_income',
    'digital_skill_share_of_labour',
    'armington_elasticity',
    'transformation_elasticity',
    'va_elasticity',
    'income_elasticity',
    'frisch',
    'orderable_goods',
    'channels',
  ];
  for (const k of keys) {
    const e = a[k] as { value?: unknown; source?: unknown } | undefined;
    if (!e || e.value === undefined || typeof e.source !== 'string' || e.source.length === 0) {
      throw new InputError('ASSUMPTION_MISSING', `assumption "${k}" needs a value and a source`, { file: path, jsonPath: `/${k}` });
    }
  }
  return data as DdcgeAssumptions;
}

function ras(prior: Float64Array, rows: number[], cols: number[], what: string): Float64Array {
  const r = balanceRas(prior, rows.length, cols.length, rows, cols, { tolerance: 1e-12 * Math.max(1, ...rows), maxIterations: 10000 });
  if (!r.converged) throw new InputError('DATABASE_RAS_NOT_CONVERGED', `the ${what} split did not converge`);
  return r.matrix;
}

/**
 * Builds a ddcge database for one area.
 *
 * Consolidation of the national SAM (stated in the record): each activity and its commodity become
 * one good account; factor income goes wholly to households (enterprises, factor income paid
 * abroad and transfers are consolidated into the households — ddcge has no enterprise account); all
 * direct taxes are paid by households; household saving, government saving (revenue − consumption)
 * and foreign saving (imports − exports) are the balances that close their accounts, so the goods
 * block (intermediates, value added, taxes, imports, exports and final demand) is the national
 * SAM's, exactly.
 *
 * Households: populations from the connectivity baseline (urban/rural × connected share of HH7);
 * per-capita incomes by the assumed urban/rural and connected/unconnected ratios; factor ownership
 * and consumption by group are the assumed priors balanced by RAS to the national factor incomes
 * and consumption by good; direct-tax and saving rates are the same for every group.
 */
export function buildDdcgeDatabase(args: {
  area: string;
  sam: SamInput;
  samFile: string;
  observations: readonly ObservationLike[];
  assumptions: DdcgeAssumptions;
  year?: string;
}): DdcgeDatabase {
  const { area, assumptions: A } = args;
  const S = new SamCells(args.sam);
  const need = [
    ...DDCGE_GOODS.flatMap((g) => [`A-${g}`, `C-${g}`]),
    ...Object.values(FACTOR_MAP),
    'HH',
    'GOV',
    'Itax',
    'Ttax',
    'Dtax',
    'S-I',
    'ROW',
  ];
  for (const l of need) {
    if (!S.labels.includes(l)) {
      throw new InputError(
        'SAM_ACCOUNT_MISSING',
        `${area}: the national SAM has no account ${l} (expected the common ASEAN classification of datasets/sam/asean)`,
        { file: args.samFile, account: l },
      );
    }
  }
  assertSamBalanced(args.sam, 1e-8);
  const baseline = splitByNonUse(
    connectivityBaseline(args.observations, area, {
      ...(args.year ? { year: args.year } : {}),
      ruralUrbanRatio: A.rural_urban_internet_ratio,
    }),
    A.rural_urban_nonuse_ratio,
  );
  if (!(baseline.urbanPopulation > 0) || !(baseline.ruralPopulation >= 0)) {
    throw new InputError(
      'DATABASE_NO_RURAL_POPULATION',
      `${area} ${baseline.year}: the ddcge households need urban people and a rural population of zero or more (urban ${baseline.urbanPopulation}, rural ${baseline.ruralPopulation})`,
      { account: area },
    );
  }
  // an economy without rural population (Singapore) gets the urban-only variant: two household groups
  const urbanOnly = baseline.ruralPopulation === 0;
  const groups = urbanOnly ? URBAN_GROUPS : GROUPS;
  const nG = groups.length;
  const labels = urbanOnly ? DDCGE_URBAN_DATABASE_ACCOUNTS : DDCGE_DATABASE_ACCOUNTS;
  const n = labels.length;
  const v = new Float64Array(n * n);
  const k = (l: string) => labels.indexOf(l);
  const set = (r: string, c: string, x: number) => (v[k(r) * n + k(c)] = x);
  const get = (r: string, c: string) => v[k(r) * n + k(c)]!;
  let va = 0,
    C = 0,
    G = 0,
    idt = 0,
    trf = 0,
    M = 0,
    E = 0;
  const XH: number[] = [];
  for (const j of DDCGE_GOODS) {
    for (const i of DDCGE_GOODS) set(i, j, S.get(`C-${i}`, `A-${j}`));
    for (const f of FACTORS) {
      set(f, j, S.get(FACTOR_MAP[f], `A-${j}`));
      va += get(f, j);
    }
    set('IDT', j, S.get('Itax', `A-${j}`));
    set('TRF', j, S.get('Ttax', `C-${j}`));
    set('EXT', j, S.get('ROW', `C-${j}`));
    set(j, 'GOV', S.get(`C-${j}`, 'GOV'));
    set(j, 'INV', S.get(`C-${j}`, 'S-I'));
    set(j, 'EXT', S.get(`C-${j}`, 'ROW'));
    XH.push(S.get(`C-${j}`, 'HH'));
    C += XH[XH.length - 1]!;
    G += get(j, 'GOV');
    idt += get('IDT', j);
    trf += get('TRF', j);
    M += get('EXT', j);
    E += get(j, 'EXT');
  }
  const td = S.rowSum('Dtax');
  const sp = va - C - td;
  const sg = idt + trf + td - G;
  const sf = M - E;
  // household groups
  const pop = accessGroups(baseline);
  const rel = (h: AccessGroup) =>
    (h.startsWith('URB') ? A.income_ratio_urban_rural.value : 1) * (h.endsWith('_CON') ? A.income_ratio_connected_unconnected.value : 1);
  const weight = groups.map((h) => pop[h] * rel(h));
  const wsum = weight.reduce((s, x) => s + x, 0);
  const income = weight.map((w) => (va * w) / wsum);
  // factor ownership: prior by assumed capital and skill shares, balanced to factor totals and group incomes
  const fTotals = FACTORS.map((f) => DDCGE_GOODS.reduce((s, j) => s + get(f, j), 0));
  const own = new Float64Array(3 * nG);
  groups.forEach((h, c) => {
    const cap = A.capital_share_of_income.value[h];
    const ds = A.digital_skill_share_of_labour.value[h];
    own[0 * nG + c] = income[c]! * (1 - cap) * ds;
    own[1 * nG + c] = income[c]! * (1 - cap) * (1 - ds);
    own[2 * nG + c] = income[c]! * cap;
  });
  const ownB = ras(own, fTotals, income, 'factor ownership');
  FACTORS.forEach((f, r) => groups.forEach((h, c) => set(h, f, ownB[r * nG + c]!)));
  // consumption: national budget shares, digital services scaled up for the connected, balanced
  const taxRate = td / va;
  const saveRate = sp / va;
  const spend = income.map((y) => y * (1 - taxRate - saveRate));
  const cons = new Float64Array(DDCGE_GOODS.length * nG);
  DDCGE_GOODS.forEach((i, r) =>
    groups.forEach((h, c) => {
      const boost = h.endsWith('_CON') && (i === 'TEL' || i === 'ITS') ? A.digital_budget_share_ratio.value : 1;
      cons[r * nG + c] = (XH[r]! / C) * boost * spend[c]!;
    }),
  );
  const consB = ras(cons, XH, spend, 'household consumption');
  DDCGE_GOODS.forEach((i, r) => groups.forEach((h, c) => set(i, h, consB[r * nG + c]!)));
  groups.forEach((h, c) => {
    set('GOV', h, taxRate * income[c]!);
    set('INV', h, saveRate * income[c]!);
  });
  set('GOV', 'IDT', idt);
  set('GOV', 'TRF', trf);
  set('INV', 'GOV', sg);
  set('INV', 'EXT', sf);
  const sam: SamInput = { accounts: labels.map((label) => ({ label })), values: v };
  assertSamBalanced(sam, 1e-9);

  const params: Record<string, unknown> = {
    households: Object.fromEntries(groups.map((h) => [h, HOUSEHOLDS[h]])),
    factors: [...FACTORS],
    labour: ['LAB_DS', 'LAB_OT'],
    digital_goods: [...DDCGE_DIGITAL_GOODS],
    orderable_goods: A.orderable_goods.value,
    telecom: 'TEL',
    armington_elasticity: A.armington_elasticity.value,
    transformation_elasticity: A.transformation_elasticity.value,
    va_elasticity: A.va_elasticity.value,
    income_elasticity: A.income_elasticity.value,
    frisch: A.frisch.value,
    population: Object.fromEntries(groups.map((h) => [h, pop[h]])),
    channels: A.channels.value,
  };
  const record: DdcgeDatabaseRecord = {
    area,
    baseYear: baseline.year,
    samFile: args.samFile,
    observations: baseline.provenance,
    baseline: {
      urbanPopulation: baseline.urbanPopulation,
      ruralPopulation: baseline.ruralPopulation,
      urbanShare: baseline.urbanShare,
      ruralShare: baseline.ruralShare,
      notes: baseline.assumptions,
    },
    assumptions: Object.fromEntries(
      Object.entries(A)
        .filter(([key]) => !key.startsWith('$'))
        .map(([key, e]) => [key, { value: (e as Assumption<unknown>).value, source: (e as Assumption<unknown>).source }]),
    ),
    notes: [
      'each activity and its commodity are one good account (A-i and C-i merged; the output cell dropped)',
      'factor income goes wholly to households: enterprise income, factor income paid abroad, and transfers between households, enterprises, government and the rest of the world are consolidated (ddcge has no enterprise account)',
      `direct taxes (${round(td)}) are paid by households; household saving (${round(sp)}) = value added − consumption − direct tax; government saving (${round(sg)}) = indirect taxes + tariffs + direct tax − consumption; foreign saving (${round(sf)}) = imports − exports`,
      'direct-tax and saving rates are the same for every household group',
      'factor ownership and consumption by group: the assumed priors balanced by RAS to national totals',
      ...(urbanOnly
        ? [
            `urban-only variant: ${area} has no rural population in ${baseline.year} (UN WUP 2018), so its households are the two urban groups URB_CON and URB_UNC; scenarios about rural people do not apply to it`,
          ]
        : []),
    ],
  };
  return { area, sam, params: { ...params, provenance: record }, baseline, record };
}

/**
 * When HH7 has no urban/rural breakdown and the use-ratio split saturates urban use at 100 % (so
 * that the urban unconnected group would be empty), splits the national share instead by the
 * assumed ratio q of non-use shares: (1 − s_R) = q·(1 − s_U), i.e.
 * s_U = (s·P − (1 − q)·P_R)/(P_U + q·P_R). The assumption is recorded.
 */
export function splitByNonUse(b: ConnectivityBaseline, q: Assumption<number>): ConnectivityBaseline {
  if (b.assumptions.length === 0 || b.urbanShare < 1 - 1e-12 || !(b.ruralPopulation > 0)) return b;
  const P = b.urbanPopulation + b.ruralPopulation;
  const s = (b.urbanPopulation * b.urbanShare + b.ruralPopulation * b.ruralShare) / P;
  const su = (s * P - (1 - q.value) * b.ruralPopulation) / (b.urbanPopulation + q.value * b.ruralPopulation);
  const sr = 1 - q.value * (1 - su);
  if (!(su > 0 && su < 1 && sr > 0 && sr < 1)) return b;
  return {
    ...b,
    urbanShare: su,
    ruralShare: sr,
    assumptions: [
      ...b.assumptions,
      `${b.area} ${b.year}: that split leaves no unconnected urban people, so the national ${(100 * s).toFixed(2)} % is split with rural non-use = ${q.value} × urban non-use (${q.source}), giving urban ${(100 * su).toFixed(2)} %, rural ${(100 * sr).toFixed(2)} %`,
    ],
  };
}

function round(x: number): string {
  return x.toFixed(1);
}

/** Default paths of the shipped ddcge data, relative to the repository root. */
export const DDCGE_DATA_DIR = join(import.meta.dirname, '../../../datasets/ddcge');
/** The ten ASEAN Member States, ISO 3166 alpha-3. */
export const DDCGE_MEMBER_STATES = ['BRN', 'IDN', 'KHM', 'LAO', 'MMR', 'MYS', 'PHL', 'SGP', 'THA', 'VNM'] as const;

/** Builds the database of one area from the shipped files (national SAM, observations, assumptions). */
export async function buildDdcgeDatabaseFromFiles(
  area: string,
  options: { samDir?: string; observationsFile?: string; assumptionsFile?: string; year?: string } = {},
): Promise<DdcgeDatabase> {
  const samDir = options.samDir ?? join(import.meta.dirname, '../../../datasets/sam/asean');
  const samFile = join(samDir, `${area}.csv`);
  const observationsFile = options.observationsFile ?? join(DDCGE_DATA_DIR, 'observations.csv');
  const assumptions = await readDdcgeAssumptions(options.assumptionsFile ?? join(DDCGE_DATA_DIR, 'assumptions.json'));
  const [sam, obs] = await Promise.all([readSamCsv(samFile), Promise.resolve(readObservations(observationsFile).rows)]);
  const observations: ObservationLike[] = obs
    .filter((o) => o.OBS_VALUE !== null)
    .map((o) => ({ ...o, OBS_VALUE: o.OBS_VALUE as number, PROV_ROW: o.PROV_ROW ?? undefined }));
  return buildDdcgeDatabase({
    area,
    sam: { ...sam, file: samFile },
    samFile: relativeToRepo(samFile),
    observations,
    assumptions,
    ...(options.year ? { year: options.year } : {}),
  });
}

function relativeToRepo(path: string): string {
  const root = join(import.meta.dirname, '../../../');
  return path.startsWith(root) ? path.slice(root.length) : path;
}

/** Writes a database as `sam.csv` + `params.json` + `SOURCE.md` into `dir` (atomically, byte-stable). */
export async function writeDdcgeDatabase(dir: string, db: DdcgeDatabase): Promise<string[]> {
  const samPath = join(dir, 'sam.csv');
  const paramsPath = join(dir, 'params.json');
  const sourcePath = join(dir, 'SOURCE.md');
  const sam = new Sam(
    db.sam.accounts.map((a) => a.label),
    Float64Array.from(db.sam.values),
  );
  await writeFileAtomic(samPath, formatSamCsv(sam));
  await writeFileAtomic(paramsPath, JSON.stringify(sortKeys(db.params), null, 2) + '\n');
  await writeFileAtomic(sourcePath, sourceMarkdown(db.record));
  return [samPath, paramsPath, sourcePath];
}

/** Reads a database directory (`sam.csv`, `params.json`). */
export async function readDdcgeDatabase(dir: string, area?: string): Promise<DdcgeDatabase> {
  const samFile = join(dir, 'sam.csv');
  const paramsFile = join(dir, 'params.json');
  let params: Record<string, unknown>;
  try {
    params = JSON.parse(await readFile(paramsFile, 'utf8')) as Record<string, unknown>;
  } catch (err) {
    throw new InputError('DATABASE_UNREADABLE', `cannot read the ddcge parameter file: ${(err as Error).message}`, { file: paramsFile });
  }
  const sam = await readSamCsv(samFile);
  const record = params.provenance as DdcgeDatabaseRecord | undefined;
  if (!record || !record.baseline)
    throw new InputError(
      'DATABASE_NO_PROVENANCE',
      'params.json has no "provenance" record of the observations and assumptions it was built from',
      { file: paramsFile, jsonPath: '/provenance' },
    );
  const b = record.baseline;
  const baseline: ConnectivityBaseline = {
    area: area ?? record.area,
    year: record.baseYear,
    urbanPopulation: b.urbanPopulation,
    ruralPopulation: b.ruralPopulation,
    urbanShare: b.urbanShare,
    ruralShare: b.ruralShare,
    provenance: record.observations,
    assumptions: b.notes,
  };
  return { area: area ?? record.area, sam: { accounts: sam.accounts, values: sam.values, file: samFile }, params, baseline, record };
}

function sortKeys(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(sortKeys);
  if (x && typeof x === 'object')
    return Object.fromEntries(
      Object.keys(x)
        .sort()
        .map((k) => [k, sortKeys((x as Record<string, unknown>)[k])]),
    );
  return x;
}

function sourceMarkdown(r: DdcgeDatabaseRecord): string {
  const pct = (x: number) => `${(100 * x).toFixed(2)} %`;
  const lines = [
    `# ddcge database: ${r.area}, ${r.baseYear}`,
    '',
    `Built by \`buildDdcgeDatabase\` (src/cge/digital/database.ts) from the national SAM \`${r.samFile}\``,
    '(common ASEAN classification; see datasets/sam/asean/README.md for its sources — ADB MRIO 2022 totals, the structure below them',
    "as datasets/sam/asean/provenance.csv states block by block (the economy's own SAM where one is shipped, else the Thai SAM 2006),",
    "the guideline's digital shares), the harmonised observations in `datasets/ddcge/observations.csv` (an extract of",
    '`harmoniseDefault` output: WDI IT.NET.USER.ZS as HH7, OWID/UN WUP 2018 urban and rural population) and the outside',
    'assumptions of `datasets/ddcge/assumptions.json`. Units: US$ million (SAM), persons (population).',
    '',
    '## Connectivity baseline',
    '',
    `Urban population ${Math.round(r.baseline.urbanPopulation)}, rural ${Math.round(r.baseline.ruralPopulation)}; connected share urban ${pct(r.baseline.urbanShare)}, rural ${pct(r.baseline.ruralShare)}.`,
    '',
    'Observations used:',
    '',
    ...r.observations.map((o) => `- ${o}`),
    ...(r.baseline.notes.length ? ['', 'Assumption applied to the baseline:', '', ...r.baseline.notes.map((x) => `- ${x}`)] : []),
    '',
    '## Consolidation of the national SAM',
    '',
    ...r.notes.map((x) => `- ${x}`),
    '',
    '## Outside assumptions used (not findings)',
    '',
    ...Object.keys(r.assumptions)
      .sort()
      .map((k) => `- \`${k}\` = \`${JSON.stringify(r.assumptions[k]!.value)}\` — ${r.assumptions[k]!.source}`),
    '',
    'Licence: data derived from ADB MRIO (CC BY 3.0 IGO), World Bank WDI (CC BY 4.0) and OWID (CC BY 4.0); see the SOURCE.md of each input.',
    '',
  ];
  return lines.join('\n');
}
