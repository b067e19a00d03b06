/**
 * Reads a pair of published supply and use tables by a layout mapping
 * (`guidelines/schemas/sut-layout.schema.json`): one IO layout (io-layout.schema.json) per file,
 * read by {@link readIoTable}, then assembled into a {@link SupplyUseTable} for
 * {@link sutToIoTable} / {@link buildSamFromSut}. Shapes that do not agree between the two files
 * fail with `SUT_LAYOUT_MISMATCH` and the file, row and column where they part.
 * @module
 */
import { InputError } from '../../errors.js';
import type { SutLayout } from '../../guidelines/generated/sut-layout.js';
import { validateAgainstSchema } from '../../guidelines/validate.js';
import { FINAL_DEMAND_CATEGORIES, type FinalDemandCategory } from '../build/io-table.js';
import type { SupplyUseTable } from '../build/sut.js';
import { type IoBlock, type IoCheckResult, readIoTable } from './read-iot.js';

/** Result of {@link readSupplyUseTables}: the table and the identities each file's layout checked. */
export interface SutRead {
  readonly layout: string;
  readonly sut: SupplyUseTable;
  readonly checks: { readonly file: string; readonly check: IoCheckResult }[];
}

const VA_KEYS = ['wages', 'surplus', 'depreciation', 'indirectTaxes', 'subsidies'] as const;

function need(blocks: Readonly<Record<string, IoBlock>>, name: string, file: string): IoBlock {
  const b = blocks[name];
  if (!b)
    throw new InputError('SUT_LAYOUT_MISMATCH', `the use layout defines no block '${name}', which a supply and use table needs`, { file });
  return b;
}

/** Fails with the first place where two key lists part (same keys, same order). */
function sameKeys(what: string, got: IoBlock, axis: 'rows' | 'columns', want: readonly string[], file: string, wantFrom: string): void {
  const keys = axis === 'rows' ? got.rows : got.columns;
  const n = Math.max(keys.length, want.length);
  for (let i = 0; i < n; i++) {
    if (keys[i] === want[i]) continue;
    const at =
      axis === 'rows'
        ? { row: got.rowLines?.[Math.min(i, keys.length - 1)] }
        : { column: got.columnLetters?.[Math.min(i, keys.length - 1)] };
    throw new InputError(
      'SUT_LAYOUT_MISMATCH',
      `${what}: ${axis} ${i + 1} is ${keys[i] === undefined ? 'missing' : `'${keys[i]}'`} but ${wantFrom} has ${want[i] === undefined ? 'nothing there' : `'${want[i]}'`} (${keys.length} against ${want.length} ${axis})`,
      { file, ...at },
    );
  }
}

/** Every key of a block must be mapped to a role: nothing is dropped silently. */
function allNamed(block: IoBlock, axis: 'rows' | 'columns', named: readonly string[], what: string, file: string): void {
  const keys = axis === 'rows' ? block.rows : block.columns;
  keys.forEach((k, i) => {
    if (named.includes(k)) return;
    throw new InputError(
      'SUT_LAYOUT_MISMATCH',
      `${what} '${k}' is in the table but the layout gives it no role (${axis === 'rows' ? 'valueAdded' : 'finalDemand'} of the SUT layout)`,
      { file, ...(axis === 'rows' ? { row: block.rowLines?.[i] } : { column: block.columnLetters?.[i] }) },
    );
  });
  for (const k of named)
    if (!keys.includes(k))
      throw new InputError('SUT_LAYOUT_MISMATCH', `the layout names ${what} '${k}', which the block does not have`, { file });
}

/**
 * Reads a supply table file and a use table file by a SUT layout mapping and assembles the
 * {@link SupplyUseTable}: make matrix V = the supply block transposed, domestic use U, value added
 * and imports by industry, final demand by category. Each file's own identities (the layouts'
 * `checks`) are checked first.
 * @param layoutDoc the SUT layout mapping (validated against `sut-layout.schema.json`)
 * @param options `layoutFile`: the mapping's path, named in schema errors
 */
export async function readSupplyUseTables(
  supplyPath: string,
  usePath: string,
  layoutDoc: unknown,
  options: { layoutFile?: string } = {},
): Promise<SutRead> {
  const layout = validateAgainstSchema<SutLayout>('sut-layout', layoutDoc, options.layoutFile);
  const sup = await readIoTable(supplyPath, layout.supply);
  const use = await readIoTable(usePath, layout.use);
  const S = sup.blocks.intermediate; // products × industries
  const U = use.blocks.intermediate;
  const products = S.rows;
  const industries = S.columns;
  const p = products.length;
  const m = industries.length;
  sameKeys('use matrix', U, 'rows', products, usePath, 'the supply table');
  sameKeys('use matrix', U, 'columns', industries, usePath, 'the supply table');
  const va = need(use.blocks, 'valueAdded', usePath);
  sameKeys('value added', va, 'columns', industries, usePath, 'the supply table');
  const vaMap = layout.valueAdded;
  allNamed(
    va,
    'rows',
    VA_KEYS.map((k) => vaMap[k]).filter((x): x is string => x !== undefined),
    'value-added row',
    usePath,
  );
  const vaRow = (k: (typeof VA_KEYS)[number], sign = 1) => {
    const key = vaMap[k];
    const out = new Float64Array(m);
    if (key === undefined) return out;
    const r = va.rows.indexOf(key);
    for (let j = 0; j < m; j++) out[j] = sign * va.values[r * m + j];
    return out;
  };
  const fd = need(use.blocks, 'finalDemand', usePath);
  sameKeys('final demand', fd, 'rows', products, usePath, 'the supply table');
  const fdMap = layout.finalDemand as Partial<Record<FinalDemandCategory, string>>;
  allNamed(
    fd,
    'columns',
    FINAL_DEMAND_CATEGORIES.map((c) => fdMap[c]).filter((x): x is string => x !== undefined),
    'final demand column',
    usePath,
  );
  const c = fd.columns.length;
  const finalDemand = {} as Record<FinalDemandCategory, Float64Array>;
  const importedFinal = {} as Record<FinalDemandCategory, number>;
  const impF = use.blocks.importedFinal;
  if (impF) {
    sameKeys('imported final demand', impF, 'columns', fd.columns, usePath, 'the final demand block');
    if (impF.rows.length !== 1)
      throw new InputError('SUT_LAYOUT_MISMATCH', `imported final demand has ${impF.rows.length} rows, expected one (all products)`, {
        file: usePath,
        row: impF.rowLines?.[1],
      });
  }
  for (const cat of FINAL_DEMAND_CATEGORIES) {
    const col = fdMap[cat] === undefined ? -1 : fd.columns.indexOf(fdMap[cat] as string);
    finalDemand[cat] = new Float64Array(p);
    if (col >= 0) for (let i = 0; i < p; i++) finalDemand[cat][i] = fd.values[i * c + col];
    importedFinal[cat] = col >= 0 && impF ? impF.values[col] : 0;
  }
  const importsIntermediate = new Float64Array(m);
  const impI = use.blocks.importedIntermediate;
  if (impI) {
    sameKeys('imported intermediate inputs', impI, 'columns', industries, usePath, 'the supply table');
    if (impI.rows.length !== 1)
      throw new InputError('SUT_LAYOUT_MISMATCH', `imported intermediate inputs have ${impI.rows.length} rows, expected one`, {
        file: usePath,
        row: impI.rowLines?.[1],
      });
    importsIntermediate.set(impI.values);
  }
  const make = new Float64Array(m * p);
  for (let i = 0; i < p; i++) for (let k = 0; k < m; k++) make[k * p + i] = S.values[i * m + k];
  const sut: SupplyUseTable = {
    unit: layout.unit ?? sup.unit ?? use.unit ?? '',
    products: products.map((code) => ({ code, name: code })),
    industries: industries.map((code) => ({ code, name: code })),
    make,
    use: Float64Array.from(U.values),
    importsIntermediate,
    wages: vaRow('wages'),
    surplus: vaRow('surplus'),
    depreciation: vaRow('depreciation'),
    indirectTaxes: vaRow('indirectTaxes'),
    subsidies: vaRow('subsidies', vaMap.subsidiesPositive ? -1 : 1),
    finalDemand,
    importedFinal,
  };
  const checks = [...sup.checks.map((check) => ({ file: supplyPath, check })), ...use.checks.map((check) => ({ file: usePath, check }))];
  return { layout: layout.name, sut, checks };
}
