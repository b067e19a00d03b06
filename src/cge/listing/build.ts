/**
 * Writing a model's document: reads the data (the SAM, the parameter file and the outside
 * assumptions its documentation names, paths relative to the repository root — or the files
 * given), calibrates and compiles the model on them, and gives {@link modelDocument}'s text. A model
 * without documentation (a user's model file) gets a plain listing: its name, description and
 * equations in their order.
 * @module
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError, UsageError } from '../../errors.js';
import { readSamCsv } from '../../sam/io/csv.js';
import type { CgeModelDefinition } from '../definition.js';
import type { CgeModel } from '../model/model.js';
import { prepareModel } from '../run.js';
import { equationText } from './calibration.js';
import type { ModelDocumentation } from './documentation.js';
import { modelDocument, type DocumentAssumption } from './document.js';

/** The repository (package) root, where the documentation's paths start. */
export const PACKAGE_ROOT = join(import.meta.dirname, '../../..');

/** Options of {@link buildModelDocument}. */
export interface BuildDocumentOptions {
  /** Root of the documentation's paths (default: the package root). */
  root?: string;
  /** A SAM CSV to calibrate to instead of the documentation's (required for a model without documentation). */
  sam?: string;
  /** A parameter file to calibrate with instead of the documentation's. */
  params?: string;
}

async function readJson(path: string, what: string): Promise<Record<string, unknown>> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
  } catch (err) {
    throw new InputError('DOCUMENT_DATA_UNREADABLE', `cannot read the ${what}: ${err instanceof Error ? err.message : String(err)}`, {
      file: path,
    });
  }
}

/** The documentation of a model that has none: its description, and its equations in order as one block. */
function plainDocumentation(def: CgeModelDefinition, model: CgeModel, sam: string): ModelDocumentation {
  return {
    title: `Model \`${def.name}\``,
    summary: def.description,
    equations: model.equationList.map((e) => `${equationText(e)};`).join('\n'),
    parameterFile: [],
    sections: [],
    references: [],
    data: { sam, label: 'the SAM given' },
    path: '',
  };
}

/** The document of a model, calibrated to the data its documentation names under the root, or to the files given. */
export async function buildModelDocument(def: CgeModelDefinition, opts: BuildDocumentOptions = {}): Promise<string> {
  const root = opts.root ?? PACKAGE_ROOT;
  const doc = def.documentation;
  if (!doc && !opts.sam)
    throw new UsageError('USAGE_SAM_MISSING', `model ${def.name} has no documentation naming its data: give --sam (and --params)`);
  const samPath = opts.sam ?? join(root, doc!.data.sam);
  const samLabel = opts.sam ?? doc!.data.sam;
  const paramsPath = opts.params ?? (doc?.data.params ? join(root, doc.data.params) : undefined);
  const paramsLabel = opts.params ?? doc?.data.params;
  const read = await readSamCsv(samPath);
  const params = paramsPath ? await readJson(paramsPath, 'parameter file') : {};
  const prepared = prepareModel(def, { accounts: read.accounts, values: read.values, file: samLabel }, params, {}, paramsLabel);
  const given = opts.sam !== undefined || opts.params !== undefined;
  const documentation: ModelDocumentation = doc
    ? given
      ? { ...doc, data: { sam: samLabel, ...(paramsLabel ? { params: paramsLabel } : {}), label: 'the data given' } }
      : doc
    : plainDocumentation(def, prepared.calibrated.model, samLabel);
  const assumptionsFile = given ? undefined : documentation.data.assumptions;
  const assumptions = assumptionsFile ? await readJson(join(root, assumptionsFile), 'assumptions file') : undefined;
  const listed = assumptions
    ? (Object.fromEntries(Object.entries(assumptions).filter(([k]) => !k.startsWith('$'))) as Record<string, DocumentAssumption>)
    : undefined;
  return modelDocument({ definition: { ...def, documentation }, prepared, ...(listed ? { assumptions: listed } : {}) });
}
