import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { tidyCsv } from '../../src/divide/csv.js';
import { cgeResultsCsv, type CgeResults } from '../../src/cge/results.js';
import { regionalTable } from '../../src/cge/digital/report.js';
import { sensitivityTable } from '../../src/cge/digital/sensitivity.js';
import { formatColumnsCsv, formatMatrixCsv } from '../../src/multipliers/io/write.js';
import { parseLabelledTable } from '../../src/multipliers/io/labelled-table.js';
import { formatSamCsv, parseSamCsv } from '../../src/sam/io/csv.js';
import { formatLabelledMatrixCsv, parseLabelledMatrixCsv } from '../../src/sam/balance/matrix-csv.js';
import { Sam } from '../../src/sam/index.js';

const EVIL = '=HYPERLINK("http://x","y")';
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$|^NaN$/;

/** The cells of a CSV text that a spreadsheet would run as a formula (numbers apart). */
function formulaCells(csv: string): string[] {
  return (parse(csv, { relax_column_count: true }) as string[][]).flat().filter((c) => /^[=+\-@\t\r]/.test(c) && !NUMBER.test(c));
}

describe('every CSV writer neutralises formula-like text', () => {
  it('divide tables (unused-observations)', () => {
    const csv = tidyCsv(
      [{ OBS_ROW: 2, REF_AREA: 'THA', TIME_PERIOD: '-2020', PROV_KEY: `${EVIL}:3:B`, reason: '@reason', value: -1.5 }],
      ['OBS_ROW', 'REF_AREA', 'TIME_PERIOD', 'PROV_KEY', 'reason', 'value'],
    );
    expect(formulaCells(csv)).toEqual([]);
    expect(csv).toContain(`"'${EVIL.replace(/"/g, '""')}:3:B"`);
    expect(csv.trim().split('\n')[1]!.endsWith(',-1.5')).toBe(true);
  });
  it('simulate tables (regional, SSA bands)', () => {
    expect(formulaCells(regionalTable([], [{ area: '=XXX', reason: '-no database' }]))).toEqual([]);
    const ssa = sensitivityTable('THA', EVIL, {
      method: 'monte-carlo',
      parameters: ['x'],
      samples: 2,
      failures: [],
      summaries: { '+gdp': { mean: -0.5, sd: 0.1, percentiles: { 5: -0.7, 50: -0.5, 95: -0.3 } } },
    } as never);
    expect(formulaCells(ssa)).toEqual([]);
    expect(ssa).toContain(',-0.5,');
  });
  it('cge solve results', () => {
    const doc = {
      model: 'm',
      benchmark: { iterations: 1, maxResidual: 0 },
      scenarios: [{ name: EVIL, variables: [{ variable: 'X', index: ['-BRD'], base: -2, level: 3, pctChange: null }] }],
    } as unknown as CgeResults;
    const csv = cgeResultsCsv(doc);
    expect(formulaCells(csv)).toEqual([]);
    expect(csv.split('\n')[1]).toBe(`"'${EVIL.replace(/"/g, '""')}",X,'-BRD,-2,3,`);
  });
  it('multiplier tables, read back to the same labels', () => {
    const m = formatMatrixCsv({ rows: 2, cols: 2, data: Float64Array.from([1, -0.5, 0, 2]) }, [EVIL, '+S2'], [EVIL, '+S2']);
    expect(formulaCells(m)).toEqual([]);
    expect(parseLabelledTable(m).rowLabels).toEqual([EVIL, '+S2']);
    expect(
      formulaCells(
        formatColumnsCsv([
          ['sector', [EVIL, '@S']],
          ['x', Float64Array.from([-1, 2])],
        ]),
      ),
    ).toEqual([]);
  });
  it('sam convert CSV and labelled matrices, read back to the same SAM', () => {
    const sam = new Sam([EVIL, '-TAX', "'=quoted"], Float64Array.from([0, 1, 2, 1, 0, 1, 2, 1, 0]));
    const csv = formatSamCsv(sam, { totals: true });
    expect(formulaCells(csv)).toEqual([]);
    const back = parseSamCsv(csv);
    expect(back.labels).toEqual(sam.labels);
    expect(Array.from(back.values)).toEqual(Array.from(sam.values));
    const lm = formatLabelledMatrixCsv({ rowLabels: ['-r'], colLabels: [EVIL, 'c'], values: Float64Array.from([1, -2]) });
    expect(formulaCells(lm)).toEqual([]);
    expect(parseLabelledMatrixCsv(lm)).toMatchObject({ rowLabels: ['-r'], colLabels: [EVIL, 'c'] });
  });
});
