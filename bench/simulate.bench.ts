/**
 * Systematic sensitivity analysis of the digital-divide model: 1,000 Latin-hypercube Monte Carlo
 * draws of the rural-connectivity scenario on the default database (Thailand), on worker threads.
 * Prints draws, workers, seconds and draws/s. Each draw recalibrates the elasticity-dependent
 * parameters and solves the scenario (the model is compiled once per worker).
 * No Python peer: there is no numpy/scipy CGE solver to run on the same model; said below.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { DDCGE_DATA_DIR, readDdcgeDatabase } from '../src/cge/digital/database.js';
import { readDigitalScenario } from '../src/cge/digital/scenarios.js';
import { digitalSensitivity } from '../src/cge/digital/sensitivity.js';

const draws = Number(process.env.SIMULATE_BENCH_DRAWS ?? 1000);
const workers = availableParallelism();
const db = await readDdcgeDatabase(join(DDCGE_DATA_DIR, 'THA'), 'THA');
const scenario = await readDigitalScenario(join(DDCGE_DATA_DIR, 'scenarios', 'rural-connectivity.json'));
let firstAt = 0;
const t0 = performance.now();
const r = await digitalSensitivity(db, scenario, {
  method: 'monte-carlo',
  draws,
  seed: 1,
  workers,
  onProgress: (done) => {
    if (done === 1) firstAt = performance.now() - t0;
  },
});
const seconds = (performance.now() - t0) / 1000;
const gdp = r.summaries.gdp_real_pct!;
console.log(`simulate SSA (ddcge THA, rural-connectivity, ${scenario.uncertainty!.parameters.length} uncertain parameters)`);
console.log(`  draws ${r.samples}, failures ${r.failures.length}, workers ${workers}`);
console.log(
  `  seconds ${seconds.toFixed(2)} (first draw after ${(firstAt / 1000).toFixed(2)} s: worker start-up), draws/s ${(r.samples / seconds).toFixed(1)}`,
);
console.log(`  steady state draws/s ${((r.samples - 1) / (seconds - firstAt / 1000)).toFixed(1)}`);
console.log(
  `  real GDP % change: mean ${gdp.mean.toFixed(4)}, sd ${gdp.sd.toFixed(4)}, 5/50/95 % ${[5, 50, 95].map((q) => gdp.percentiles[q]!.toFixed(4)).join(' / ')}`,
);
console.log('  peer: none (no Python CGE solver of this model to compare with)');
