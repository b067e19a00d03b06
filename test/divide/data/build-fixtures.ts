/**
 * Rebuilds the observation fixtures of the divide tests from the real World Bank files in
 * ../shared/data/wdi, independently of the library (node built-ins only, its own CSV splitter):
 *
 *   npx tsx test/divide/data/build-fixtures.ts
 *
 * - hh7_ams.csv:   HH7 (Individuals using the Internet, % of population; WDI IT.NET.USER.ZS, 2024
 *                  release) and POP (SP.POP.TOTL, 2018 API release) for the ten AMS.
 * - ams_index.csv: the same plus i271 (mobile-cellular subscriptions per 100 people,
 *                  IT.CEL.SETS.P2, 2018 release) and GDP_PCAP_KD (GDP per capita, constant 2010 US$,
 *                  2018 release): the inputs of the shipped composite index.
 * Leading zeros before a series starts are padding in the WDI wide files, not data: dropped.
 * PROV_ROW is the 1-based line of the source file (JSON: the 1-based record number), PROV_COLUMN
 * the year column (JSON: `value`).
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

const here = import.meta.dirname;
const wdi = join(here, '../../../../shared/data/wdi');
const AMS = ['BRN', 'IDN', 'KHM', 'LAO', 'MMR', 'MYS', 'PHL', 'SGP', 'THA', 'VNM'];
const COLS =
  'STRUCTURE,STRUCTURE_ID,ACTION,REF_AREA,INDICATOR,SEX,AGE,URBANISATION,INCOME_WEALTH_QUANTILE,FREQ,TIME_PERIOD,OBS_VALUE,UNIT_MEASURE,UNIT_MULT,OBS_STATUS,SOURCE_ID,RELEASE_DATE,PROV_FILE,PROV_SHEET,PROV_ROW,PROV_COLUMN,PROV_MAPPING,PROV_SHA256';

type Row = string[];

function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let q = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (q) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') q = false;
      else cur += ch;
    } else if (ch === '"') q = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

function wide(file: string, indicator: string, unit: string, source: string, release: string): Row[] {
  const buf = readFileSync(join(wdi, file));
  const sha = createHash('sha256').update(buf).digest('hex');
  const lines = buf
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\n|\r/);
  const h = lines.findIndex((l) => l.replace(/"/g, '').startsWith('Country Name,'));
  const header = splitCsvLine(lines[h]);
  const out: Row[] = [];
  lines.forEach((line, i) => {
    if (i <= h || !line) return;
    const cells = splitCsvLine(line);
    const area = cells[1];
    if (!AMS.includes(area)) return;
    let started = false;
    for (let c = 4; c < header.length; c++) {
      if (!/^\d{4}$/.test(header[c]) || cells[c] === undefined || cells[c] === '') continue;
      const v = Number(cells[c]);
      if (!started && v === 0) continue;
      started = true;
      out.push([
        'dataflow',
        'ASEAN:DF_DIGITAL(1.0)',
        'M',
        area,
        indicator,
        '_T',
        '_T',
        '_T',
        '_T',
        'A',
        header[c],
        String(v),
        unit,
        '0',
        'A',
        source,
        release,
        basename(file),
        '',
        String(i + 1),
        header[c],
        'test/divide/data/build-fixtures.ts',
        sha,
      ]);
    }
  });
  return out;
}

function population(): Row[] {
  const file = 'wikistats2018_SP.POP.TOTL_api_v2.json';
  const buf = readFileSync(join(wdi, file));
  const sha = createHash('sha256').update(buf).digest('hex');
  const [meta, records] = JSON.parse(buf.toString('utf8')) as [
    { lastupdated: string },
    { countryiso3code: string; date: string; value: number | null }[],
  ];
  const out: Row[] = [];
  records.forEach((r, i) => {
    if (!AMS.includes(r.countryiso3code) || r.value === null || Number(r.date) < 1990) return;
    out.push([
      'dataflow',
      'ASEAN:DF_DIGITAL(1.0)',
      'M',
      r.countryiso3code,
      'POP',
      '_T',
      '_T',
      '_T',
      '_T',
      'A',
      r.date,
      String(r.value),
      'PERSONS',
      '0',
      'A',
      'WB_WDI_2018',
      meta.lastupdated,
      file,
      '',
      String(i + 1),
      'value',
      'test/divide/data/build-fixtures.ts',
      sha,
    ]);
  });
  return out;
}

function write(name: string, rows: Row[]): void {
  rows.sort((a, b) => a[4].localeCompare(b[4]) || a[3].localeCompare(b[3]) || a[10].localeCompare(b[10]));
  writeFileSync(join(here, name), `${COLS}\n${rows.map((r) => r.join(',')).join('\n')}\n`);
  process.stdout.write(`wrote ${name}: ${rows.length} observations\n`);
}

const hh7 = wide('figurefriday2024_API_IT.NET.USER.ZS_DS2_en_csv_v2_2160.csv', 'HH7', 'PERCENT', 'WB_WDI_2024', '');
const pop = population();
write('hh7_ams.csv', [...hh7, ...pop]);
const mob = wide('wikistats2018_API_IT.CEL.SETS.P2_DS2_en_csv_v2.csv', 'i271', 'PER_100_POP', 'WB_WDI_2018', '2018-04-24');
const gdp = wide('wikistats2018_API_NY.GDP.PCAP.KD_DS2_en_csv_v2_9908764.csv', 'GDP_PCAP_KD', 'USD_2010', 'WB_WDI_2018', '2018-04-24');
write('ams_index.csv', [...hh7, ...pop, ...mob, ...gdp]);
