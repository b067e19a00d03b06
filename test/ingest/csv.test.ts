import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { otherNumberFormat, parseLocaleNumber, readCsv, readCsvText, streamCsvFile, type RawRow } from '../../src/ingest/index.js';

const data = join(import.meta.dirname, 'data');

function rowsOf(text: string, opts = {}): { header: string[]; rows: RawRow[] } {
  const rows: RawRow[] = [];
  let header: string[] = [];
  readCsvText(text, 'x.csv', opts, {
    onHeader: (h) => {
      header = h;
    },
    onRow: (r) => rows.push(r),
  });
  return { header, rows };
}

describe('CSV reader', () => {
  it('reads LF, CRLF and CR-only line ends alike, with the rows a person sees', () => {
    const lf = 'a,b\n1,2\n\n3,4\n';
    for (const t of [lf, lf.replace(/\n/g, '\r\n'), lf.replace(/\n/g, '\r')]) {
      const { header, rows } = rowsOf(t);
      expect(header).toEqual(['a', 'b']);
      expect(rows.map((r) => [r.row, ...r.cells])).toEqual([
        [2, '1', '2'],
        [4, '3', '4'],
      ]);
    }
  });

  it('drops a BOM, skips a preamble, and handles a trailing separator on every line', () => {
    const t =
      '\ufeff"Data Source","WDI",\n\n"Last Updated Date","2018-05-02",\n\n"Country Name","Country Code","2016",\n"Viet Nam","VNM","1.5",\n';
    const { header, rows } = rowsOf(t, { skipRows: 4 });
    expect(header).toEqual(['Country Name', 'Country Code', '2016']);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ row: 6, cells: ['Viet Nam', 'VNM', '1.5'] });
  });

  it('keeps newlines and doubled quotes inside quoted fields and counts rows after them correctly', () => {
    const t = 'code,note\nAFG,"line one\n\nline ""three"""\nALB,plain\n';
    const { rows } = rowsOf(t);
    expect(rows[0].cells).toEqual(['AFG', 'line one\n\nline "three"']);
    expect(rows[1]).toMatchObject({ row: 5, cells: ['ALB', 'plain'] });
  });

  it('sniffs a semicolon delimiter', () => {
    expect(rowsOf('a;b\n1,5;2\n').rows[0].cells).toEqual(['1,5', '2']);
  });

  it('an unbalanced quote rejects the row where it opened and does not swallow the rows after it', () => {
    const neverClosed = 'area,value\nVNM,1\n"THA,2\nMYS,3\nSGP,4\n';
    const { rows } = rowsOf(neverClosed);
    expect(rows.map((r) => [r.row, r.error?.code ?? 'ok', ...r.cells])).toEqual([
      [2, 'ok', 'VNM', '1'],
      [3, 'CSV_UNBALANCED_QUOTE'],
      [4, 'ok', 'MYS', '3'],
      [5, 'ok', 'SGP', '4'],
    ]);
    expect(rows[1].text).toBe('"THA,2');
    // the stray quote pairs with a later quote: detected by what follows the "closing" quote
    const pairsLater = 'area,value\n"THA,2\nMYS,"3"\nSGP,4\n';
    const r2 = rowsOf(pairsLater).rows;
    expect(r2.map((r) => [r.row, r.error?.code ?? 'ok'])).toEqual([
      [2, 'CSV_UNBALANCED_QUOTE'],
      [3, 'ok'],
      [4, 'ok'],
    ]);
    expect(r2[1].cells).toEqual(['MYS', '3']);
    // a quoted field over more lines than allowed
    const long = `a,b\n"x${'\n'.repeat(5)}",1\nVNM,2\n`;
    const r3 = rowsOf(long, { maxLinesPerField: 3 }).rows;
    expect(r3[0]).toMatchObject({ row: 2, error: { code: 'CSV_UNBALANCED_QUOTE' } });
    expect(r3.at(-1)).toMatchObject({ row: 8, cells: ['VNM', '2'] });
  });

  it('a stray quote closed by a quote rows later (a later row ends in 12") rejects its row; the rows in between are read', () => {
    const text = 'area,year,value\nVNM,2019,60\n"THA,2019,50\nMYS,2019,70\nSGP,2019,12"\nPHL,2019,40\n';
    const { rows } = rowsOf(text);
    expect(rows.map((r) => [r.row, r.error?.code ?? 'ok', ...r.cells])).toEqual([
      [2, 'ok', 'VNM', '2019', '60'],
      [3, 'CSV_UNBALANCED_QUOTE'],
      [4, 'ok', 'MYS', '2019', '70'],
      [5, 'ok', 'SGP', '2019', '12"'],
      [6, 'ok', 'PHL', '2019', '40'],
    ]);
    expect(rows[1].error?.message).toMatch(/line 3: a quoted field runs over 3 lines and the row then has 1 cell/);
    // a quoted field over lines in a row of the right width is the dialect's: kept
    expect(rowsOf('a,b\n"x\ny",1\n').rows.map((r) => r.cells)).toEqual([['x\ny', '1']]);
    // a dialect that allows no line break inside a field (maxLinesPerField 0) rejects even that row
    expect(rowsOf('a,b\n"x\ny",1\nz,2\n', { maxLinesPerField: 0 }).rows.map((r) => [r.row, r.error?.code ?? 'ok'])).toEqual([
      [2, 'CSV_UNBALANCED_QUOTE'],
      [3, 'ok'],
      [4, 'ok'],
    ]);
  });

  it('marks ragged rows', () => {
    const { rows } = rowsOf('a,b,c\n1,2,3\n1,2\n1,2,3,4\n');
    expect(rows.map((r) => r.error?.code ?? 'ok')).toEqual(['ok', 'CSV_RAGGED_ROW', 'CSV_RAGGED_ROW']);
    expect(rows[1].row).toBe(3);
  });

  it('an empty file is a located error', () => {
    try {
      readCsv(join(data, 'empty.csv'));
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(InputError);
      expect((err as InputError).code).toBe('FILE_EMPTY');
      expect((err as InputError).location).toMatchObject({ file: join(data, 'empty.csv'), row: 1 });
    }
  });

  it('invalid UTF-8 is a located error, and reads with the declared encoding', () => {
    const f = join(data, 'latin1.csv');
    try {
      readCsv(f);
      expect.unreachable();
    } catch (err) {
      expect((err as InputError).code).toBe('FILE_ENCODING');
      expect((err as InputError).location?.row).toBe(3);
      expect((err as InputError).message).toMatch(/windows-1252/);
    }
    expect(readCsv(f, { encoding: 'windows-1252' }).rows[1].cells[0]).toBe('THÉ');
  });

  it('reads a CR-only file with decimal commas, quoted numbers and scientific notation', () => {
    const t = readCsv(join(data, 'cr-only-decimal-comma.csv'));
    expect(t.rows.map((r) => r.row)).toEqual([2, 3]);
    const fmt = { decimal: ',', thousands: '.' };
    expect(parseLocaleNumber(t.rows[0].cells[2], fmt)).toBe(1234.5);
    expect(parseLocaleNumber(t.rows[1].cells[2], fmt)).toBe(6.3e-5);
  });

  it('stacked header rows are joined, merged cells filled', () => {
    const { header } = rowsOf('Country,Internet,,Mobile\n,2019,2020,2020\nVNM,1,2,3\n', { headerRows: 2 });
    expect(header).toEqual(['Country', 'Internet / 2019', 'Internet / 2020', 'Mobile / 2020']);
  });
});

describe('parseLocaleNumber', () => {
  it('reads locale marks and refuses what is not a number', () => {
    expect(parseLocaleNumber('1,234.5', { thousands: ',' })).toBe(1234.5);
    expect(parseLocaleNumber('1 234,5', { decimal: ',', thousands: ' ' })).toBe(1234.5);
    expect(parseLocaleNumber('4.506179098')).toBe(4.506179098);
    expect(parseLocaleNumber('1.5e3')).toBe(1500);
    expect(parseLocaleNumber('0x10')).toBeNaN();
    expect(parseLocaleNumber('Infinity')).toBeNaN();
    expect(parseLocaleNumber('12,34', { thousands: ',' })).toBeNaN();
    expect(parseLocaleNumber('abc')).toBeNaN();
  });

  it('never reinterprets a number written in another locale than the declared one', () => {
    // the two cases of the issue: both used to give 1.2345
    expect(parseLocaleNumber('1.234,5', { thousands: ',' })).toBeNaN();
    expect(parseLocaleNumber('1,234.5', { decimal: ',', thousands: '.' })).toBeNaN();
    expect(parseLocaleNumber('1,234.5', { decimal: ',' })).toBeNaN();
    expect(parseLocaleNumber('1.5', { decimal: ',', thousands: '.' })).toBeNaN();
    expect(parseLocaleNumber('1,5', { thousands: ',' })).toBeNaN();
    expect(parseLocaleNumber('1,234,5', { thousands: ',' })).toBeNaN();
    expect(parseLocaleNumber('1.234.567,89', { decimal: ',', thousands: '.' })).toBe(1234567.89);
    expect(parseLocaleNumber('-1 234 567', { thousands: ' ' })).toBe(-1234567);
    expect(parseLocaleNumber("12'345.5", { thousands: "'" })).toBe(12345.5);
    expect(parseLocaleNumber('1,234', { decimal: ',', thousands: ',' })).toBeNaN();
    expect(otherNumberFormat('1.234,5', { thousands: ',' })).toEqual({ decimal: ',', thousands: '.' });
    expect(otherNumberFormat('1,234.5', { decimal: ',', thousands: '.' })).toEqual({ decimal: '.', thousands: ',' });
    expect(otherNumberFormat('abc', {})).toBeUndefined();
  });

  it('any number written in a format reads back in that format and in no other that would change it', () => {
    const formats = [
      { decimal: '.', thousands: ',' },
      { decimal: ',', thousands: '.' },
      { decimal: ',', thousands: ' ' },
      { decimal: '.', thousands: '' },
      { decimal: ',', thousands: '' },
    ];
    const write = (x: number, f: { decimal: string; thousands: string }): string => {
      const [int, frac] = Math.abs(x).toFixed(2).split('.');
      const grouped = f.thousands ? int.replace(/\B(?=(\d{3})+(?!\d))/g, f.thousands) : int;
      return `${x < 0 ? '-' : ''}${grouped}${f.decimal}${frac}`;
    };
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.constantFrom(...formats), fc.constantFrom(...formats), (cents, f, g) => {
        const x = cents / 100;
        const text = write(x, f);
        expect(parseLocaleNumber(text, f)).toBeCloseTo(x, 6);
        const y = parseLocaleNumber(text, g);
        // read with another format, it is either refused or the very same number
        if (!Number.isNaN(y)) expect(y).toBeCloseTo(x, 6);
      }),
      { numRuns: 500, seed: 7 },
    );
  });
});

describe('reading a file in chunks', () => {
  it('gives the rows of reading it whole, for any text and any chunk size (quotes, line breaks in fields, stray quotes, CRLF, preamble)', () => {
    const field = fc.oneof(
      fc.constantFrom('', 'VNM', '12.5', 'a,b', 'x"y', '"q"', 'line\nbreak', 'Thành thị', '12"', '"open'),
      fc.string({ maxLength: 4 }),
    );
    const line = fc
      .array(field, { minLength: 1, maxLength: 4 })
      .map((fs) => fs.map((f) => (/[",\n]/.test(f) && !f.startsWith('"') ? `"${f.replace(/"/g, '""')}"` : f)).join(','));
    const text = fc.tuple(
      fc.array(line, { minLength: 1, maxLength: 12 }),
      fc.constantFrom('\n', '\r\n', '\r'),
      fc.integer({ min: 0, max: 2 }),
    );
    const dir = mkdtempSync(join(tmpdir(), 'digicge-chunks-'));
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 40 }), ([lines, eol, skip], chunk) => {
        const body = `${'preamble line\n'.repeat(skip)}h1,h2,h3${eol}${lines.join(eol)}${eol}`;
        const file = join(dir, 't.csv');
        writeFileSync(file, body);
        const collect = (run: (sink: { onHeader: (h: string[], r: number) => void; onRow: (r: RawRow) => void }) => void) => {
          const out: unknown[] = [];
          try {
            run({
              onHeader: (h, r) => out.push(['header', r, ...h]),
              onRow: (r) => out.push([r.row, r.error?.code ?? 'ok', r.text, ...r.cells]),
            });
          } catch (err) {
            out.push(['error', (err as InputError).code]);
          }
          return out;
        };
        const whole = collect((sink) => readCsvText(body, 'x.csv', { skipRows: skip, delimiter: ',' }, sink));
        const chunked = collect((sink) => streamCsvFile(file, { skipRows: skip, delimiter: ',' }, sink, 'x.csv', chunk));
        expect(chunked).toEqual(whole);
      }),
      { numRuns: 300, seed: 3 },
    );
  });

  it('reads the WDI 2024 file in 4 KB chunks exactly as at once (BOM, CRLF, scientific notation)', () => {
    const f = join(import.meta.dirname, '../../datasets/wdi/figurefriday2024_API_IT.NET.USER.ZS_DS2_en_csv_v2_2160.csv');
    const grab = (chunk?: number) => {
      const rows: string[][] = [];
      streamCsvFile(f, {}, { onHeader: (h) => rows.push(h), onRow: (r) => rows.push([String(r.row), ...r.cells]) }, f, chunk);
      return rows;
    };
    const whole = grab();
    expect(whole.length).toBeGreaterThan(200);
    expect(grab(4096)).toEqual(whole);
  });
});
