import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { homogeneityCheck, replicationCheck } from '../../../src/cge/checks.js';
import { prepareModel, solveBenchmark } from '../../../src/cge/run.js';
import { DDCGE_DATA_DIR, DEFAULT_DDCGE_COUNTRY, ddcge, readDdcgeDatabase } from '../../../src/cge/digital/index.js';

describe('ddcge on the shipped default database', () => {
  it('replicates the benchmark and is homogeneous of degree one in the numeraire', async () => {
    const db = await readDdcgeDatabase(join(DDCGE_DATA_DIR, DEFAULT_DDCGE_COUNTRY), DEFAULT_DDCGE_COUNTRY);
    const prep = prepareModel(ddcge, db.sam, db.params);
    // The database SAM is balanced to about 4e-9 US$ million per cell (its CSV is rounded to the
    // shortest text of values built in floating point); the calibrated benchmark is balanced exactly,
    // so cells are compared to 1e-8 (a hundredth of a cent); residuals to the default 1e-10.
    const rep = replicationCheck(prep, 1e-10, 1e-8);
    expect(rep.passed, `${rep.samWorstCell} ${rep.samMaxDiff} ${rep.benchmarkResidual}`).toBe(true);
    const hom = homogeneityCheck(prep, solveBenchmark(prep));
    expect(hom.passed, `${hom.worst} ${hom.maxDeviation}`).toBe(true);
  });
});
