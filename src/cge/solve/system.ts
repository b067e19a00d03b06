/**
 * The square system a closure leaves: the active scalar equations (all but those a closure drops,
 * e.g. one market by Walras' law) in the free variables (all but those fixed), with the reduced
 * Jacobian pattern and the map from the full Jacobian values.
 * @module
 */
import { ModelError } from '../../errors.js';
import type { CompiledModel } from '../compile/compile.js';
import { formatRef, type SymbolRef } from '../compile/instantiate.js';
import { structuralAnalysis, type Pattern } from './structure.js';

/** A square reduced system. */
export interface ReducedSystem {
  /** Full-vector positions of the free variables (the columns). */
  readonly cols: Int32Array;
  /** Scalar equation numbers of the active equations (the rows). */
  readonly rows: Int32Array;
  /** Reduced Jacobian pattern (CSC). */
  readonly pattern: Pattern;
  /** Position in the full Jacobian values of each reduced entry. */
  readonly gather: Int32Array;
  /** Name and index of each row and column. */
  readonly rowRefs: readonly SymbolRef[];
  readonly colRefs: readonly SymbolRef[];
}

const LIST = 12;
function names(refs: readonly SymbolRef[], idx: readonly number[]): string {
  const shown = idx.slice(0, LIST).map((k) => formatRef(refs[k]));
  return shown.join(', ') + (idx.length > LIST ? `, … (${idx.length - LIST} more)` : '');
}

/**
 * Reduces a compiled model to the square system left by `fixed` (1 per fixed variable position)
 * and `dropped` (1 per dropped scalar equation). Throws ModelError NOT_SQUARE with the counts and
 * the equations or variables left unmatched, and STRUCTURALLY_SINGULAR with the over- and
 * under-determined equations and variables by name and index.
 */
export function reduceSystem(cm: CompiledModel, fixed: Uint8Array, dropped: Uint8Array): ReducedSystem {
  const n = cm.vars.size;
  const colList: number[] = [];
  for (let j = 0; j < n; j++) if (!fixed[j]) colList.push(j);
  const rowList: number[] = [];
  for (let r = 0; r < cm.rows.length; r++) if (!dropped[r]) rowList.push(r);
  const rowMap = new Int32Array(cm.rows.length).fill(-1);
  rowList.forEach((r, k) => (rowMap[r] = k));
  const cols = Int32Array.from(colList);
  const rows = Int32Array.from(rowList);
  const colPtr = new Int32Array(cols.length + 1);
  const ri: number[] = [];
  const ga: number[] = [];
  for (let c = 0; c < cols.length; c++) {
    const j = cols[c];
    for (let k = cm.colPtr[j]; k < cm.colPtr[j + 1]; k++) {
      const r = rowMap[cm.rowIdx[k]];
      if (r < 0) continue;
      ri.push(r);
      ga.push(k);
    }
    colPtr[c + 1] = ri.length;
  }
  const pattern: Pattern = { nRows: rows.length, nCols: cols.length, colPtr, rowIdx: Int32Array.from(ri) };
  const rowRefs = rowList.map((r) => cm.rows[r]);
  const colRefs = colList.map((j) => cm.vars.refs[j]);
  const sys: ReducedSystem = { cols, rows, pattern, gather: Int32Array.from(ga), rowRefs, colRefs };
  const report = structuralAnalysis(pattern);
  if (rows.length !== cols.length) {
    const unmatchedRows = report.overdeterminedRows;
    const unmatchedCols = report.underdeterminedCols;
    throw new ModelError(
      'NOT_SQUARE',
      `model ${cm.model.name} has ${rows.length} equations and ${cols.length} free variables after the closure` +
        (rows.length > cols.length
          ? ` (${rows.length - cols.length} equation(s) too many)`
          : ` (${cols.length - rows.length} variable(s) too many)`) +
        (unmatchedRows.length ? `; equations that cannot all be matched: ${names(rowRefs, unmatchedRows)}` : '') +
        (unmatchedCols.length ? `; variables that cannot all be matched: ${names(colRefs, unmatchedCols)}` : ''),
      unmatchedRows.length ? { equation: rowRefs[unmatchedRows[0]].name, index: rowRefs[unmatchedRows[0]].index } : undefined,
    );
  }
  if (report.structuralRank < rows.length) {
    throw structuralError(cm.model.name, report, rowRefs, colRefs);
  }
  return sys;
}

function structuralError(
  model: string,
  report: ReturnType<typeof structuralAnalysis>,
  rowRefs: readonly SymbolRef[],
  colRefs: readonly SymbolRef[],
): ModelError {
  const first = report.overdeterminedRows[0] ?? report.underdeterminedRows[0];
  const err = new ModelError(
    'STRUCTURALLY_SINGULAR',
    `model ${model} is structurally singular (structural rank ${report.structuralRank} of ${rowRefs.length}): ` +
      `over-determined equations ${names(rowRefs, report.overdeterminedRows)} in variables ${names(colRefs, report.overdeterminedCols)}; ` +
      `under-determined variables ${names(colRefs, report.underdeterminedCols)} in equations ${names(rowRefs, report.underdeterminedRows)}`,
    first !== undefined ? { equation: rowRefs[first].name, index: rowRefs[first].index } : undefined,
  );
  return Object.assign(err, {
    overdetermined: {
      equations: report.overdeterminedRows.map((k) => formatRef(rowRefs[k])),
      variables: report.overdeterminedCols.map((k) => formatRef(colRefs[k])),
    },
    underdetermined: {
      equations: report.underdeterminedRows.map((k) => formatRef(rowRefs[k])),
      variables: report.underdeterminedCols.map((k) => formatRef(colRefs[k])),
    },
  });
}
