/**
 * How much each data gap moves the simulation results: one-at-a-time sensitivity of a scenario's
 * headline outcomes to the outside assumptions that stand in for missing statistics in the ddcge
 * database (`datasets/ddcge/assumptions.json`). Each assumption is scaled by 1 − h and 1 + h
 * (default h = 0.2; a record of values is scaled as a whole), the database is rebuilt and the
 * scenario solved; the swing is the outcome at 1 + h minus that at 1 − h, relative to the central
 * outcome. The readiness assessment ranks gaps by |swing| of the real-GDP effect.
 *
 * This is a local (derivative-like) sensitivity of the data assumptions, distinct from the
 * systematic sensitivity analysis over elasticities (`sensitivity.ts`, `--ssa`), which the
 * readiness assessment cites for the behavioural parameters.
 * @module
 */
import { join } from 'node:path';
import { readObservations } from '../../harmonise/read.js';
import { readSamCsv } from '../../sam/io/csv.js';
import { writeFileAtomic } from '../../util/atomic-write.js';
import type { ObservationLike } from './baseline.js';
import { buildDdcgeDatabase, DDCGE_DATA_DIR, readDdcgeAssumptions, type DdcgeAssumptions } from './database.js';
import { readDigitalScenario } from './scenarios.js';
import { prepareDatabase, simulateScenario } from './simulate.js';

/** The assumptions of the ddcge database that stand in for statistics a country may lack. */
export const DATA_GAP_ASSUMPTIONS = [
  'rural_urban_internet_ratio',
  'rural_urban_nonuse_ratio',
  'income_ratio_urban_rural',
  'income_ratio_connected_unconnected',
  'digital_budget_share_ratio',
  'capital_share_of_income',
  'digital_skill_share_of_labour',
] as const satisfies readonly (keyof DdcgeAssumptions)[];

/** One assumption's effect on the scenario outcomes. */
export interface GapSensitivityRow {
  assumption: (typeof DATA_GAP_ASSUMPTIONS)[number];
  /** Real GDP change of the scenario (%), central and at 1 ∓ h. */
  gdpPct: { central: number; low: number; high: number };
  /** Aggregate equivalent variation per capita (SAM money unit, US$ million, per person), central and at 1 ∓ h. */
  evPerCapita: { central: number; low: number; high: number };
  /** (high − low) / |central| of the real-GDP effect. */
  gdpSwing: number;
  /** (high − low) / |central| of the EV per capita. */
  evSwing: number;
}

/** The shipped gap-sensitivity file (`datasets/ddcge/gap-sensitivity.json`). */
export interface GapSensitivity {
  area: string;
  scenario: string;
  step: number;
  method: string;
  rows: GapSensitivityRow[];
}

function scaled(a: DdcgeAssumptions, key: (typeof DATA_GAP_ASSUMPTIONS)[number], f: number): DdcgeAssumptions {
  const e = a[key];
  const v = e.value as number | Record<string, number>;
  const value = typeof v === 'number' ? v * f : Object.fromEntries(Object.entries(v).map(([k, x]) => [k, x * f]));
  return { ...a, [key]: { ...e, value } };
}

/**
 * One-at-a-time sensitivity of `scenarioFile` on the database of `area` to each data-gap assumption.
 * @param options.step relative step h (default 0.2)
 */
export async function gapSensitivity(
  area: string,
  scenarioFile: string,
  options: { step?: number; samDir?: string; observationsFile?: string; assumptionsFile?: string } = {},
): Promise<GapSensitivity> {
  const h = options.step ?? 0.2;
  const samDir = options.samDir ?? join(DDCGE_DATA_DIR, '../sam/asean');
  const samFile = join(samDir, `${area}.csv`);
  const sam = await readSamCsv(samFile);
  const observations: ObservationLike[] = readObservations(options.observationsFile ?? join(DDCGE_DATA_DIR, 'observations.csv'))
    .rows.filter((o) => o.OBS_VALUE !== null)
    .map((o) => ({ ...o, OBS_VALUE: o.OBS_VALUE as number, PROV_ROW: o.PROV_ROW ?? undefined }));
  const base = await readDdcgeAssumptions(options.assumptionsFile ?? join(DDCGE_DATA_DIR, 'assumptions.json'));
  const scenario = await readDigitalScenario(scenarioFile);
  const run = (a: DdcgeAssumptions) => {
    const db = buildDdcgeDatabase({
      area,
      sam: { ...sam, file: samFile },
      samFile: `datasets/sam/asean/${area}.csv`,
      observations,
      assumptions: a,
    });
    const r = simulateScenario(prepareDatabase(db), scenario);
    return { gdp: r.gdp.pct, ev: r.evAggregatePerCapita };
  };
  const central = run(base);
  const rows = DATA_GAP_ASSUMPTIONS.map((key): GapSensitivityRow => {
    const lo = run(scaled(base, key, 1 - h));
    const hi = run(scaled(base, key, 1 + h));
    return {
      assumption: key,
      gdpPct: { central: central.gdp, low: lo.gdp, high: hi.gdp },
      evPerCapita: { central: central.ev, low: lo.ev, high: hi.ev },
      gdpSwing: (hi.gdp - lo.gdp) / Math.abs(central.gdp),
      evSwing: (hi.ev - lo.ev) / Math.abs(central.ev),
    };
  });
  return {
    area,
    scenario: scenario.name,
    step: h,
    method: `one-at-a-time: each assumption × (1 ∓ ${h}), database rebuilt, scenario solved; swing = (outcome at 1 + ${h} − outcome at 1 − ${h}) / |central outcome|`,
    rows,
  };
}

/** Writes a gap sensitivity as JSON (numbers rounded to 10 significant digits, byte-stable). */
export async function writeGapSensitivity(path: string, g: GapSensitivity): Promise<void> {
  const round = (_k: string, v: unknown) => (typeof v === 'number' && !Number.isInteger(v) ? Number(v.toPrecision(10)) : v);
  await writeFileAtomic(path, `${JSON.stringify(g, round, 2)}\n`);
}
