/**
 * Batch simulations of digital-divide scenarios over the ASEAN Member States: every area with a
 * ddcge database runs every scenario; areas without one are listed as not covered (never faked);
 * a scenario that cannot apply to an area (e.g. a target below its baseline) is reported with its
 * reason. Writes the result tables, a regional comparison, and optional SSA tables.
 * @module
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DigicgeError, InputError, UsageError, type Location } from '../../errors.js';
import { writeFileAtomic } from '../../util/atomic-write.js';
import { formatCsv } from '../../util/csv.js';
import { DDCGE_MEMBER_STATES, buildDdcgeDatabaseFromFiles, DDCGE_DATA_DIR, readDdcgeDatabase, type DdcgeDatabase } from './database.js';
import { regionalTable, writeDigitalResults } from './report.js';
import { readDigitalScenario, type DigitalScenario } from './scenarios.js';
import { digitalSensitivity, sensitivityTable } from './sensitivity.js';
import { prepareDatabase, simulateScenario, summariseDigital, type DigitalResults } from './simulate.js';

/** Options of {@link simulateDigital}. */
export interface SimulateOptions {
  /** Scenario files (digital-scenario.schema.json). */
  scenarios: readonly string[];
  /** ISO3 codes, or `all` for the ten member states (default: the default database, THA). */
  countries?: readonly string[] | 'all';
  /** Directory of databases `<dir>/<ISO3>/{sam.csv,params.json}` (default datasets/ddcge). */
  databaseDir?: string;
  /** Harmonised observations: when given, databases are rebuilt from the national SAMs with these observations. */
  observations?: string;
  /** Sensitivity analysis after the central runs. */
  ssa?: 'mc' | 'quadrature';
  draws?: number;
  seed?: number;
  workers?: number;
  outDir: string;
  onProgress?: (label: string, done: number, total: number) => void;
}

/** Outcome of {@link simulateDigital}. */
export interface SimulateOutcome {
  results: DigitalResults[];
  /** Areas without a database, with the reason. */
  notCovered: { area: string; reason: string }[];
  /** Area × scenario pairs that could not be simulated, with the reason and where it lies (the scenario file at least). */
  failed: { area: string; scenario: string; code: string; reason: string; location: Location }[];
  outputs: string[];
  summaries: string[];
}

/** The default database of the library: Thailand (see datasets/ddcge/README.md for why). */
export const DEFAULT_DDCGE_COUNTRY = 'THA';

function coverage(dir: string): Record<string, string> {
  const p = join(dir, 'coverage.json');
  if (!existsSync(p)) return {};
  return JSON.parse(readFileSync(p, 'utf8')) as Record<string, string>;
}

/** The member states asked for: the ten for `all`, else each code checked against them. */
function requestedAreas(countries: SimulateOptions['countries']): string[] {
  if (countries === 'all') return [...DDCGE_MEMBER_STATES];
  const areas = [...(countries ?? [DEFAULT_DDCGE_COUNTRY])];
  for (const a of areas) {
    if (!(DDCGE_MEMBER_STATES as readonly string[]).includes(a)) {
      throw new UsageError(
        'USAGE_UNKNOWN_COUNTRY',
        `--country ${a}: not an ASEAN Member State; expected all or ISO3 codes among ${DDCGE_MEMBER_STATES.join(', ')}`,
      );
    }
  }
  return areas;
}

/** The error to raise when no run at all was simulated: every reason, located at the first failure (or the database folder). */
function nothingSimulated(failed: SimulateOutcome['failed'], notCovered: SimulateOutcome['notCovered'], dir: string): InputError {
  const reasons = [
    ...notCovered.map((n) => `${n.area}: not covered — ${n.reason}`),
    ...failed.map((f) => `${f.area}, ${f.scenario}: ${f.reason} (${f.code})`),
  ];
  return new InputError('SIMULATE_NOTHING_SIMULATED', `nothing was simulated: ${reasons.join('; ')}`, failed[0]?.location ?? { file: dir });
}

/**
 * Simulates scenarios on one or more member states and writes the tables into `outDir`.
 * @throws UsageError `USAGE_UNKNOWN_COUNTRY` for a code that is not a Member State; InputError
 *   `DDCGE_DATABASE_MISSING` when `databaseDir` is not a folder; when nothing at all could be
 *   simulated, InputError `SIMULATE_NOTHING_SIMULATED` with every reason (nothing is written)
 */
export async function simulateDigital(o: SimulateOptions): Promise<SimulateOutcome> {
  if (o.scenarios.length === 0) throw new UsageError('NO_SCENARIO', 'give at least one scenario file (--scenario <file>)');
  const dir = o.databaseDir ?? DDCGE_DATA_DIR;
  if (o.databaseDir !== undefined && !(existsSync(dir) && statSync(dir).isDirectory())) {
    throw new InputError('DDCGE_DATABASE_MISSING', 'no such database folder (expected <dir>/<ISO3>/{sam.csv,params.json})', { file: dir });
  }
  const areas = requestedAreas(o.countries);
  const scenarios: { file: string; s: DigitalScenario }[] = [];
  for (const file of o.scenarios) scenarios.push({ file, s: await readDigitalScenario(file) });
  const reasons = coverage(dir);
  const results: DigitalResults[] = [];
  const notCovered: SimulateOutcome['notCovered'] = [];
  const failed: SimulateOutcome['failed'] = [];
  const summaries: string[] = [];
  const ssaFiles: Record<string, string> = {};
  for (const area of areas) {
    let db: DdcgeDatabase;
    if (o.observations) {
      if (
        !existsSync(join(dir, '..', 'sam', 'asean', `${area}.csv`)) &&
        !existsSync(join(DDCGE_DATA_DIR, '..', 'sam', 'asean', `${area}.csv`))
      ) {
        notCovered.push({ area, reason: reasons[area] ?? 'no national SAM in datasets/sam/asean' });
        continue;
      }
      try {
        db = await buildDdcgeDatabaseFromFiles(area, { observationsFile: o.observations });
      } catch (err) {
        if (!(err instanceof DigicgeError)) throw err;
        notCovered.push({ area, reason: `${err.code}: ${err.message}` });
        continue;
      }
    } else if (existsSync(join(dir, area, 'sam.csv'))) {
      db = await readDdcgeDatabase(join(dir, area), area);
    } else {
      notCovered.push({ area, reason: reasons[area] ?? `no ddcge database in ${dir}/${area}` });
      continue;
    }
    const pd = prepareDatabase(db);
    for (const { file, s } of scenarios) {
      try {
        const r = simulateScenario(pd, s, file);
        results.push(r);
        summaries.push(summariseDigital(r));
      } catch (err) {
        if (!(err instanceof DigicgeError)) throw err;
        failed.push({ area, scenario: s.name, code: err.code, reason: err.message, location: { file, ...err.location } });
        continue;
      }
      if (o.ssa) {
        const r = await digitalSensitivity(db, s, {
          method: o.ssa === 'mc' ? 'monte-carlo' : 'quadrature',
          ...(o.draws !== undefined ? { draws: o.draws } : {}),
          ...(o.seed !== undefined ? { seed: o.seed } : {}),
          ...(o.workers !== undefined ? { workers: o.workers } : {}),
          ...(o.onProgress ? { onProgress: (d: number, t: number) => o.onProgress!(`${area} ${s.name}`, d, t) } : {}),
        });
        ssaFiles[`ssa-${area}-${s.name}.csv`] = sensitivityTable(area, s.name, r);
      }
    }
  }
  if (results.length === 0) throw nothingSimulated(failed, notCovered, o.observations ?? dir);
  const extra: Record<string, string> = { ...ssaFiles };
  if (areas.length > 1 || notCovered.length > 0) extra['regional.csv'] = regionalTable(results, notCovered);
  if (failed.length > 0) {
    extra['failed.csv'] = formatCsv(
      ['area', 'scenario', 'code', 'reason'],
      failed.map((f) => [f.area, f.scenario, f.code, f.reason]),
    );
  }
  const outputs = await writeDigitalResults(o.outDir, results, extra);
  const summaryPath = join(o.outDir, 'summary.txt');
  await writeFileAtomic(
    summaryPath,
    [
      ...summaries,
      ...notCovered.map((n) => `${n.area}: not covered — ${n.reason}`),
      ...failed.map((f) => `${f.area}, ${f.scenario}: not simulated — ${f.reason}`),
    ].join('\n\n') + '\n',
  );
  outputs.push(summaryPath);
  return { results, notCovered, failed, outputs: outputs.sort(), summaries };
}

/**
 * The demo step: the rural-connectivity scenario on the default database (Thailand), written into
 * `outDir`. Returns the files written, the one-line summary and the headline numbers.
 */
export async function simulateDefault(
  outDir: string,
  options: { scenario?: string } = {},
): Promise<{
  outputs: string[];
  summary: string;
  headline: {
    gdpRealPct: number;
    evTotal: number;
    evAggregate: number;
    evAggregatePerCapitaUsd: number;
    evPerCapitaUsd: number;
    gapConnectedBase: number;
    gapConnected: number;
    gapUrbanRuralBase: number | null;
    gapUrbanRural: number | null;
  };
}> {
  const scenario = options.scenario ?? join(DDCGE_DATA_DIR, 'scenarios', 'rural-connectivity.json');
  const out = await simulateDigital({ scenarios: [scenario], outDir });
  const r = out.results[0];
  if (!r)
    throw new UsageError(
      'DEMO_NOT_SIMULATED',
      `the default scenario could not be simulated: ${out.failed[0]?.reason ?? out.notCovered[0]?.reason}`,
    );
  return {
    outputs: out.outputs,
    summary: `${r.area} ${r.scenario} (database baseline ${r.baseYear}): real GDP at market prices ${r.gdp.pct.toFixed(3)} %, households' money-metric gain ${(r.evAggregatePerCapita * 1e6).toFixed(2)} US$ per person; connected/unconnected income ratio ${r.gaps.connectedUnconnected.ratioBase.toFixed(3)} → ${r.gaps.connectedUnconnected.ratio.toFixed(3)}`,
    headline: {
      gdpRealPct: r.gdp.pct,
      evTotal: r.evTotal,
      evAggregate: r.evAggregate,
      evAggregatePerCapitaUsd: r.evAggregatePerCapita * 1e6,
      evPerCapitaUsd: r.evPerCapita * 1e6,
      gapConnectedBase: r.gaps.connectedUnconnected.ratioBase,
      gapConnected: r.gaps.connectedUnconnected.ratio,
      gapUrbanRuralBase: r.gaps.urbanRural?.ratioBase ?? null,
      gapUrbanRural: r.gaps.urbanRural?.ratio ?? null,
    },
  };
}
