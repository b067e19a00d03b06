import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { type AccountGroup, isAccountGroup } from '../../sam/groups.js';
import { checkSam } from '../../sam/check.js';
import { formatSamCheck } from '../../sam/check-format.js';
import { readSam, type SamReadOptions } from '../../sam/io/read.js';
import { writeSam } from '../../sam/io/write.js';
import { buildAseanSams, readOwnStructures } from '../../sam/build/asean.js';
import { writeAseanBuild } from '../../sam/build/write-asean.js';
import { readBpsIoTable } from '../../sam/build/io-table.js';
import { buildSamFromIo, readIoMacroAggregates } from '../../sam/build/io-build.js';
import { checkSam as checkBuilt } from '../../sam/check.js';
import { aggregateSam } from '../../sam/aggregate.js';
import { disaggregateSam, type SplitSpec } from '../../sam/split.js';
import { addBalanceCommand } from './sam-balance.js';
import { readIoTable } from '../../sam/iot/read-iot.js';
import { readSupplyUseTables } from '../../sam/iot/read-sut.js';
import { buildSamFromSut } from '../../sam/build/sut.js';
import type { IoMacroAggregates } from '../../sam/build/io-build.js';
import { writeFileAtomic } from '../../util/atomic-write.js';
import { splitDigitalSectors } from '../../sam/digital.js';
import { packageRoot } from '../../guidelines/paths.js';
import { checkOutDir, checkOutFile } from '../out-path.js';

function parseNumber(name: string, v: string): number {
  const x = Number(v);
  if (v.trim() === '' || !Number.isFinite(x)) throw new UsageError('USAGE_BAD_OPTION', `${name} must be a finite number, got '${v}'`);
  return x;
}

/** Parses repeated `--group LABEL=GROUP` and an optional `--groups file.json` into a groups map. */
async function groupsOption(opts: { group?: string[]; groups?: string }): Promise<Record<string, AccountGroup> | undefined> {
  const out: Record<string, AccountGroup> = {};
  if (opts.groups) {
    const doc = await readJson(opts.groups, '--groups file');
    if (!doc || typeof doc !== 'object' || Array.isArray(doc)) {
      throw new UsageError('USAGE_BAD_OPTION', `--groups file must hold an object {label: group}`, { file: opts.groups });
    }
    for (const [k, g] of Object.entries(doc as Record<string, unknown>)) {
      if (typeof g !== 'string' || !isAccountGroup(g)) {
        throw new UsageError('USAGE_BAD_OPTION', `unknown group '${String(g)}' for account '${k}'`, {
          file: opts.groups,
          jsonPath: `/${k}`,
        });
      }
      out[k] = g;
    }
  }
  for (const spec of opts.group ?? []) {
    const eq = spec.lastIndexOf('=');
    const label = spec.slice(0, eq);
    const g = spec.slice(eq + 1);
    if (eq <= 0 || !isAccountGroup(g)) {
      throw new UsageError(
        'USAGE_BAD_OPTION',
        `--group expects LABEL=GROUP with a group among activity, commodity, factor, household, enterprise, government, tax, savings-investment, rest-of-world, margin, other; got '${spec}'`,
      );
    }
    out[label] = g;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

const collect = (v: string, prev: string[] = []) => [...prev, v];

/** A file shipped with the package, as an absolute path (so defaults work from any folder). */
const shipped = (rel: string): string => join(packageRoot(), rel);

async function readJson(path: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new UsageError('USAGE_BAD_OPTION', `cannot read the ${what}: ${(err as Error).message}`, { file: path });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new UsageError('USAGE_BAD_OPTION', `the ${what} is not JSON: ${(err as Error).message}`, { file: path });
  }
}

/** Options of the commands that read a SAM file. */
interface ReadOpts {
  group?: string[];
  groups?: string;
  sheet?: string;
  totalsTolerance?: string;
  totalsAbsolute?: boolean;
}

/** Reader options from `--sheet`, `--totals-tolerance`, `--totals-absolute`, `--group(s)`. */
async function readOptions(opts: ReadOpts): Promise<SamReadOptions> {
  const groups = await groupsOption(opts);
  const totalsTolerance = opts.totalsTolerance !== undefined ? parseNumber('--totals-tolerance', opts.totalsTolerance) : undefined;
  if (totalsTolerance !== undefined && totalsTolerance < 0) {
    throw new UsageError('USAGE_BAD_OPTION', `--totals-tolerance must not be negative, got ${totalsTolerance}`);
  }
  return {
    ...(groups ? { groups } : {}),
    ...(opts.sheet !== undefined ? { sheet: /^\d+$/.test(opts.sheet) ? Number(opts.sheet) : opts.sheet } : {}),
    ...(totalsTolerance !== undefined ? { totalsTolerance } : {}),
    ...(opts.totalsAbsolute ? { totalsAbsolute: true } : {}),
  };
}

/** Adds the sub-commands of `digicge sam` to `samCmd` (check, convert, aggregate, split, build, …). */
export function addSamCommands(samCmd: Command): void {
  samCmd
    .command('check')
    .description(
      'check a SAM: row/column balance per account, negative cells, empty accounts, GDP from production, income and expenditure; reads workbooks as published (title rows, group headers, Total rows)',
    )
    .argument('<file>', 'SAM file (.csv, .xlsx, .json, .gms/.inc)')
    .option('--tolerance <x>', 'allowed |row − column| relative to the largest account total', '1e-6')
    .option('--absolute', 'read --tolerance as an absolute difference in the SAM unit')
    .option('--sheet <name>', 'XLSX worksheet holding the SAM, by name or 1-based position (default: the first)')
    .option('--totals-tolerance <x>', "allowed difference between the file's Total row/column and the sum of its cells, relative", '1e-6')
    .option('--totals-absolute', 'read --totals-tolerance in the SAM unit (files rounded cell by cell, e.g. IFPRI SAMs)')
    .option('--group <label=group>', 'set an account group (repeatable), e.g. --group BRD=activity', collect)
    .option('--groups <file>', 'JSON object {label: group} of account groups')
    .option('--json', 'print the report as JSON')
    .action(async (file: string, opts: ReadOpts & { tolerance: string; absolute?: boolean; json?: boolean }) => {
      const tolerance = parseNumber('--tolerance', opts.tolerance);
      if (tolerance < 0) throw new UsageError('USAGE_BAD_OPTION', `--tolerance must not be negative, got ${tolerance}`);
      const sam = await readSam(file, await readOptions(opts));
      const report = checkSam(sam, { tolerance, absolute: opts.absolute === true });
      const read = sam.provenance.filter((p) => p.operation === 'read');
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(read.length > 0 ? { ...report, read: read.map((p) => p.details) } : report, null, 2)}\n`);
      } else {
        const head = read.map((p) => {
          const notes = (p.details?.notes as string[] | undefined) ?? [];
          return `${p.description}${notes.length > 0 ? `\n  title/notes: ${notes.map((t) => `"${t}"`).join('; ')}` : ''}\n`;
        });
        process.stdout.write(head.join('') + formatSamCheck(report, file));
      }
      if (!report.balanced) process.exitCode = 1;
    });

  samCmd
    .command('convert')
    .description('convert a SAM between CSV, XLSX, JSON and GAMS include files (format from the extensions)')
    .argument('<in>', 'input SAM file')
    .argument('<out>', 'output SAM file')
    .option('--sheet <name>', 'XLSX worksheet holding the SAM, by name or 1-based position (default: the first)')
    .option('--totals-tolerance <x>', "allowed difference between the file's Total row/column and the sum of its cells, relative", '1e-6')
    .option('--totals-absolute', 'read --totals-tolerance in the SAM unit')
    .option('--group <label=group>', 'set an account group (repeatable)', collect)
    .option('--groups <file>', 'JSON object {label: group} of account groups')
    .action(async (input: string, output: string, opts: ReadOpts) => {
      checkOutFile(output, 'the output');
      const sam = await readSam(input, await readOptions(opts));
      await writeSam(output, sam);
      process.stdout.write(`wrote ${output} (${sam.n} accounts)\n`);
    });

  samCmd
    .command('aggregate')
    .description(
      'aggregate a SAM by a mapping of every account to a new account (JSON {"mapping": {old: new}, "groups"?: {new: group}, "source"?: text})',
    )
    .argument('<in>', 'input SAM file')
    .argument('<out>', 'output SAM file (.json keeps the mapping in the provenance log)')
    .requiredOption('--mapping <file>', 'mapping JSON')
    .option('--strict', 'require every account in the mapping (default: accounts not named are kept)')
    .action(async (input: string, output: string, opts: { mapping: string; strict?: boolean }) => {
      checkOutFile(output, 'the output');
      const doc = (await readJson(opts.mapping, 'mapping')) as {
        mapping?: Record<string, string>;
        groups?: Record<string, string>;
        source?: string;
      };
      if (!doc || typeof doc !== 'object' || !doc.mapping || typeof doc.mapping !== 'object' || Array.isArray(doc.mapping)) {
        throw new UsageError('USAGE_BAD_OPTION', 'the mapping file must hold {"mapping": {account: newAccount}}', {
          file: opts.mapping,
          jsonPath: '/mapping',
        });
      }
      for (const [k, v] of Object.entries(doc.mapping)) {
        if (typeof v !== 'string' || v.trim() === '') {
          throw new UsageError(
            'USAGE_BAD_OPTION',
            `account '${k}' must map to the label of a new account (text), got ${JSON.stringify(v)}`,
            { file: opts.mapping, jsonPath: `/mapping/${k}` },
          );
        }
      }
      if (doc.groups !== undefined && (typeof doc.groups !== 'object' || doc.groups === null || Array.isArray(doc.groups))) {
        throw new UsageError('USAGE_BAD_OPTION', 'groups must be an object {newAccount: group}', {
          file: opts.mapping,
          jsonPath: '/groups',
        });
      }
      if (doc.source !== undefined && typeof doc.source !== 'string') {
        throw new UsageError('USAGE_BAD_OPTION', 'source must be text', { file: opts.mapping, jsonPath: '/source' });
      }
      const groups: Record<string, AccountGroup> = {};
      for (const [k, g] of Object.entries(doc.groups ?? {})) {
        if (!isAccountGroup(g))
          throw new UsageError('USAGE_BAD_OPTION', `unknown group '${g}'`, { file: opts.mapping, jsonPath: `/groups/${k}` });
        groups[k] = g;
      }
      const sam = await readSam(input);
      const out = aggregateSam(sam, doc.mapping, {
        groups,
        keepUnmapped: opts.strict !== true,
        ...(doc.source !== undefined ? { source: doc.source } : {}),
      });
      await writeSam(output, out);
      process.stdout.write(`wrote ${output}: ${sam.n} accounts aggregated into ${out.n}\n`);
    });

  samCmd
    .command('split-digital')
    .description(
      'split the mixed sectors of a SAM into digital parts with the guideline shares (concordance THAI_SAM_2006, BPS_IO_2012, …)',
    )
    .argument('<in>', 'input SAM file')
    .argument('<out>', 'output SAM file (.json keeps the shares and citations in the provenance log)')
    .requiredOption('--concordance <id>', 'concordance of the guideline digital-sector classification')
    .option('--area <code>', 'CL_AREA code for area-specific shares')
    .action(async (input: string, output: string, opts: { concordance: string; area?: string }) => {
      checkOutFile(output, 'the output');
      const sam = await readSam(input);
      const d = splitDigitalSectors(sam, opts.concordance, opts.area);
      await writeSam(output, d.sam);
      for (const a of d.applied) process.stdout.write(`split ${a.account}: ${a.parts.map((p) => `${p.label} ${p.share}`).join(', ')}\n`);
      process.stdout.write(`wrote ${output}: ${sam.n} accounts → ${d.sam.n}\n`);
    });

  samCmd
    .command('split')
    .description(
      'split accounts by row and column shares keeping balance (JSON [{"account", "source", "parts": [{"label", "share"?, "rowShares"?, "colShares"?}]}])',
    )
    .argument('<in>', 'input SAM file')
    .argument('<out>', 'output SAM file (.json keeps the shares and sources in the provenance log)')
    .requiredOption('--spec <file>', 'split specification JSON (one split or a list)')
    .action(async (input: string, output: string, opts: { spec: string }) => {
      checkOutFile(output, 'the output');
      const doc = await readJson(opts.spec, 'split specification');
      const specs = (Array.isArray(doc) ? doc : [doc]) as SplitSpec[];
      specs.forEach((sp, i) => {
        if (!sp || typeof sp.account !== 'string' || typeof sp.source !== 'string' || !Array.isArray(sp.parts)) {
          throw new UsageError('USAGE_BAD_OPTION', 'each split needs "account", "source" and "parts"', {
            file: opts.spec,
            jsonPath: Array.isArray(doc) ? `/${i}` : '/',
          });
        }
      });
      const sam = await readSam(input);
      const out = disaggregateSam(sam, specs);
      await writeSam(output, out);
      process.stdout.write(`wrote ${output}: ${sam.n} accounts → ${out.n}\n`);
    });
}

function addBuildCommands(samCmd: Command): void {
  const build = samCmd.command('build').description('build SAMs from control totals, prior structures and input–output tables');
  build
    .command('asean')
    .description('build the ASEAN CGE database: one balanced SAM per member state covered by ADB MRIO (US$ million)')
    .option(
      '--summary <file>',
      'ADB MRIO summary CSV (default: the shipped datasets/adb_mrio/adbmrio_summary_2017-2022.csv)',
      shipped('datasets/adb_mrio/adbmrio_summary_2017-2022.csv'),
    )
    .option(
      '--concordance <file>',
      'ADB country concordance workbook (default: the shipped datasets/adb_mrio/countries_concordance.xlsx)',
      shipped('datasets/adb_mrio/countries_concordance.xlsx'),
    )
    .option(
      '--thai-sam <file>',
      'Thai SAM 2006, the prior structure (default: the shipped datasets/sam/thai/ThaiSAM2006.csv)',
      shipped('datasets/sam/thai/ThaiSAM2006.csv'),
    )
    .option(
      '--own-structures <file>',
      "economies with a SAM of their own for the structure below the ADB totals (default: the shipped datasets/sam/asean/own-structures.json; 'none' for the Thai structure everywhere)",
      shipped('datasets/sam/asean/own-structures.json'),
    )
    .option('--year <year>', 'year of the control totals', '2022')
    .requiredOption('--out <dir>', 'folder for <ISO3>.csv, controls.csv, provenance.csv and build.json')
    .action(async (opts: { summary: string; concordance: string; thaiSam: string; ownStructures: string; year: string; out: string }) => {
      const year = parseNumber('--year', opts.year);
      if (!Number.isInteger(year)) throw new UsageError('USAGE_BAD_OPTION', `--year must be a calendar year, got '${opts.year}'`);
      checkOutDir(opts.out);
      const ownStructures = opts.ownStructures === 'none' ? [] : await readOwnStructures(opts.ownStructures);
      const result = await buildAseanSams({
        summary: opts.summary,
        concordance: opts.concordance,
        thaiSam: opts.thaiSam,
        year,
        ownStructures,
      });
      const files = await writeAseanBuild(opts.out, result);
      for (const s of result.sams) process.stdout.write(`${s.iso3} ${s.name}: ${s.sam.n} accounts\n`);
      for (const m of result.notCovered) process.stdout.write(`${m.iso3}: not covered — ${m.reason}\n`);
      process.stdout.write(`wrote ${files.length} files to ${opts.out}\n`);
      if (result.sams.length === 0) {
        process.stderr.write(
          `digicge: error: ${opts.summary}: no SAM was built for ${year}: no member state has control totals for that year [SAM_BUILD_NOTHING_BUILT]\n`,
        );
        process.exitCode = 1;
      }
    });
  build
    .command('io')
    .description('build a SAM from a BPS input–output table workbook plus macro aggregates and household shares (JSON)')
    .requiredOption('--table <xlsx>', 'input–output table (BPS layout: codes in row 2 and column A)')
    .requiredOption('--macro <json>', 'macro aggregates and household shares')
    .requiredOption('--out <file>', 'output SAM (.csv, .xlsx, .json, .gms)')
    .option('--domestic-sheet <name>', 'sheet of domestic flows', 'prod domestik')
    .option('--total-sheet <name>', 'sheet of total flows (domestic + imports)', 'total produsen')
    .option('--digital <concordance>', 'split mixed sectors by the guideline digital shares of this concordance, e.g. BPS_IO_2012')
    .option('--area <code>', 'CL_AREA code for area-specific digital shares')
    .action(
      async (opts: {
        table: string;
        macro: string;
        out: string;
        domesticSheet: string;
        totalSheet: string;
        digital?: string;
        area?: string;
      }) => {
        checkOutFile(opts.out);
        const io = await readBpsIoTable(opts.table, { domesticSheet: opts.domesticSheet, totalSheet: opts.totalSheet });
        const macro = await readIoMacroAggregates(opts.macro);
        const built = buildSamFromIo(io, macro);
        let sam = built.sam;
        for (const note of built.notes) process.stdout.write(`${note}\n`);
        if (opts.digital) {
          const d = splitDigitalSectors(sam, opts.digital, opts.area);
          sam = d.sam;
          for (const a of d.applied)
            process.stdout.write(`split ${a.account}: ${a.parts.map((p) => `${p.label} ${p.share}`).join(', ')}\n`);
        }
        await writeSam(opts.out, sam);
        const report = checkBuilt(sam);
        process.stdout.write(
          `wrote ${opts.out}: ${sam.n} accounts, ${report.balancedCount} balanced; GDP from production ${report.macro.production?.gdp ?? 'n/a'} ${sam.unit ?? ''}\n`,
        );
        if (!report.balanced) process.exitCode = 1;
      },
    );
}

/** Registers the `digicge sam` command group. */
export function register(program: Command): void {
  const samCmd = program.command('sam').description('social accounting matrices: check, convert, aggregate, split, balance, build');
  addSamCommands(samCmd);
  samCmd
    .command('read-io')
    .description(
      "read a published input–output table's blocks by a layout mapping (WIOD NIOT, BPS, …; schema guidelines/schemas/io-layout.schema.json) and check its identities against the file's own totals",
    )
    .argument('<file>', 'the table (CSV or XLSX, as the layout says)')
    .requiredOption('--layout <file>', 'layout mapping JSON, e.g. datasets/io/layouts/wiod-niot-2016.json')
    .option('--where <column=text>', 'keep only rows whose column has this text (repeatable), e.g. --where Year=2014', collect)
    .option('--out <file>', 'write the blocks as JSON {layout, unit, file, blocks: {name: {rows, columns, values}}, checks}')
    .action(async (file: string, opts: { layout: string; where?: string[]; out?: string }) => {
      if (opts.out) checkOutFile(opts.out);
      const where: Record<string, string> = {};
      for (const w of opts.where ?? []) {
        const eq = w.indexOf('=');
        if (eq <= 0) throw new UsageError('USAGE_BAD_OPTION', `--where expects COLUMN=TEXT, got '${w}'`);
        where[w.slice(0, eq)] = w.slice(eq + 1);
      }
      const doc = await readJson(opts.layout, 'layout mapping');
      const t = await readIoTable(file, doc, { where });
      const lines = [`${t.layout}${t.unit ? ` (${t.unit})` : ''}`];
      for (const [name, b] of Object.entries(t.blocks)) lines.push(`  ${name}: ${b.rows.length} × ${b.columns.length}`);
      for (const c of t.checks)
        lines.push(
          `  check '${c.name}': holds, largest difference ${c.maxDifference}${c.tolerance !== null ? ` (allowed ${c.tolerance})` : ''}`,
        );
      process.stdout.write(`${lines.join('\n')}\n`);
      if (opts.out) {
        const blocks = Object.fromEntries(
          Object.entries(t.blocks).map(([k, b]) => [k, { rows: b.rows, columns: b.columns, values: Array.from(b.values) }]),
        );
        await writeFileAtomic(opts.out, `${JSON.stringify({ ...t, blocks }, null, 1)}\n`);
      }
    });

  addFromSutCommand(samCmd);
  addBalanceCommand(samCmd);
  addBuildCommands(samCmd);
}

/** Stated default when `from-sut` gets no `--macro` file: every assumption is printed and recorded. */
const DEFAULT_SUT_MACRO: IoMacroAggregates = {
  source: 'assumption (no --macro file): all operating surplus to households, no direct taxes, no enterprise distributions, no transfers',
  capital: { household: 1, enterprise: 0, government: 0, restOfWorld: 0 },
  directTaxRate: { household: 0, enterprise: 0 },
  enterpriseToHousehold: 0,
  transfers: { governmentToHousehold: 0, restOfWorldToHousehold: 0 },
};

function sutSidecarPath(out: string): string {
  const dot = out.lastIndexOf('.');
  const slash = Math.max(out.lastIndexOf('/'), out.lastIndexOf('\\'));
  return `${dot > slash ? out.slice(0, dot) : out}.sut.json`;
}

function addFromSutCommand(samCmd: Command): void {
  samCmd
    .command('from-sut')
    .description(
      'build a SAM from supply and use tables read by a SUT layout mapping (guidelines/schemas/sut-layout.schema.json) under a stated technology assumption, plus macro aggregates; the assumption and any negative flows are printed and written beside the SAM (<out>.sut.json)',
    )
    .requiredOption('--supply <file>', 'supply table (CSV or XLSX, as the layout says)')
    .requiredOption('--use <file>', 'use table (CSV or XLSX, as the layout says)')
    .requiredOption('--layout <file>', 'SUT layout mapping JSON')
    .requiredOption('--technology <assumption>', 'industry (Eurostat model B, Z = U ĝ⁻¹ V) or product (model A, Z = U (Vᵀ)⁻¹ q̂)')
    .option('--macro <json>', 'macro aggregates and household shares (as for `sam build io`); without it a stated default is used')
    .requiredOption('--out <file>', 'output SAM (.csv, .xlsx, .json, .gms)')
    .action(async (opts: { supply: string; use: string; layout: string; technology: string; macro?: string; out: string }) => {
      if (opts.technology !== 'industry' && opts.technology !== 'product')
        throw new UsageError('USAGE_BAD_OPTION', `--technology must be 'industry' or 'product', got '${opts.technology}'`);
      checkOutFile(opts.out);
      const doc = await readJson(opts.layout, 'SUT layout mapping');
      const read = await readSupplyUseTables(opts.supply, opts.use, doc, { layoutFile: opts.layout });
      const macro = opts.macro ? await readIoMacroAggregates(opts.macro) : DEFAULT_SUT_MACRO;
      const built = buildSamFromSut(read.sut, opts.technology, macro);
      const t = built.transformation;
      const lines = [`${read.layout}: ${read.sut.products.length} products × ${read.sut.industries.length} industries`];
      for (const c of read.checks) lines.push(`  check '${c.check.name}' (${c.file}): holds, largest difference ${c.check.maxDifference}`);
      lines.push(`technology assumption: ${opts.technology}`, ...t.notes, `macro data: ${macro.source}`);
      lines.push(`negative flows: ${t.negatives.length}`);
      for (const n of t.negatives) lines.push(`  ${n.row} → ${n.column}: ${n.value}`);
      lines.push(...built.notes);
      await writeSam(opts.out, built.sam);
      const side = sutSidecarPath(opts.out);
      const sidecar = {
        layout: read.layout,
        supply: opts.supply,
        use: opts.use,
        technology: opts.technology,
        notes: t.notes,
        macroSource: macro.source,
        negatives: t.negatives,
        checks: read.checks.map((c) => ({ file: c.file, ...c.check })),
      };
      await writeFileAtomic(side, `${JSON.stringify(sidecar, null, 1)}\n`);
      const report = checkBuilt(built.sam);
      lines.push(
        `wrote ${opts.out} and ${side}: ${built.sam.n} accounts, ${report.balancedCount} balanced; GDP from production ${report.macro.production?.gdp ?? 'n/a'} ${built.sam.unit ?? ''}`,
      );
      process.stdout.write(`${lines.join('\n')}\n`);
      if (!report.balanced) process.exitCode = 1;
    });
}
