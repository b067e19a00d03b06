import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import {
  analyseIoTable,
  ioSummary,
  loadIoTable,
  samAccountingMultipliers,
  samSummary,
  writeIoAnalysis,
  writeSamMultipliers,
  type IoDataSpec,
} from '../../multipliers/index.js';
import { readSamCsv } from '../../sam/index.js';
import { checkOutDir } from '../out-path.js';

const list = (s: string): string[] =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter((x) => x !== '');

interface Options {
  type?: string;
  endogenous?: string[];
  blocks?: string;
  zBlock?: string[];
  x?: string;
  finalDemand?: string[];
  valueAdded?: string[];
  labour?: string[];
  households?: string;
  satellite?: string[];
  employment?: string;
  digital?: string[];
  inverse: boolean;
  out: string;
}

function fmt(v: number): string {
  return Number.isInteger(v) ? String(v) : v.toFixed(4);
}

/** Registers `digicge multipliers`: Leontief (IO) or SAM accounting multipliers of a CSV table. */
export function register(program: Command): void {
  program
    .command('multipliers')
    .description(
      'multiplier analysis of an input-output table or a SAM (labelled CSV): Leontief/Ghosh multipliers, ' +
        'linkages, digital value added; or SAM accounting multipliers with the Pyatt–Round decomposition',
    )
    .argument(
      '<table.csv>',
      'labelled CSV: a SAM (same labels on rows and columns; rows receive, columns pay) or an IO table (Z block plus other rows/columns)',
    )
    .option('--type <type>', "'leontief' (IO multipliers) or 'sam' (accounting multipliers); default: sam when --endogenous is given")
    .option('--endogenous <labels>', 'sam: endogenous accounts, e.g. BRD,MLK,CAP,LAB,HOH', list)
    .option(
      '--blocks <blocks>',
      "sam: Pyatt–Round blocks, ';' between blocks, e.g. 'BRD,MLK;CAP,LAB;HOH' (default: production, factors, institutions from account groups)",
    )
    .option(
      '--z-block <labels>',
      'leontief: the sectors (Z block); default: the industries of a SAM with activity and commodity accounts (industry by industry: industry technology, import proportionality), its production accounts otherwise, or labels on both rows and columns of an IO table',
      list,
    )
    .option('--x <label>', 'leontief: row or column holding gross output (default: column totals of the sector columns)')
    .option('--final-demand <labels>', 'leontief: final-demand columns (default: y = x − row sums of Z)', list)
    .option('--value-added <labels>', 'leontief: value-added rows (default: x − column sums of Z)', list)
    .option('--labour <labels>', 'leontief: labour-income rows, for income multipliers', list)
    .option('--households <label>', 'leontief: household column, for Type II multipliers (needs --labour)')
    .option('--satellite <labels>', 'leontief: satellite rows (employment, emissions…): multipliers M = S L and footprints D_cba', list)
    .option('--employment <label>', 'leontief: the satellite row holding employment, for employment multipliers')
    .option('--digital <labels>', 'leontief: digital sectors, for hypothetical extraction and the ADB digital value added share', list)
    .option(
      '--no-inverse',
      'leontief: do not form or write the explicit Leontief inverse L.csv — recommended for large tables (an ADB MRIO of 2,555 sectors): every multiplier and footprint is computed by solves without it',
    )
    .option('--out <dir>', 'folder for the CSV tables and summary.json', 'out/multipliers')
    .action(async (file: string, o: Options) => {
      const type = o.type ?? (o.endogenous ? 'sam' : 'leontief');
      checkOutDir(o.out);
      if (type === 'sam') {
        if (!o.endogenous?.length) {
          throw new UsageError(
            'USAGE_MISSING_ENDOGENOUS',
            'SAM multipliers need the endogenous accounts: --endogenous BRD,MLK,CAP,LAB,HOH',
          );
        }
        const blocks = o.blocks
          ?.split(';')
          .map(list)
          .filter((b) => b.length);
        const sam = await readSamCsv(file);
        const r = samAccountingMultipliers(sam, o.endogenous, blocks);
        const written = await writeSamMultipliers(o.out, r);
        const s = samSummary(r) as { multiplierColumnSums: Record<string, number> };
        process.stdout.write(`SAM accounting multipliers of ${file}\n`);
        process.stdout.write(`endogenous: ${r.labels.join(', ')}; Pyatt–Round blocks: ${r.blocks.map((b) => b.join('+')).join(' | ')}\n`);
        process.stdout.write('total effect of one unit injected into each account (column sums of Ma):\n');
        for (const l of r.labels) process.stdout.write(`  ${l.padEnd(12)} ${fmt(s.multiplierColumnSums[l])}\n`);
        process.stdout.write(`wrote ${written.length} files to ${o.out}: ${written.join(', ')}\n`);
        return;
      }
      if (type !== 'leontief') {
        throw new UsageError('USAGE_BAD_TYPE', `--type must be 'leontief' or 'sam', got '${type}'`);
      }
      const spec: IoDataSpec = {
        ...(o.zBlock ? { sectors: o.zBlock } : {}),
        ...(o.x !== undefined ? { x: o.x } : {}),
        ...(o.finalDemand ? { finalDemand: o.finalDemand } : {}),
        ...(o.valueAdded ? { valueAdded: o.valueAdded } : {}),
        ...(o.labour ? { labour: o.labour } : {}),
        ...(o.households !== undefined ? { households: o.households } : {}),
        ...(o.satellite ? { satellite: o.satellite } : {}),
      };
      const io = await loadIoTable(file, spec);
      const a = analyseIoTable(io, {
        ...(o.digital ? { digital: o.digital } : {}),
        ...(o.employment !== undefined ? { employment: o.employment } : {}),
        inverse: o.inverse,
      });
      const written = await writeIoAnalysis(o.out, io, a);
      const s = ioSummary(io, a) as { digital?: Record<string, number> & { denominator?: string } };
      for (const w of a.warnings) process.stderr.write(`warning: ${w}\n`);
      process.stdout.write(`Leontief multipliers of ${file}: ${a.sectors.length} sectors\n`);
      process.stdout.write('sector        output(I)' + (a.typeII ? '  output(II)' : '') + '  backward  forward  class\n');
      a.sectors.forEach((l, j) => {
        process.stdout.write(
          `  ${l.padEnd(12)}${fmt(a.outputTypeI[j]).padStart(9)}` +
            (a.typeII ? fmt(a.typeII.output[j]).padStart(12) : '') +
            `${fmt(a.linkages.backward[j]).padStart(10)}${fmt(a.linkages.forward[j]).padStart(9)}  ${a.linkages.classes[j]}\n`,
        );
      });
      if (s.digital) {
        process.stdout.write(
          `digital economy (ADB, direct + induced value added): ${fmt(s.digital.totalValueAdded)} = ` +
            `${(100 * s.digital.shareOfGdp).toFixed(2)} % of ${s.digital.denominator} (direct ${fmt(s.digital.directValueAdded)}, induced ${fmt(s.digital.inducedValueAdded)})\n`,
        );
      }
      process.stdout.write(`wrote ${written.length} files to ${o.out}: ${written.join(', ')}\n`);
    });
}
