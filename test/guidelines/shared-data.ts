/** Readers for the public reference files in ../shared/data that the guideline tests check against. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

/** Folder of the shared real data (`../shared/data` from the package root). */
export const SHARED = join(import.meta.dirname, '../../../shared/data');

function csvRows(text: string): string[][] {
  return parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
}

/** `[code, name]` of every row of a WDI wide CSV (2018 files have a 4-line preamble). */
export function wdiWideAreas(file: string): [string, string][] {
  const lines = readFileSync(join(SHARED, 'wdi', file), 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/);
  const start = lines.findIndex((l) => l.replace(/"/g, '').startsWith('Country Name,Country Code'));
  const rows = csvRows(lines.slice(start).join('\n'));
  return rows.slice(1).map((r) => [r[1], r[0]]);
}

/** Rows of the 2024 WDI country metadata: code, region (empty for aggregates), name. */
export function wdiMetadata(): { code: string; region: string; name: string }[] {
  const rows = csvRows(
    readFileSync(join(SHARED, 'wdi', 'figurefriday2024_Metadata_Country_API_IT.NET.USER.ZS_DS2_en_csv_v2_2160.csv'), 'utf8'),
  );
  const h = rows[0];
  const ci = h.indexOf('Country Code');
  const ri = h.indexOf('Region');
  const ni = h.indexOf('TableName');
  return rows.slice(1).map((r) => ({ code: r[ci], region: r[ri], name: r[ni] }));
}

/** `{iso3, id, name}` of every record of the 2018 World Bank API JSON (iso3 is '' for aggregates). */
export function wbApiAreas(): { iso3: string; id: string; name: string }[] {
  const j = JSON.parse(readFileSync(join(SHARED, 'wdi', 'wikistats2018_SP.POP.TOTL_api_v2.json'), 'utf8')) as [
    unknown,
    { countryiso3code: string; country: { id: string; value: string } }[],
  ];
  const seen = new Map<string, { iso3: string; id: string; name: string }>();
  for (const r of j[1]) seen.set(r.country.id, { iso3: r.countryiso3code, id: r.country.id, name: r.country.value });
  return [...seen.values()];
}

/** Distinct OWID entity names of the UN WUP 2018 file. */
export function owidEntities(): string[] {
  const rows = csvRows(readFileSync(join(SHARED, 'owid', 'owid_UN_WUP2018_urban_rural_population.csv'), 'utf8'));
  return [...new Set(rows.slice(1).map((r) => r[0]))].sort();
}

/** Sector codes (`c1`…`c35`) and names of the ADB MRIO sector dictionary. */
export function adbMrioSectors(): { code: string; name: string }[] {
  const rows = csvRows(readFileSync(join(SHARED, 'adb_mrio', 'adbmrio_sectors.csv'), 'utf8'));
  return rows.slice(1).map((r) => ({ code: `c${r[0]}`, name: r[1] }));
}

/** Activity labels (`A-*`) of the Thai SAM 2006 (CR-only line ends). */
export function thaiSamActivities(): string[] {
  const text = readFileSync(join(SHARED, 'sam', 'ThaiSAM2006.csv'), 'utf8');
  const header = text.split(/\r\n|\r|\n/)[0].split(',');
  return header.filter((h) => h.startsWith('A-'));
}

/** `[code, label]` of the 72 industries of the BPS 2012 Jakarta input-output table (rows 4–75, columns A–B of every sheet). */
export async function bpsIoIndustries(): Promise<{ sheet: string; rows: [string, string][] }[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(SHARED, 'io', 'jakarta_2012', '31_tabio_dki_jakarta_2012_BPS.xlsx'));
  return wb.worksheets.map((ws) => {
    const rows: [string, string][] = [];
    for (let r = 4; r <= 75; r++) {
      const row = ws.getRow(r);
      rows.push([String(row.getCell(1).value), String(row.getCell(2).value).trim()]);
    }
    return { sheet: ws.name, rows };
  });
}
