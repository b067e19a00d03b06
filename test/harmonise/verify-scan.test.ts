import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyRecord, scanCsvFile, type ScannedRecord } from '../../src/harmonise/verify-scan.js';
import { csvQuote } from '../../src/util/csv.js';
import { tmp } from './helpers.js';

const field = fc.oneof(
  fc.constantFrom('', 'VNM', '_T', '2020', '70.3', '-0.5', '1e+21', 'a,b', 'say "hi"', 'two\nlines', 'Việt Nam', '\u{1F600}', '\uE000'),
  fc.string({ maxLength: 6 }),
);

describe('scanCsvFile (the byte-level reader of written outputs)', () => {
  it('reads back every record, field text, order and number test as csv-parse and JavaScript do, across chunk boundaries', () => {
    const dir = tmp();
    fc.assert(
      fc.property(
        fc.array(fc.array(field, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 40 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 64 }),
        (rows, crlf, chunk) => {
          const eol = crlf ? '\r\n' : '\n';
          const text = rows.map((r) => r.map(csvQuote).join(',')).join(eol) + eol;
          const path = join(dir, 'f.csv');
          writeFileSync(path, text);
          // csv-parse drops records that are one empty field, as our reader skips blank lines
          const want = (parse(text, { relax_column_count: true, skip_empty_lines: true }) as string[][]).filter(
            (r) => !(r.length === 1 && r[0] === ''),
          );
          const got: string[][] = [];
          const prev = emptyRecord();
          const head = emptyRecord();
          let have = false;
          scanCsvFile(
            path,
            (r: ScannedRecord) => {
              got.push(Array.from({ length: r.count }, (_, k) => r.text(k)));
              const cur = got[got.length - 1];
              for (let k = 0; k < r.count; k++) expect(r.emptyOrNumber(k)).toBe(cur[k] === '' || Number.isFinite(Number(cur[k])));
              if (have && prev.count === r.count) {
                const before = got[got.length - 2];
                for (let k = 0; k < r.count; k++) {
                  expect(prev.compare(k, r)).toBe(before[k] < cur[k] ? -1 : before[k] > cur[k] ? 1 : 0);
                  expect(r.same(k, prev)).toBe(before[k] === cur[k]);
                }
              }
              if (have) {
                // a copy of the first two fields only holds them as they were
                const before = got[got.length - 2];
                expect(head.count).toBe(Math.min(2, before.length));
                for (let k = 0; k < head.count; k++) expect(head.text(k)).toBe(before[k]);
              }
              r.copyTo(prev);
              r.copyTo(head, 2);
              have = true;
            },
            chunk,
          );
          expect(got).toEqual(want);
        },
      ),
      { numRuns: 300, seed: 7 },
    );
  });

  it('gives the physical line of each record and fails at a quote that is never closed', () => {
    const path = join(tmp(), 'q.csv');
    writeFileSync(path, 'a,b\n\n"x\ny",1\nz,2\n"open,3\n');
    const lines: number[] = [];
    expect(() => scanCsvFile(path, (r) => lines.push(r.line))).toThrow(
      expect.objectContaining({ code: 'OUTPUT_LEDGER_MISMATCH', location: expect.objectContaining({ row: 6 }) }),
    );
    expect(lines).toEqual([1, 3, 5]);
  });
});
