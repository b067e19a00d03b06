import { readFile } from 'node:fs/promises';
import { loadExcelJs } from '../../util/lazy-modules.js';
import { parse } from 'csv-parse/sync';
import { InputError } from '../../errors.js';
import { excelCellValue } from '../io/xlsx.js';
import { ADB_TO_COMMON, COMMON_SECTOR_CODES } from './common-classification.js';

/**
 * Control totals of one sector (current US$ million in ADB MRIO): gross output `x`, intermediate
 * inputs used `zuse`, value added `va`, intermediate sales `zsales`, final demand `y`, and the
 * domestic sales `e` = `ez` (intermediate) + `ey` (final); exports are `x − e`.
 * Identities: x = zuse + va = zsales + y.
 */
export interface SectorControls {
  /** Sector code. */
  sector: string;
  /** Gross output. */
  x: number;
  /** Intermediate inputs used (domestic and imported). */
  zuse: number;
  /** Value added. */
  va: number;
  /** Intermediate sales (to all economies). */
  zsales: number;
  /** Final demand for the sector's output (all economies). */
  y: number;
  /** Domestic sales. */
  e: number;
  /** Domestic intermediate sales. */
  ez: number;
  /** Domestic final sales. */
  ey: number;
}

/** The quantities of {@link SectorControls}, in file order. */
export const CONTROL_FIELDS = ['x', 'zuse', 'va', 'zsales', 'y', 'e', 'ez', 'ey'] as const;

/** An economy of ADB MRIO: its index `s` in the summary, ADB code, ISO 3166-1 alpha-3 and name. */
export interface AdbEconomy {
  /** Index `s` of the economy in the summary. */
  mrio: number;
  /** ADB economy code (BRU, CAM, INO, …). */
  adbCode: string;
  /** ISO 3166-1 alpha-3. */
  iso3: string;
  /** Name as ADB gives it. */
  name: string;
}

/**
 * Reads the economies of ADB MRIO from the country concordance workbook (sheet `MRIO`: index, ADB
 * code, name, ISO numeric; sheet `ISO`: ISO numeric → alpha-3). Formula cells give their cached values.
 */
export async function readAdbEconomies(path: string): Promise<AdbEconomy[]> {
  const wb = new (await loadExcelJs()).Workbook();
  try {
    await wb.xlsx.readFile(path);
  } catch (err) {
    throw new InputError('XLSX_UNREADABLE', `cannot read the workbook: ${(err as Error).message}`, { file: path }, { cause: err });
  }
  const sheet = (name: string) => {
    const ws = wb.getWorksheet(name);
    if (!ws) throw new InputError('XLSX_NO_SHEET', `no sheet '${name}' in the concordance`, { file: path, sheet: name });
    const rows: (string | number | null | undefined)[][] = [];
    ws.eachRow((row) => {
      const cells: (string | number | null | undefined)[] = [];
      for (let c = 1; c <= ws.columnCount; c++) cells.push(excelCellValue(row.getCell(c).value));
      rows.push(cells);
    });
    const head = rows[0].map((h) => String(h ?? ''));
    return rows.slice(1).map((r) => Object.fromEntries(head.map((h, i) => [h, r[i]])));
  };
  const iso = new Map<number, string>();
  for (const r of sheet('ISO')) if (typeof r.iso_num === 'number' && typeof r.iso_3 === 'string') iso.set(r.iso_num, r.iso_3);
  const out: AdbEconomy[] = [];
  for (const r of sheet('MRIO')) {
    if (typeof r.mrio !== 'number' || typeof r.iso_num !== 'number') continue;
    const iso3 = iso.get(r.iso_num);
    if (!iso3) continue;
    out.push({ mrio: r.mrio, adbCode: String(r.mrio_code), iso3, name: String(r.mrio_name) });
  }
  return out.sort((a, b) => a.mrio - b.mrio);
}

/**
 * Parses the ADB MRIO summary (`t,s,i,…,x,zuse,va,zsales,y,e,ez,ey`) into sector controls by
 * `year:economy` key, sectors `c1`…`c35`. Non-numeric cells throw `ADB_NOT_NUMERIC` with file, row
 * and column.
 */
export function parseAdbMrioSummary(text: string, file?: string): Map<string, SectorControls[]> {
  const rows = parse(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  const out = new Map<string, SectorControls[]>();
  rows.forEach((r, k) => {
    const rec: Record<string, number> = {};
    for (const f of CONTROL_FIELDS) {
      const v = Number(r[f]);
      if (r[f] === undefined || r[f].trim() === '' || !Number.isFinite(v)) {
        throw new InputError('ADB_NOT_NUMERIC', `'${r[f] ?? ''}' is not a number`, {
          ...(file !== undefined ? { file } : {}),
          row: k + 2,
          column: f,
        });
      }
      rec[f] = v;
    }
    const key = `${Number(r.t)}:${Number(r.s)}`;
    const list = out.get(key) ?? [];
    list.push({ sector: `c${r.i}`, ...(rec as Omit<SectorControls, 'sector'>) });
    out.set(key, list);
  });
  return out;
}

/** Reads the ADB MRIO summary file; see {@link parseAdbMrioSummary}. */
export async function readAdbMrioSummary(path: string): Promise<Map<string, SectorControls[]>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new InputError('FILE_UNREADABLE', `cannot read the file: ${(err as Error).message}`, { file: path }, { cause: err });
  }
  return parseAdbMrioSummary(text, path);
}

/** A digital share applied to an ADB sector, with its source, for the provenance log. */
export interface AppliedShare {
  sector: string;
  digitalSector: string;
  target: string;
  share: number;
  source: string;
}

/**
 * Maps ADB MRIO sector controls to the common sectors: plain sectors are added up, and each mixed
 * sector (c14, c27, c30) is divided between its common digital sector and the rest by `shareOf`
 * (the guideline's share), applied alike to every quantity (a gross-output share keeps the
 * sector's input structure).
 * @param shareOf share of the digital part of an ADB sector, its digital sector id and source
 */
export function adbToCommon(
  controls: readonly SectorControls[],
  shareOf: (adbSector: string) => { digitalSector: string; target: string; share: number; source: string } | undefined,
): { controls: SectorControls[]; applied: AppliedShare[] } {
  const acc = new Map<string, SectorControls>(
    COMMON_SECTOR_CODES.map((c) => [c, { sector: c, x: 0, zuse: 0, va: 0, zsales: 0, y: 0, e: 0, ez: 0, ey: 0 }]),
  );
  const applied: AppliedShare[] = [];
  const add = (to: string, from: SectorControls, f: number) => {
    const t = acc.get(to)!;
    for (const k of CONTROL_FIELDS) t[k] += f * from[k];
  };
  for (const c of controls) {
    const target = ADB_TO_COMMON[c.sector];
    if (target === undefined) throw new InputError('ADB_UNKNOWN_SECTOR', `ADB sector '${c.sector}' has no common sector`);
    if (typeof target === 'string') add(target, c, 1);
    else {
      const s = shareOf(c.sector);
      if (!s) throw new InputError('ADB_NO_SHARE', `no digital share for mixed ADB sector '${c.sector}'`);
      add(s.target, c, s.share);
      add(target.rest, c, 1 - s.share);
      applied.push({ sector: c.sector, digitalSector: s.digitalSector, target: s.target, share: s.share, source: s.source });
    }
  }
  return { controls: [...acc.values()], applied };
}
