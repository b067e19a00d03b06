// A TypeScript program of a project that installed digicge: type-checked strictly, with the
// declarations of digicge and of every package they reach checked too (skipLibCheck off).
import * as digicge from 'digicge';
import { type DigicgeError, InputError, type Location } from 'digicge/errors';
import { writeFileAtomic, type VegaLiteSpec } from 'digicge/util';
import { loadCatalogue, resolveArea, type Indicator } from 'digicge/guidelines';
import { readCsv, type RawTable } from 'digicge/ingest';
import { harmonise, type HarmoniseResult } from 'digicge/harmonise';
import { gini, computeGaps, type GapRow } from 'digicge/divide';
import { fromRows, luFactor, type Matrix } from 'digicge/linalg';
import { balanceRas, readSamCsv, type BalanceResult, type Sam } from 'digicge/sam';
import { leontiefFactor, leontiefInverse, type LeontiefSystem } from 'digicge/multipliers';
import { prepareModel, runScenario, solveBenchmark, stdcge, type ScenarioResult } from 'digicge/cge';
import { renderChartSvg, type ReportDocument } from 'digicge/report';
import { runDemo, type DemoOptions } from 'digicge/demo';

const ras: BalanceResult = balanceRas(Float64Array.of(1, 2, 3, 4), 2, 2, [3, 7], [4, 6]);
const a: Matrix = fromRows([
  [0.2, 0.3],
  [0.4, 0.1],
]);
const sys: LeontiefSystem = leontiefFactor(a);
const l: Matrix = leontiefInverse(sys);
const g: number = gini([1, 2, 3]);
const spec: VegaLiteSpec = { mark: 'bar', data: { values: [] } };
const where: Location = { file: 'x.csv', row: 2, column: 'OBS_VALUE' };
const err: DigicgeError = new InputError('NON_NUMERIC', 'not a number', where);
const sameRoot: boolean = digicge.balanceRas === balanceRas;

async function pipeline(): Promise<ScenarioResult> {
  const h: HarmoniseResult = await harmonise({ mappings: ['mapping.json'] });
  const table: RawTable = readCsv('national.csv', { delimiter: ',' });
  const gaps: GapRow[] = computeGaps([], ['HH7']);
  const sam: Sam = await readSamCsv('sam.csv');
  const prep = prepareModel(stdcge, sam, {});
  const indicator: Indicator | undefined = loadCatalogue().indicators[0];
  const area = resolveArea('Viet Nam');
  const doc: ReportDocument = { title: 't', sections: [] } as unknown as ReportDocument;
  const opts: DemoOptions = { outDir: 'demo', onProgress: (line: string) => console.log(line) };
  void [h, table, gaps, indicator, area, doc, opts, luFactor, writeFileAtomic, renderChartSvg, runDemo, runScenario];
  return runScenario(prep, solveBenchmark(prep), { name: 'none', shocks: [] } as never);
}
void [ras, l, g, spec, err, sameRoot, pipeline];
