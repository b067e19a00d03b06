import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { formatCsv, isFormulaLike, neutraliseFormula, restoreFormula } from '../../src/util/index.js';

const TRIGGERS = ['=', '+', '-', '@', '\t', '\r'];

describe('formula neutralisation', () => {
  it('never leaves text a spreadsheet would run, and the reader gets back the exact text', () => {
    const text = fc.oneof(
      fc.string(),
      fc.tuple(fc.constantFrom("'", "''", ''), fc.constantFrom(...TRIGGERS), fc.string()).map(([q, t, s]) => q + t + s),
    );
    fc.assert(
      fc.property(text, (s) => {
        const w = neutraliseFormula(s);
        expect(TRIGGERS.includes(w[0] ?? '')).toBe(false);
        expect(restoreFormula(w)).toBe(s);
        // text that is not formula-like and does not start with quotes before a trigger is left alone
        if (!isFormulaLike(s) && !/^'+[=+\-@\t\r]/.test(s)) expect(w).toBe(s);
      }),
    );
  });
});

describe('the shared CSV writer', () => {
  it('writes numbers as numbers, text neutralised and quoted, and reads back to the same cells', () => {
    const cell = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.string(), fc.constant(null));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { maxLength: 5 }), (rows) => {
        const csv = formatCsv(['a', '=b', 'c'], rows);
        const back = parse(csv, { relax_column_count: false, skip_empty_lines: false }) as string[][];
        expect(back[0]).toEqual(['a', "'=b", 'c']);
        expect(back.length).toBe(rows.length + 1);
        rows.forEach((r, i) =>
          r.forEach((v, j) => {
            const t = back[i + 1]![j]!;
            if (v === null) expect(t).toBe('');
            else if (typeof v === 'number') expect(Number(t)).toBe(v === 0 ? 0 : v);
            else {
              expect(TRIGGERS.includes(t[0] ?? '')).toBe(false);
              expect(restoreFormula(t)).toBe(v);
            }
          }),
        );
      }),
    );
  });
  it('leaves a negative number a number but neutralises text that starts with a minus', () => {
    expect(formatCsv(['x', 'y'], [[-2.5, '-2 revision']])).toBe("x,y\n-2.5,'-2 revision\n");
  });
});
