/**
 * `digicge cge …`: calibrate, check and solve CGE models of the library (or a model file) on a SAM.
 * Thin: parses options, calls `src/cge`, prints.
 */
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { InputError, UsageError } from '../../errors.js';
import {
  buildModelDocument,
  formatExpr,
  PACKAGE_ROOT,
  homogeneityCheck,
  libraryModel,
  MODEL_LIBRARY,
  prepareModel,
  readScenarioFile,
  runGams,
  formatDisplays,
  replicationCheck,
  cgeResultsDocument,
  runScenario,
  solveBenchmark,
  writeCgeResults,
  type CgeModelDefinition,
  type PreparedModel,
  type SamInput,
} from '../../cge/index.js';
import { readSamCsv } from '../../sam/index.js';
import { checkOutDir } from '../out-path.js';
import { writeFileAtomic } from '../../util/atomic-write.js';

const DATASETS = join(import.meta.dirname, '../../../datasets/models');

/**
 * Imports a model file. A TypeScript file is loaded through tsx's own loader (`tsImport`), so that a
 * file outside this package — in a folder without an ES-module package.json, read as CommonJS —
 * can import the package without Node's "require() of an ES module in a cycle" error.
 */
async function importModelFile(path: string): Promise<unknown> {
  const url = pathToFileURL(path).href;
  if (/\.[mc]?ts$/.test(path)) {
    const api = await import('tsx/esm/api').catch(() => undefined);
    if (api) return api.tsImport(url, import.meta.url);
  }
  return import(url);
}

async function loadDefinition(name: string): Promise<CgeModelDefinition> {
  if (MODEL_LIBRARY[name]) return MODEL_LIBRARY[name];
  if (/\.(m?[jt]s)$/.test(name)) {
    const path = resolve(name);
    if (!existsSync(path)) throw new InputError('MODEL_FILE_MISSING', 'model file not found', { file: name });
    const mod = (await importModelFile(path)) as { default?: CgeModelDefinition; model?: CgeModelDefinition };
    // A file outside an ES-module package is loaded as CommonJS: its exports sit under `default`.
    const cjs = mod.default as { default?: CgeModelDefinition; model?: CgeModelDefinition } | undefined;
    const def = mod.default?.calibrate ? mod.default : (mod.model ?? cjs?.default ?? cjs?.model);
    if (!def || typeof def.calibrate !== 'function') {
      throw new InputError(
        'MODEL_FILE_INVALID',
        'a model file must export (default or `model`) an object with name, description and calibrate(sam, params)',
        { file: name },
      );
    }
    return def;
  }
  return libraryModel(name);
}

async function loadParams(def: CgeModelDefinition, file: string | undefined): Promise<{ params: Record<string, unknown>; file?: string }> {
  const shipped = def.documentation?.data.params;
  const path = file ?? (shipped ? join(PACKAGE_ROOT, shipped) : join(DATASETS, def.name, 'parameters.json'));
  if (!file && !existsSync(path)) return { params: {} };
  try {
    return { params: JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>, file: path };
  } catch (err) {
    throw new InputError('PARAMS_UNREADABLE', `cannot read the parameter file: ${err instanceof Error ? err.message : String(err)}`, {
      file: path,
    });
  }
}

async function prepare(opts: { model: string; sam?: string; params?: string }): Promise<PreparedModel> {
  const def = await loadDefinition(opts.model);
  const shipped = def.documentation?.data.sam;
  const samPath = opts.sam ?? (shipped ? join(PACKAGE_ROOT, shipped) : join(DATASETS, def.name, 'sam.csv'));
  if (!existsSync(samPath))
    throw new UsageError('USAGE_SAM_MISSING', `--sam is required for model ${def.name} (no shipped SAM at ${samPath})`);
  const read = await readSamCsv(samPath);
  const sam: SamInput = { accounts: read.accounts, values: read.values, file: samPath };
  const { params, file } = await loadParams(def, opts.params);
  return prepareModel(def, sam, params, {}, file);
}

function sizeLine(prep: PreparedModel): string {
  const cm = prep.compiled;
  return `model ${cm.model.name}: ${cm.rows.length} equations, ${cm.vars.size} variables, ${cm.nnz} Jacobian non-zeros (compiled in ${cm.compileMs.toFixed(1)} ms)`;
}

/** Registers `cge solve`, `cge show`, `cge document` and `cge check`. */
export function register(program: Command): void {
  const cge = program.command('cge').description('computable general equilibrium models: calibrate to a SAM, check, solve scenarios');

  cge
    .command('solve')
    .description('calibrate a model to a SAM, solve the benchmark and each scenario; write results.json and results.csv')
    .requiredOption('--model <name|file>', `library model (${Object.keys(MODEL_LIBRARY).sort().join(', ')}) or a model file (.ts/.js)`)
    .option('--sam <file>', "SAM CSV (rows receive, columns pay); default: the model's shipped SAM")
    .option('--params <file>', "parameter file (elasticities, world prices, numeraire); default: the model's shipped one")
    .option('--scenario <file...>', 'scenario JSON file(s) (guidelines/schemas/scenario.schema.json)')
    .requiredOption('--out <dir>', 'output folder')
    .action(async (opts: { model: string; sam?: string; params?: string; scenario?: string[]; out: string }) => {
      checkOutDir(opts.out);
      const prep = await prepare(opts);
      process.stdout.write(`${sizeLine(prep)}\n`);
      const bench = solveBenchmark(prep);
      process.stdout.write(
        `benchmark: ${bench.newton.iterations} Newton iteration(s), max residual ${bench.newton.maxResidual.toExponential(2)}\n`,
      );
      const results = [];
      for (const file of opts.scenario ?? []) {
        for (const sc of await readScenarioFile(file)) {
          const r = runScenario(prep, bench, sc, file);
          results.push(r);
          const w = r.welfare.map((h) => `${h.household} EV ${h.ev.toFixed(4)} CV ${h.cv.toFixed(4)}`).join('; ');
          process.stdout.write(
            `scenario ${r.name}: ${r.iterations} iteration(s), scaled residual ${r.scaledResidual.toExponential(2)}; ${w}; real GDP ${(100 * (r.gdp.real / r.gdp.realBase - 1)).toFixed(3)}%\n`,
          );
        }
      }
      const paths = await writeCgeResults(opts.out, cgeResultsDocument(prep.compiled.model.name, bench, results));
      process.stdout.write(`wrote ${paths.json}\nwrote ${paths.csv}\n`);
    });

  cge
    .command('run')
    .description('run a GAMS model file (the subset CGE models are written in): declarations, calibration, solve, display')
    .argument('<model.gms>', 'GAMS model file')
    .option('--json', 'print the solves, displays and skipped statements as JSON')
    .action(async (path: string, opts: { json?: boolean }) => {
      if (!existsSync(path)) throw new InputError('MODEL_FILE_MISSING', 'model file not found', { file: path });
      const r = runGams(await readFile(path, 'utf8'), path);
      if (opts.json) {
        const { state: _state, ...rest } = r;
        process.stdout.write(`${JSON.stringify(rest, null, 2)}\n`);
        return;
      }
      const lines: string[] = [];
      if (r.title) lines.push(r.title);
      for (const sv of r.solves)
        lines.push(
          `solve ${sv.model} using ${sv.type}${sv.objective ? ` (objective ${sv.objective} as the square system)` : ''} at line ${sv.line}: ${sv.equations} equations, ${sv.variables} variables, ${sv.iterations} Newton iterations, max residual ${sv.maxResidual.toExponential(2)}${sv.dropped.length ? `; dropped ${sv.dropped.join(', ')} (Walras residual ${sv.walrasResidual.toExponential(2)})` : ''}`,
        );
      for (const k of r.skipped) lines.push(`skipped line ${k.line}: ${k.statement} (${k.reason})`);
      process.stdout.write(`${lines.join('\n')}\n${formatDisplays(r.displays)}`);
    });

  cge
    .command('show')
    .description('list a calibrated model: its size, sets, variables and equations in the GAMS-like text form')
    .requiredOption('--model <name|file>', 'library model or model file')
    .option('--sam <file>', "SAM CSV; default: the model's shipped SAM")
    .option('--params <file>', "parameter file; default: the model's shipped one")
    .action(async (opts: { model: string; sam?: string; params?: string }) => {
      const prep = await prepare(opts);
      const m = prep.calibrated.model;
      const lines = [sizeLine(prep), '', 'Sets'];
      for (const s of m.setList) lines.push(`  ${s.name}  /${s.elements.join(', ')}/${s.description ? `  '${s.description}'` : ''}`);
      lines.push('', 'Variables');
      for (const v of m.variableList)
        lines.push(`  ${v.name}${v.domain.length ? `(${v.domain.join(',')})` : ''}${v.description ? `  '${v.description}'` : ''}`);
      lines.push('', 'Equations');
      for (const e of m.equationList) {
        lines.push(
          `  ${e.source ?? `${e.name}${e.domain.length ? `(${e.domain.join(',')})` : ''}.. ${formatExpr(e.lhs)} =e= ${formatExpr(e.rhs)}`}${e.source ? ';' : ';'}${e.description ? `   * ${e.description}` : ''}`,
        );
      }
      const c = prep.calibrated.closures[prep.calibrated.defaultClosure];
      lines.push(
        '',
        `Closure ${c.name}: fixed ${c.fix.map((f) => `${f.variable}${f.index ? `(${f.index.join(',')})` : ''}`).join(', ')}; dropped ${(c.drop ?? []).map((d) => `${d.equation}${d.index ? `(${d.index.join(',')})` : ''}`).join(', ') || 'none'}`,
      );
      process.stdout.write(`${lines.join('\n')}\n`);
    });

  cge
    .command('document')
    .description(
      "write a model's document (Markdown) from its definition, like a GAMS listing: sets, equations, variables, parameters with their calibration, closures, and the model's own prose and assumptions",
    )
    .option('--model <name|file>', `library model (${Object.keys(MODEL_LIBRARY).sort().join(', ')}) or a model file`)
    .option('--all', 'rewrite the documents of every library model where their documentation puts them (docs/models/)')
    .option('--sam <file>', "SAM CSV to calibrate to (default: the data the model's documentation names; required for a model file)")
    .option('--params <file>', 'parameter file to calibrate with')
    .option('--out <file>', 'write the document to this file (default: print it)')
    .action(async (opts: { model?: string; all?: boolean; sam?: string; params?: string; out?: string }) => {
      if (opts.all) {
        if (opts.model || opts.sam || opts.params || opts.out)
          throw new UsageError(
            'USAGE_DOCUMENT_ALL',
            '--all writes every library model to its own place: give no --model, --sam, --params or --out with it',
          );
        for (const def of Object.values(MODEL_LIBRARY)) {
          if (!def.documentation) continue;
          const path = join(PACKAGE_ROOT, def.documentation.path);
          await writeFileAtomic(path, await buildModelDocument(def));
          process.stdout.write(`wrote ${def.documentation.path}\n`);
        }
        return;
      }
      if (!opts.model) throw new UsageError('USAGE_MODEL_MISSING', 'give --model <name|file>, or --all');
      const def = await loadDefinition(opts.model);
      const text = await buildModelDocument(def, {
        ...(opts.sam ? { sam: opts.sam } : {}),
        ...(opts.params ? { params: opts.params } : {}),
      });
      if (opts.out) {
        await writeFileAtomic(opts.out, text);
        process.stdout.write(`wrote ${opts.out}\n`);
      } else process.stdout.write(text);
    });

  cge
    .command('check')
    .description(
      'replication check (the calibrated benchmark solves and reproduces the SAM) and, with --homogeneity, the homogeneity check',
    )
    .requiredOption('--model <name|file>', 'library model or model file')
    .option('--sam <file>', "SAM CSV; default: the model's shipped SAM")
    .option('--params <file>', "parameter file; default: the model's shipped one")
    .option(
      '--homogeneity',
      'also check that doubling the numeraire and every fixed nominal quantity doubles nominal and keeps real variables',
    )
    .action(async (opts: { model: string; sam?: string; params?: string; homogeneity?: boolean }) => {
      const prep = await prepare(opts);
      process.stdout.write(`${sizeLine(prep)}\n`);
      const rep = replicationCheck(prep);
      process.stdout.write(
        `replication: ${rep.passed ? 'PASSED' : 'FAILED'} — residual at calibrated levels ${rep.initialResidual.toExponential(2)}${rep.initialWorst ? ` (${rep.initialWorst})` : ''}, ` +
          `benchmark ${rep.benchmarkIterations} iteration(s) to scaled residual ${rep.benchmarkResidual.toExponential(2)}, SAM reproduced to ${rep.samMaxDiff.toExponential(2)}${rep.samWorstCell ? ` (worst cell ${rep.samWorstCell})` : ''}\n`,
      );
      let ok = rep.passed;
      if (opts.homogeneity) {
        const h = homogeneityCheck(prep, rep.benchmark);
        process.stdout.write(
          `homogeneity: ${h.passed ? 'PASSED' : 'FAILED'} — ${h.scaled.join(', ')} ×${h.factor}: largest deviation ${h.maxDeviation.toExponential(2)} (${h.worst}), ${h.iterations} iteration(s)${h.misclassified.length ? `; the nominal list disagrees with the solution for ${h.misclassified.join(', ')}` : ''}\n`,
        );
        ok = ok && h.passed;
      }
      if (!ok) process.exitCode = 1;
    });
}
