import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { UsageError } from '../../errors.js';
import { getAreaResolver, type AreaSystem } from '../../guidelines/area-resolver.js';
import { checkGuidelineFiles, staleGuidelineDocs } from '../../guidelines/check.js';
import { staleDerivedFiles } from '../../guidelines/dsd-derive.js';
import { packageRoot } from '../../guidelines/paths.js';
import { GUIDELINE_DOCS_DIR, writeGuideline } from '../../guidelines/render/index.js';
import { assessReadiness, writeReadiness } from '../../guidelines/readiness/index.js';
import { readinessCounts } from '../../guidelines/readiness/render.js';
import { printGuidelinePdf, readCitation, writeGuidelineSite } from '../../guidelines/site/index.js';
import { checkOutDir } from '../out-path.js';

/** Registers `digicge guidelines build`, `check`, `area`, `readiness` and `site`. */
export function register(program: Command): void {
  const g = program.command('guidelines').description('the machine-readable ASEAN guideline: render its documents, validate its files');

  g.command('build')
    .description('render the human-readable guideline (Markdown chapters) from guidelines/')
    .option('--out <dir>', 'output folder', join(packageRoot(), GUIDELINE_DOCS_DIR))
    .action(async (opts: { out: string }) => {
      const out = isAbsolute(opts.out) ? opts.out : join(process.cwd(), opts.out);
      checkOutDir(out);
      const written = await writeGuideline(out);
      for (const p of written) process.stdout.write(`wrote ${relative(process.cwd(), p) || p}\n`);
    });

  g.command('check')
    .description('validate every guideline file against its JSON Schema and the cross-file rules; report stale documents')
    .option('--docs <dir>', 'rendered guideline to compare with', join(packageRoot(), GUIDELINE_DOCS_DIR))
    .option('--no-docs-check', 'do not compare the rendered documents')
    .action((opts: { docs: string; docsCheck: boolean }, cmd: Command) => {
      const results = checkGuidelineFiles();
      let errors = 0;
      for (const r of results) {
        const tag = r.status === 'ok' ? 'ok     ' : r.status === 'skipped' ? 'skipped' : 'ERROR  ';
        process.stdout.write(`${tag} ${r.file}${r.schema ? ` (${r.schema})` : ''}\n`);
        for (const p of r.problems) process.stdout.write(`        ${p}\n`);
        if (r.status === 'error') errors++;
      }
      const dir = isAbsolute(opts.docs) ? opts.docs : join(process.cwd(), opts.docs);
      if (opts.docsCheck && errors === 0 && cmd.getOptionValueSource('docs') === 'default' && !existsSync(dir)) {
        // an installed package ships no docs/: nothing to compare
        process.stdout.write(`skipped comparison of the rendered documents: ${dir} does not exist\n`);
      } else if (opts.docsCheck && errors === 0) {
        const stale = staleGuidelineDocs(dir);
        for (const s of stale)
          process.stdout.write(`STALE   ${join(relative(process.cwd(), dir) || '.', s)} (run: digicge guidelines build)\n`);
        const derived = staleDerivedFiles();
        for (const f of derived) process.stdout.write(`STALE   ${f} (derived from the data structure definition; run: npm run dsd)\n`);
        errors += stale.length + derived.length;
      }
      process.stdout.write(errors ? `${errors} problem(s)\n` : 'guideline is valid\n');
      if (errors) process.exitCode = 1;
    });

  g.command('readiness')
    .description(
      'readiness assessment of every Member State from harmonised data: matrix, CGE database blocks, ranked gaps (CSV, Markdown, workbook)',
    )
    .argument('<data>', 'observations.csv or asean.duckdb written by digicge harmonise')
    .requiredOption('--out <dir>', 'output folder')
    .option('--label <text>', 'how the data are named in the chapter (default: the path given)')
    .option('--year <year>', 'reference year of the coverage (default: the latest observed year)')
    .action(async (data: string, opts: { out: string; label?: string; year?: string }) => {
      if (opts.year !== undefined && !/^\d{4}$/.test(opts.year))
        throw new UsageError('USAGE_YEAR', `--year must be a year, not "${opts.year}"`);
      const out = isAbsolute(opts.out) ? opts.out : join(process.cwd(), opts.out);
      checkOutDir(out);
      const r = await assessReadiness(data, {
        ...(opts.label ? { label: opts.label } : {}),
        ...(opts.year ? { year: Number(opts.year) } : {}),
      });
      const written = await writeReadiness(out, r);
      for (const p of written) process.stdout.write(`wrote ${relative(process.cwd(), p) || p}\n`);
      const k = readinessCounts(r);
      process.stdout.write(
        `${k.indicatorCellsCovered} of ${k.indicatorCells} indicator × Member State cells and ${k.breakdownCellsCovered} of ${k.breakdownCells} breakdown cells have data; ${r.gaps.length} gaps (${r.gaps.filter((g) => g.rank !== null).length} ranked by sensitivity)\n`,
      );
    });

  g.command('site')
    .description(
      'publish the guideline as a static HTML site (navigation, search, printable, no network) and a PDF (Debian chromium, headless)',
    )
    .option('--out <dir>', 'output folder', 'guideline-site')
    .option('--no-pdf', 'write the HTML site only')
    .action(async (opts: { out: string; pdf: boolean }) => {
      const out = isAbsolute(opts.out) ? opts.out : join(process.cwd(), opts.out);
      checkOutDir(out);
      const written = await writeGuidelineSite(out);
      process.stdout.write(`wrote ${written.length} files of the site to ${relative(process.cwd(), out) || out}\n`);
      if (opts.pdf) {
        const pdf = join(out, 'guideline.pdf');
        printGuidelinePdf(out, pdf, undefined, readCitation().dateReleased);
        process.stdout.write(`wrote ${relative(process.cwd(), pdf) || pdf}\n`);
      }
    });

  g.command('area')
    .description('resolve area codes or names through CL_AREA, as the harmonise stage does (one line per text)')
    .argument('<text...>', 'codes or names, e.g. VIE 704 "Lao PDR" ID-JK')
    .option('--system <system>', `only this code system: ${AREA_SYSTEMS.join(', ')}`)
    .option('--source <source>', 'source of the names, for source-specific names (e.g. owid)')
    .action((texts: string[], opts: { system?: string; source?: string }) => {
      if (opts.system !== undefined && !(AREA_SYSTEMS as readonly string[]).includes(opts.system)) {
        throw new UsageError('USAGE_AREA_SYSTEM', `--system must be one of ${AREA_SYSTEMS.join(', ')}, not "${opts.system}"`);
      }
      const r = getAreaResolver();
      let unresolved = 0;
      for (const t of texts) {
        const l = r.lookup(t, opts.system as AreaSystem | undefined, { source: opts.source });
        if (l.status === 'found') {
          process.stdout.write(`${t}\t${l.area.code}\t${l.area.type}\t${l.area.name}\t(by ${l.system})\n`);
        } else {
          unresolved++;
          process.stdout.write(`${t}\t-\t${l.status}${l.status === 'ambiguous' ? `: ${l.candidates.join(', ')}` : ''}\n`);
        }
      }
      if (unresolved) process.exitCode = 1;
    });
}

const AREA_SYSTEMS = ['id', 'iso3', 'iso2', 'm49', 'adb', 'wb', 'iso3166_2', 'nso', 'name'] as const;
