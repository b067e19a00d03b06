/**
 * Results of CGE runs as files: `results.json` (schema `guidelines/schemas/cge-results.schema.json`)
 * and `results.csv` (long: scenario, variable, index, base, level, pct_change), written atomically
 * and deterministically (variables in model order, scenarios in run order, numbers printed as the
 * shortest decimal that reads back to the same double).
 * @module
 */
import { join } from 'node:path';
import { NumericError } from '../errors.js';
import type { CgeResults } from '../guidelines/generated/cge-results.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { formatCsv, type CsvCell } from '../util/csv.js';
import type { ScenarioResult, CgeSolution } from './run.js';

export type { CgeResults } from '../guidelines/generated/cge-results.js';

function finite(x: number, what: string): number {
  if (!Number.isFinite(x)) throw new NumericError('RESULT_NOT_FINITE', `${what} is ${x}`);
  return x;
}

/** Builds the results document of a run. */
export function cgeResultsDocument(model: string, benchmark: CgeSolution, scenarios: readonly ScenarioResult[]): CgeResults {
  return {
    model,
    benchmark: { iterations: benchmark.newton.iterations, maxResidual: finite(benchmark.newton.maxResidual, 'benchmark residual') },
    scenarios: scenarios.map((s) => ({
      name: s.name,
      closure: s.closure,
      iterations: s.iterations,
      scaledResidual: finite(s.scaledResidual, 'scaled residual'),
      maxResidual: finite(s.maxResidual, 'residual'),
      walrasResidual: finite(s.walrasResidual, "Walras' law residual"),
      variables: s.variables.map((v) => ({
        variable: v.variable,
        index: [...v.index],
        base: finite(v.base, `${v.variable} base`),
        level: finite(v.level, `${v.variable} level`),
        pctChange: v.pctChange === null ? null : finite(v.pctChange, `${v.variable} change`),
      })),
      welfare: s.welfare.map((w) => ({
        household: w.household,
        utilityBase: finite(w.utilityBase, 'utility'),
        utility: finite(w.utility, 'utility'),
        ev: finite(w.ev, 'EV'),
        cv: finite(w.cv, 'CV'),
      })),
      gdp: { nominalBase: s.gdp.nominalBase, nominal: s.gdp.nominal, realBase: s.gdp.realBase, real: s.gdp.real },
    })),
  };
}

/**
 * The long CSV of a results document: scenario, variable, index (elements joined by `.`), base,
 * level, pct_change. Numbers are shortest round-trip decimals; text (scenario names, set elements
 * from the SAM's labels) is neutralised against formula injection by the shared CSV writer.
 */
export function cgeResultsCsv(doc: CgeResults): string {
  const rows: CsvCell[][] = [];
  for (const s of doc.scenarios) {
    for (const v of s.variables) rows.push([s.name, v.variable, v.index.join('.'), v.base, v.level, v.pctChange]);
  }
  return formatCsv(['scenario', 'variable', 'index', 'base', 'level', 'pct_change'], rows, String);
}

/** Writes `results.json` and `results.csv` into `dir` atomically; returns their paths. */
export async function writeCgeResults(dir: string, doc: CgeResults): Promise<{ json: string; csv: string }> {
  const json = join(dir, 'results.json');
  const csv = join(dir, 'results.csv');
  await writeFileAtomic(json, `${JSON.stringify(doc, null, 2)}\n`);
  await writeFileAtomic(csv, cgeResultsCsv(doc));
  return { json, csv };
}
