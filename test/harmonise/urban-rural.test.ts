import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { harmonise } from '../../src/harmonise/index.js';
import { tmp, writeMapping } from './helpers.js';

/**
 * The urban/rural check of a run (QR_BREAKDOWN_URBANISATION): a total must be the mean of its
 * urban and rural values weighted by the urban and rural population of the same area and year.
 * The expected warnings are worked out here by hand from the figures written in the files.
 */
describe('urban/rural consistency across sources', () => {
  it('warns for the totals that are not the population-weighted mean of urban and rural, and counts those without weights', async () => {
    const dir = tmp();
    const hh = join(dir, 'hh7.csv');
    // VNM 2020: 60 urban, 30 rural, weights 1:2 → mean 40: total 40 is consistent
    // THA 2020: 80 urban, 40 rural, weights 3:1 → mean 70: total 50 is 20 off → warning
    // MYS 2020: no population weights in the run → counted, not checked
    // SGP 2020: urban only → nothing to check
    writeFileSync(
      hh,
      'area,urb,year,value\nVNM,_T,2020,40\nVNM,U,2020,60\nVNM,R,2020,30\nTHA,_T,2020,50\nTHA,U,2020,80\nTHA,R,2020,40\nMYS,_T,2020,75\nMYS,U,2020,80\nMYS,R,2020,60\nSGP,_T,2020,90\nSGP,U,2020,90\n',
    );
    const pop = join(dir, 'pop.csv');
    writeFileSync(pop, 'area,year,urban,rural\nVNM,2020,1000,2000\nTHA,2020,3000,1000\n');
    const a = writeMapping(dir, 'hh', {
      file: hh,
      layout: { type: 'long', valueColumns: [{ column: 'value', indicator: 'HH7' }] },
      dimensions: { REF_AREA: { column: 'area' }, URBANISATION: { column: 'urb' }, TIME_PERIOD: { column: 'year' } },
    });
    const b = writeMapping(dir, 'pop', {
      file: pop,
      unit: { measure: 'PERSONS' },
      layout: {
        type: 'long',
        valueColumns: [
          { column: 'urban', indicator: 'POP_URB' },
          { column: 'rural', indicator: 'POP_RUR' },
        ],
      },
      dimensions: { REF_AREA: { column: 'area' }, TIME_PERIOD: { column: 'year' } },
    });
    const r = await harmonise({ mappings: [a, b] });
    const w = r.warnings.filter((x) => x.rule === 'QR_BREAKDOWN_URBANISATION');
    expect(w.map((x) => x.message)).toEqual([
      expect.stringMatching(/^THA HH7 2020: total 50 differs by 20 from the population-weighted mean 70 of urban 80 and rural 40/),
      'HH7: 1 totals with urban and rural values could not be checked: no POP_URB/POP_RUR of the same area and year in this run',
    ]);
  });
});
