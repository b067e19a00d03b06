import { NumericError } from '../errors.js';
import { join } from 'node:path';
import { writeFileAtomic } from '../util/atomic-write.js';
import { Sam } from '../sam/index.js';
import { formatSamGams } from '../sam/io/gams.js';

/** The scenarios the demo runs, from the shipped library (`datasets/ddcge/scenarios/`). */
export const DEMO_SCENARIOS = ['rural-connectivity', 'broadband-government', 'digital-skills', 'combined'] as const;

/**
 * The demo's CGE stage: the digital-divide scenarios on the default database — the one
 * `digicge simulate` uses without options (datasets/ddcge/THA), so that the demo and the command
 * give the same numbers for the same scenario — with Monte Carlo sensitivity bands; then the
 * hand-over to GAMS of the calibrated model, its SAM and the first scenario's shocks. Every result
 * carries the database's baseline year and data vintage.
 */
export async function cgeStage(outDir: string, log: (line: string) => void): Promise<{ summary: string; outputs: string[] }> {
  const digital = await import('../cge/digital/index.js');
  const { formatModelGams, formatScenarioGams } = await import('../cge/gams.js');
  const scenarios = DEMO_SCENARIOS.map((s) => join(digital.DDCGE_DATA_DIR, 'scenarios', `${s}.json`));
  let last = '';
  const out = await digital.simulateDigital({
    scenarios,
    ssa: 'mc',
    draws: 200,
    seed: 1,
    outDir: join(outDir, 'simulate'),
    onProgress: (label, done, total) => {
      const line = `${label}: ${done}/${total}`;
      if (done === total && line !== last) log(`cge: sensitivity analysis ${line}`);
      last = line;
    },
  });
  if (out.results.length === 0)
    throw new NumericError(
      'DEMO_NOT_SIMULATED',
      `no demo scenario could be simulated: ${out.failed.map((f) => `${f.area} ${f.scenario}: ${f.reason}`).join('; ')}`,
    );
  // hand-over to GAMS: the calibrated model, its SAM and the first scenario as include files
  const area = out.results[0]!.area;
  const db = await digital.readDdcgeDatabase(join(digital.DDCGE_DATA_DIR, area), area);
  const pd = digital.prepareDatabase(db);
  const first = await digital.readDigitalScenario(scenarios[0]!);
  const t = digital.translateDigitalScenario(pd.prep, db.baseline, first, scenarios[0]);
  const c = pd.prep.calibrated;
  const sam = new Sam(
    db.sam.accounts.map((a) => a.label),
    Float64Array.from(db.sam.values),
    { unit: 'US$ million' },
  );
  const gams = {
    model: join('gams', `ddcge-${area}.gms`),
    sam: join('gams', `sam-${area}.inc`),
    scenario: join('gams', `${DEMO_SCENARIOS[0]}.gms`),
  };
  await writeFileAtomic(
    join(outDir, gams.model),
    formatModelGams(c.model, { closure: c.closures[c.defaultClosure]!, title: `ddcge calibrated to the ${area} database` }),
  );
  await writeFileAtomic(join(outDir, gams.sam), formatSamGams(sam));
  await writeFileAtomic(join(outDir, gams.scenario), formatScenarioGams(c.model, t.scenario));
  const r = out.results.find((x) => x.scenario === DEMO_SCENARIOS[0]) ?? out.results[0]!;
  return {
    summary: `${out.results.length} scenarios on ${area} with 200-draw Monte Carlo bands; ${digital.summariseDigital(r).split('. ')[0]}; GDP ${r.gdp.pct >= 0 ? '+' : ''}${r.gdp.pct.toFixed(3)} %`,
    outputs: [...out.outputs.map((f) => join('simulate', f.replace(/^.*\/simulate\//, ''))), ...Object.values(gams)].sort(),
  };
}
