// A program of a project that installed digicge from its packed tarball: plain node, ESM, one
// kernel from each stage, each through its own subpath. Prints one JSON object of results.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { balanceRas, readSamCsv } from 'digicge/sam';
import { fromRows, toRows } from 'digicge/linalg';
import { leontiefFactor, leontiefInverse } from 'digicge/multipliers';
import { prepareModel, readScenarioFile, runScenario, solveBenchmark, stdcge } from 'digicge/cge';
import { harmonise } from 'digicge/harmonise';
import { packageRoot } from 'digicge/guidelines';

const out = {};

// sam: RAS of a 2×2 prior to new margins.
const ras = balanceRas(Float64Array.of(10, 20, 30, 40), 2, 2, [40, 60], [35, 65]);
out.ras = { matrix: Array.from(ras.matrix), converged: ras.converged };

// multipliers: the Leontief inverse of a two-sector economy.
out.leontief = toRows(
  leontiefInverse(
    leontiefFactor(
      fromRows([
        [0.2, 0.3],
        [0.4, 0.1],
      ]),
    ),
  ),
);

// cge: stdcge calibrated to its shipped SAM, tariffs abolished.
const dir = join(packageRoot(), 'datasets', 'models', 'stdcge');
const read = await readSamCsv(join(dir, 'sam.csv'));
const params = JSON.parse(readFileSync(join(dir, 'parameters.json'), 'utf8'));
const prep = prepareModel(stdcge, { accounts: read.accounts, values: read.values }, params);
const bench = solveBenchmark(prep);
const [scenario] = await readScenarioFile(join(dir, 'scenarios', 'tariff-abolition.json'));
const r = runScenario(prep, bench, scenario);
out.cge = { welfare: r.welfare.map((w) => ({ household: w.household, utilityBase: w.utilityBase, utility: w.utility, ev: w.ev })) };

// harmonise: a tiny national file under a source mapping.
const tmp = mkdtempSync(join(tmpdir(), 'digicge-consumer-'));
writeFileSync(join(tmp, 'internet.csv'), 'country,year,share\nThailand,2022,85.3\nViet Nam,2022,79.1\n');
const mapping = {
  source: { id: 'TINY', title: 'A tiny national file', publisher: 'consumer test', releaseDate: '2024-01-01', priority: 10 },
  file: 'internet.csv',
  format: { type: 'csv', delimiter: ',', encoding: 'utf-8' },
  layout: { type: 'long', valueColumns: [{ column: 'share', indicator: 'HH7' }] },
  dimensions: { REF_AREA: { column: 'country', system: 'name' }, TIME_PERIOD: { column: 'year' } },
  unit: { measure: 'PERCENT', mult: 0 },
};
writeFileSync(join(tmp, 'mapping.json'), JSON.stringify(mapping));
const h = await harmonise({ mappings: [join(tmp, 'mapping.json')], outDir: join(tmp, 'out') });
out.harmonise = {
  counts: { cells: h.counts.cells, observations: h.counts.observations, rejected: h.counts.rejected },
  observations: h.observations().map((o) => [o.REF_AREA, o.TIME_PERIOD, o.OBS_VALUE]),
};

process.stdout.write(`${JSON.stringify(out)}\n`);
