import type { ConnectivityBaseline } from '../../../src/cge/digital/connectivity.js';
import type { DdcgeDatabase } from '../../../src/cge/digital/database.js';
import { ddcgeTestParams, ddcgeTestSam } from './fixture.js';

/** The test SAM as a ddcge database, with a baseline matching its populations (urban 3.0 m, rural 4.5 m). */
export function fixtureDatabase(
  channels: Record<string, unknown> = {
    access_quantity: 1e-6,
    price_discount: 0.03,
    productivity_premium: { LAB_DS: 0.05, LAB_OT: 0.03 },
    spillover: 0.05,
  },
): DdcgeDatabase {
  const baseline: ConnectivityBaseline = {
    area: 'TST',
    year: '2022',
    urbanPopulation: 3.0e6,
    ruralPopulation: 4.5e6,
    urbanShare: 2.2 / 3.0,
    ruralShare: 2.0 / 4.5,
    provenance: ['HH7/_T/2022@test:1'],
    assumptions: [],
  };
  const params = ddcgeTestParams(channels);
  return {
    area: 'TST',
    sam: ddcgeTestSam(),
    params,
    baseline,
    record: {
      area: 'TST',
      baseYear: '2022',
      samFile: 'fixture',
      observations: baseline.provenance,
      baseline: { ...baseline, notes: [] },
      assumptions: {},
      notes: [],
    },
  };
}
