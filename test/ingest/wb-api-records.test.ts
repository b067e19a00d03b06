import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readWorldBankApi } from '../../src/ingest/index.js';

describe('World Bank API records that are not objects', () => {
  it('become rows with their reason and JSON path (for the rejects file), and the other records still read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'digicge-wb-'));
    const file = join(dir, 'wb.json');
    const good = {
      indicator: { id: 'SP.POP.TOTL', value: 'Population, total' },
      country: { id: 'TH', value: 'Thailand' },
      date: '2017',
      value: 69209810,
    };
    writeFileSync(file, JSON.stringify([{ page: 1, lastupdated: '2018-04-24' }, [null, good, 7, ['x']]]));
    const t = readWorldBankApi(file);
    expect(t.rows.map((r) => [r.row, r.jsonPath, r.error?.code ?? null])).toEqual([
      [1, '/1/0', 'WB_API_RECORD'],
      [2, '/1/1', null],
      [3, '/1/2', 'WB_API_RECORD'],
      [4, '/1/3', 'WB_API_RECORD'],
    ]);
    expect(t.rows[0]!.error!.message).toContain('record 1 is null');
    expect(t.rows[1]!.cells.slice(0, 7)).toEqual(['SP.POP.TOTL', 'Population, total', 'TH', 'Thailand', '', '2017', '69209810']);
  });
});
