import { join, relative, resolve } from 'node:path';

/** What one stage of the demo did. */
export interface DemoStepResult {
  /** Pipeline stage, e.g. `harmonise`. */
  stage: string;
  /** `done` when it ran; `not-built` when the stage has not landed in this version. */
  status: 'done' | 'not-built';
  /** One line for a person. */
  summary: string;
  /** Files the stage wrote, relative to the demo's output folder. */
  outputs: string[];
}

/** Options of {@link runDemo}. */
export interface DemoOptions {
  /** Output folder (created). */
  outDir: string;
  /** Called with a line of progress text as stages start and end. */
  onProgress?: (line: string) => void;
}

/** One stage of the demo pipeline. */
export interface DemoStage {
  stage: string;
  run: ((outDir: string, log: (line: string) => void) => Promise<Omit<DemoStepResult, 'stage' | 'status'>>) | null;
}

/** Method notes of the demo report. */
const METHOD_NOTES = [
  'Harmonisation: every input cell of the shipped WDI and UN WUP files is an observation, a reject with its reason, or a counted filter (aggregates, out-of-scope areas, missing-value markers); areas are keyed by code through the guideline concordance, never by name.',
  'Digital-divide metrics: Gini, Theil and coefficient of variation across the ten Member States, unweighted and weighted by population; sigma-convergence as the OLS trend of dispersion, beta-convergence as growth on initial level; years to near-universal use (95 % of individuals) from each country’s latest observation along a bounded (logistic) trend, its ceiling fitted up to 100 % or fixed at 100 %, chosen by AICc; dispersion headlines and chart lines over the balanced panel of years with every Member State observed; composite index rank intervals by Monte Carlo over weights, normalisation and aggregation.',
  'SAMs: one per Member State covered by ADB MRIO (2022, US$ million), control totals from ADB MRIO, structure below them from their own IFPRI SAMs 2018 for IDN and PHL and the Thai SAM 2006 elsewhere (sam/provenance.csv, block by block), digital sectors split by the guideline classification with the shares stated in datasets/sam/asean/build.json; Myanmar is not covered.',
  'CGE: ddcge, the digital-divide model (docs/models/digital-divide.md), on the shipped Thai database (datasets/ddcge/THA: the THA SAM below, connectivity baseline 2022 from WDI HH7 and UN WUP 2018 urban/rural population) — the database `digicge simulate` uses by default, so the command and the demo give the same numbers; households by urban/rural × connected from HH7 and urban/rural population, with the national share split by stated ratios where HH7 has no urban/rural breakdown (every outside assumption with its source in datasets/ddcge/assumptions.json); the benchmark is replicated before any scenario; sensitivity bands from 200 Latin-hypercube draws of the elasticities and channel parameters given in each scenario file.',
  'Welfare: the sum of per-capita group EVs is lowered when people move between groups (the groups change members); the households’ money-metric gain counts each person at the group left and the group joined, and is the headline measure.',
  'Multipliers: SAM accounting multipliers with activities, commodities, factors, households and enterprises endogenous; Leontief multipliers of the industries, industry by industry from the SAM’s make and use blocks (industry technology, fixed product sales structure, with import proportionality), by factorising I − A once; ADB (2021) digital value added as the digital industries’ value added plus the value added induced along their domestic backward linkages, as a share of gross value added at basic prices.',
];

/** The demo pipeline, in order. A stage whose `run` is null has not landed yet and says so. */
export const DEMO_STAGES: readonly DemoStage[] = [
  {
    stage: 'harmonise',
    run: async (outDir) => {
      const { harmoniseDefault } = await import('../harmonise/index.js');
      const r = await harmoniseDefault(outDir);
      return {
        summary: r.summary,
        outputs: Object.values(r.outputs)
          .map((f) => relative(outDir, f))
          .sort(),
      };
    },
  },
  {
    stage: 'divide',
    run: async (outDir) => {
      const { divideDefault } = await import('../divide/index.js');
      const r = await divideDefault(join(outDir, 'observations.csv'), join(outDir, 'divide'));
      return { summary: r.summary, outputs: r.outputs.map((f) => relative(outDir, resolve(outDir, 'divide', f))) };
    },
  },
  {
    stage: 'readiness',
    run: async (outDir) => {
      const { assessReadiness, writeReadiness, readinessCounts } = await import('../guidelines/readiness/index.js');
      const r = await assessReadiness(join(outDir, 'observations.csv'), { label: 'the harmonised default data (observations.csv)' });
      const files = await writeReadiness(join(outDir, 'readiness'), r);
      const k = readinessCounts(r);
      return {
        summary: `readiness: ${k.indicatorCellsCovered} of ${k.indicatorCells} indicator × Member State cells with data, ${r.gaps.filter((g) => g.rank !== null).length} gaps ranked`,
        outputs: files.map((f) => relative(outDir, f)).sort(),
      };
    },
  },
  { stage: 'sam', run: async (outDir) => (await import('./sam-stage.js')).samStage(outDir) },
  { stage: 'multipliers', run: async (outDir) => (await import('./sam-stage.js')).multipliersStage(outDir) },
  { stage: 'cge', run: async (outDir, log) => (await import('./cge-stage.js')).cgeStage(outDir, log) },
  {
    stage: 'report',
    run: async (outDir) => {
      // the same step as `digicge report <dir>`, which rebuilds these files from the folder
      const { writePipelineReport } = await import('../report/index.js');
      const { doc, files, notes } = await writePipelineReport(outDir, { methodNotes: METHOD_NOTES });
      return {
        summary: `report with ${doc.sections.length} sections`,
        outputs: [...Object.values(files), ...(notes ? [notes] : [])].map((f) => relative(outDir, f)).sort(),
      };
    },
  },
];

/**
 * Runs the whole pipeline on the embedded default data (`datasets/`), writing every deliverable
 * under `outDir`, and returns what each stage did. Stages that have not landed are reported as such.
 */
export async function runDemo(options: DemoOptions): Promise<DemoStepResult[]> {
  const outDir = resolve(options.outDir);
  const log = options.onProgress ?? (() => {});
  const results: DemoStepResult[] = [];
  for (const { stage, run } of DEMO_STAGES) {
    if (!run) {
      results.push({ stage, status: 'not-built', summary: 'not built yet in this version', outputs: [] });
      log(`${stage}: not built yet in this version`);
      continue;
    }
    log(`${stage}: running…`);
    const r = await run(outDir, log);
    results.push({ stage, status: 'done', ...r });
    log(`${stage}: ${r.summary}`);
  }
  return results;
}
