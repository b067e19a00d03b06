import { statSync } from 'node:fs';
import { basename } from 'node:path';
import type { SourceMapping } from '../../guidelines/generated/source-mapping.js';
import type { Grid } from './grid.js';
import type { ColumnRoles } from './columns.js';
import type { TableShape } from './shape.js';

/** National statistical offices of the Member States, for a draft's publisher guess. */
const NSO: Record<string, string> = {
  BRN: 'Department of Economic Planning and Statistics, Brunei Darussalam',
  KHM: 'National Institute of Statistics, Cambodia',
  IDN: 'BPS-Statistics Indonesia',
  LAO: 'Lao Statistics Bureau',
  MYS: 'Department of Statistics Malaysia',
  MMR: 'Central Statistical Organization, Myanmar',
  PHL: 'Philippine Statistics Authority',
  SGP: 'Department of Statistics Singapore',
  THA: 'National Statistical Office Thailand',
  VNM: 'General Statistics Office of Viet Nam',
};

/** What the draft guesses about the source, with a comment per guess. */
export interface SourceGuess {
  source: SourceMapping['source'];
  comments: string[];
  /** Whether the file is a World Bank WDI download (leading zeros are padding there). */
  wdi: boolean;
}

function cellAfter(grid: Grid, label: RegExp): string | undefined {
  for (const r of grid.records) {
    const i = r.cells.findIndex((c) => label.test(c.trim()));
    if (i >= 0) {
      const inline = label.exec(r.cells[i].trim());
      if (inline && inline[1]) return inline[1].trim();
      const next = r.cells.slice(i + 1).find((c) => c.trim() !== '');
      if (next) return next.trim();
    }
  }
  return undefined;
}

function isoDate(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const t = text.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return t;
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (us) return `${us[3]}-${us[1].padStart(2, '0')}-${us[2].padStart(2, '0')}`;
  return undefined;
}

function firstValue(shape: TableShape, roles: ColumnRoles, name: RegExp): string | undefined {
  const c = roles.names.findIndex((n) => name.test(n.trim()));
  if (c < 0) return undefined;
  return shape.data.map((r) => (r.cells[c] ?? '').trim()).find((v) => v !== '');
}

/** A source id from a file name: letters, digits, `_`, `.` and `-`, at most 64 characters. */
export function sourceIdOf(file: string): string {
  const stem = basename(file).replace(/\.[^.]+$/, '');
  const id = stem
    .replace(/[^A-Za-z0-9_.-]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 64);
  return id || 'DRAFT_SOURCE';
}

/**
 * Guesses the source block: publisher, class and dataset from what the file says (a WDI download's
 * "Data Source" line, a DataBank footer, a Data360 DATABASE_ID column, or provinces of one Member
 * State: its statistical office), the release date from the file ("Last Updated Date") or else the
 * file's modification date, and a title from the preamble or the indicator name.
 */
export function guessSource(file: string, grid: Grid, shape: TableShape, roles: ColumnRoles, releaseDate: string | undefined): SourceGuess {
  const comments: string[] = [];
  const dataSource = cellAfter(grid, /^Data Source$/i) ?? cellAfter(grid, /^Data from database:\s*(.+)$/i);
  const updated = isoDate(cellAfter(grid, /^Last Updated Date$/i) ?? cellAfter(grid, /^Last Updated:\s*(.+)$/i));
  const database = firstValue(shape, roles, /^DATABASE_ID$/);
  const wdi = /World Development Indicators/i.test(dataSource ?? '');
  const countries = new Set(shape.areas.filter((a) => a.type === 'subnational').map((a) => a.code.slice(0, 2)));
  let publisher = 'unknown publisher';
  let cls = 'other';
  let dataset: string | undefined;
  if (wdi) {
    publisher = 'World Bank';
    cls = 'world_bank';
    dataset = 'WDI';
    comments.push(`the file says "Data Source: ${dataSource}": World Bank WDI (class world_bank, dataset WDI)`);
  } else if (database && /^ITU/i.test(database)) {
    publisher = 'ITU (via World Bank Data360)';
    cls = 'itu';
    dataset = database;
    comments.push(`DATABASE_ID is ${database}: ITU data republished by World Bank Data360 (class itu, dataset ${database})`);
  } else if (database) {
    publisher = `${database} (via World Bank Data360)`;
    cls = 'world_bank';
    dataset = database;
    comments.push(`DATABASE_ID is ${database} (class world_bank): check`);
  } else if (countries.size === 1) {
    const parent = shape.areas.find((a) => a.type === 'subnational')!;
    const iso3 =
      { ID: 'IDN', TH: 'THA', MY: 'MYS', VN: 'VNM', PH: 'PHL', KH: 'KHM', LA: 'LAO', MM: 'MMR', BN: 'BRN', SG: 'SGP' }[
        parent.code.slice(0, 2)
      ] ?? '';
    publisher = NSO[iso3] ?? 'the national statistical office';
    cls = 'nso';
    comments.push(
      `the areas are provinces of ${iso3 || 'one country'}: guessed its national statistical office (class nso); check the publisher`,
    );
  } else comments.push('publisher not found in the file: write it, and its class (nso, regulator, itu, un, adb, world_bank, other)');
  let release = releaseDate ?? updated;
  if (releaseDate) comments.push(`release date ${releaseDate} as given`);
  else if (updated) comments.push(`release date from the file ("Last Updated" ${updated})`);
  else {
    release = statSync(file).mtime.toISOString().slice(0, 10);
    comments.push(`release date not in the file: the file's modification date ${release}; replace it with the publisher's release date`);
  }
  const titleRow = shape.preamble
    .map((r) => r.cells.filter((c) => c.trim() !== ''))
    .filter((c) => c.length === 1)
    .map((c) => c[0].trim())
    .sort((a, b) => b.length - a.length)[0];
  const title = firstValue(shape, roles, /^(Indicator Name|INDICATOR_LABEL|Series Name)$/) ?? titleRow ?? basename(file);
  comments.push(
    `title from ${title === titleRow ? 'the preamble' : title === basename(file) ? 'the file name' : 'the indicator name column'}`,
  );
  const source: SourceMapping['source'] = {
    id: sourceIdOf(file),
    title,
    publisher,
    class: cls,
    ...(dataset ? { dataset } : {}),
    releaseDate: release!,
  };
  return { source, comments, wdi };
}
