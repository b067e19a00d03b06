import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runDivide } from '../../src/divide/index.js';

const OBS = join(import.meta.dirname, 'data/harmonised_wdi.csv');
const out = () => mkdtempSync(join(tmpdir(), 'digicge-divide-limits-'));

describe('the divide stage refuses options it cannot honour', () => {
  it('a projection year beyond four digits (which would never end) and a first year that is not one', async () => {
    await expect(runDivide({ observations: OBS, outDir: out(), projectTo: 1e12 })).rejects.toMatchObject({ code: 'DIVIDE_BAD_YEAR' });
    await expect(runDivide({ observations: OBS, outDir: out(), from: 2000.5 })).rejects.toMatchObject({ code: 'DIVIDE_BAD_YEAR' });
  });
  it('more rank draws than the composite-index schema allows', async () => {
    await expect(runDivide({ observations: OBS, outDir: out(), draws: 1e12 })).rejects.toMatchObject({ code: 'DIVIDE_BAD_DRAWS' });
  }, 120_000);
});
