/**
 * The whole input-output multiplier analysis of one table, as the CLI runs it: coefficients, the
 * Leontief system factorised once, output/income/employment multipliers (Type I and, with households,
 * Type II), Ghosh forward linkages, Rasmussen indices and key sectors, satellite multipliers and
 * footprints, and — for a named set of digital sectors — hypothetical extraction and ADB's digital
 * value added share of GDP.
 * @module
 */
import { InputError } from '../errors.js';
import type { Matrix } from '../linalg/dense/index.js';
import { digitalValueAdded, type DigitalValueAdded } from './digital-economy.js';
import { hypotheticalExtraction, positionsOf, type ExtractionResult } from './extraction.js';
import { allocationCoefficients, ghoshFactor, ghoshRowSums } from './ghosh.js';
import type { IoData } from './io/io-table.js';
import { leontiefFactor, leontiefInverse, leontiefSolve, type LeontiefSystem } from './leontief.js';
import { rasmussenLinkages, type Linkages } from './linkages.js';
import { effectMultipliers, outputMultipliers, type EffectMultipliers } from './output-multipliers.js';
import { checkProductive } from './productive.js';
import { consumptionBasedAccounts, stressorCoefficients, stressorMultipliers } from './satellite.js';
import { technicalCoefficients, valueAddedCoefficients } from './technical-coefficients.js';
import { typeIIMultipliers, type TypeIIMultipliers } from './type-ii.js';

/** Options of {@link analyseIoTable}. */
export interface IoAnalysisOptions {
  /** Sectors to extract and to count as the digital economy. */
  digital?: readonly string[];
  /** Satellite row holding employment (for employment multipliers). */
  employment?: string;
  /** Form the explicit Leontief inverse L (default true: it is an output table). */
  inverse?: boolean;
  /**
   * Ratio multipliers (Type I/II income and employment) where a sector's direct coefficient is 0:
   * 'omit' (default) leaves those columns out and says so in `notes`; 'throw' makes it an error.
   */
  ratios?: 'omit' | 'throw';
}

/** Everything {@link analyseIoTable} computes. */
export interface IoAnalysis {
  /** Sector labels. */
  readonly sectors: readonly string[];
  /** Technical coefficients. */
  readonly A: Matrix;
  /** The factorised Leontief system. */
  readonly system: LeontiefSystem;
  /** L, when asked for. */
  readonly L?: Matrix;
  /** Column sums of L. */
  readonly outputTypeI: Float64Array;
  /** Value-added coefficients. */
  readonly v: Float64Array;
  /** x recomputed as L y (a check of the table's consistency). */
  readonly xFromY: Float64Array;
  /** Labour-income multipliers, when labour rows were named. */
  readonly income?: EffectMultipliers;
  /** Employment multipliers, when an employment row was named. */
  readonly employment?: EffectMultipliers;
  /** Type II multipliers, when households and labour were named. */
  readonly typeII?: TypeIIMultipliers;
  /** Rasmussen linkages (backward: L; forward: Ghosh G). */
  readonly linkages: Linkages;
  /** Satellite multipliers M = S L and D_cba = M diag(y), when satellite rows were named. */
  readonly satellite?: { readonly labels: readonly string[]; readonly S: Matrix; readonly M: Matrix; readonly Dcba: Matrix };
  /** Extraction of the digital sectors, when named. */
  readonly extraction?: ExtractionResult;
  /** ADB digital value added, when digital sectors were named. */
  readonly digital?: DigitalValueAdded;
  /** What was left out and why, one sentence each. */
  readonly notes: readonly string[];
  /** Economic input at the edge of its domain (negative value added, negative coefficients), one sentence each. */
  readonly warnings: readonly string[];
}

/**
 * Runs the multiplier analysis of an input-output table.
 * @throws NumericError `IO_NOT_PRODUCTIVE` when A does not describe a productive economy (see {@link checkProductive})
 */
export function analyseIoTable(io: IoData, options: IoAnalysisOptions = {}): IoAnalysis {
  const labels = io.sectors;
  const ratios = options.ratios ?? 'omit';
  const notes: string[] = [];
  const zeroNote = (c: Float64Array, what: string, type: string) => {
    const z = labels.filter((_, j) => c[j] === 0);
    if (z.length && ratios === 'omit') {
      notes.push(`${type} ${what} multipliers (total ÷ direct) left out: zero direct ${what} coefficient in ${z.join(', ')}`);
    }
  };
  const A = technicalCoefficients(io.Z, io.x, labels);
  const system = leontiefFactor(A, { labels });
  const v = valueAddedCoefficients(io.va, io.x, labels);
  const warnings = checkProductive(system, v);
  const outputTypeI = outputMultipliers(system);
  const xFromY = leontiefSolve(system, io.y);
  const B = allocationCoefficients(io.Z, io.x, labels);
  const linkages = rasmussenLinkages(outputTypeI, ghoshRowSums(ghoshFactor(B, labels)));
  let income: EffectMultipliers | undefined;
  let hr: Float64Array | undefined;
  if (io.labour) {
    hr = valueAddedCoefficients(io.labour, io.x, labels);
    income = effectMultipliers(system, hr, 'income', ratios);
    zeroNote(hr, 'income', 'Type I and II');
  }
  let employment: EffectMultipliers | undefined;
  let e: Float64Array | undefined;
  let satellite: IoAnalysis['satellite'];
  if (io.satellite) {
    const S = stressorCoefficients(io.satellite.F, io.x, labels);
    const M = stressorMultipliers(system, S);
    satellite = { labels: io.satellite.labels, S, M, Dcba: consumptionBasedAccounts(M, io.y) };
  }
  if (options.employment !== undefined) {
    const k = io.satellite?.labels.indexOf(options.employment) ?? -1;
    if (k < 0 || !satellite) {
      throw new InputError('UNKNOWN_ACCOUNT', `employment row '${options.employment}' must be one of the satellite rows`, {
        account: options.employment,
      });
    }
    e = satellite.S.data.slice(k * io.x.length, (k + 1) * io.x.length);
    employment = effectMultipliers(system, e, 'employment', ratios);
    zeroNote(e, 'employment', 'Type I and II');
  }
  let typeII: TypeIIMultipliers | undefined;
  if (io.households) {
    if (!hr) {
      throw new InputError('USAGE_TYPE_II_NEEDS_LABOUR', 'Type II multipliers need the labour-income rows as well as the household column');
    }
    if (!(io.households.total > 0)) {
      throw new InputError('ZERO_OUTPUT', `household column ${io.households.label} has total outlay ${io.households.total}`, {
        account: io.households.label,
      });
    }
    const hc = io.households.consumption.map((c) => c / io.households!.total);
    typeII = typeIIMultipliers(A, hc, hr, e, labels, ratios, io.households.own / io.households.total);
  }
  let extraction: ExtractionResult | undefined;
  let digital: DigitalValueAdded | undefined;
  if (options.digital && options.digital.length) {
    const set = positionsOf(labels, options.digital);
    extraction = hypotheticalExtraction(A, io.y, set, v, labels);
    digital = digitalValueAdded(A, io.x, v, set, labels);
  }
  return {
    sectors: labels,
    A,
    system,
    ...(options.inverse === false ? {} : { L: leontiefInverse(system) }),
    outputTypeI,
    v,
    xFromY,
    linkages,
    ...(income ? { income } : {}),
    ...(employment ? { employment } : {}),
    ...(typeII ? { typeII } : {}),
    ...(satellite ? { satellite } : {}),
    ...(extraction ? { extraction } : {}),
    ...(digital ? { digital } : {}),
    notes,
    warnings,
  };
}
