/**
 * Compilation of a model: instantiation into scalar equations, exact symbolic partial derivatives,
 * the Jacobian's sparsity pattern (compressed sparse columns over every variable, fixed ones
 * included), and generated kernels for the residuals and the Jacobian values.
 * @module
 */
import { ModelError } from '../../errors.js';
import type { CgeModel } from '../model/model.js';
import { generateKernels, type JacEntry, type Kernel, type ResidualKernel } from './codegen.js';
import { instantiate, layout, type Layout, type SymbolRef } from './instantiate.js';

/** A compiled model: the scalar system and its generated kernels. */
export interface CompiledModel {
  readonly model: CgeModel;
  /** Variable layout: offset of each variable in `x`, name and index of each position. */
  readonly vars: Layout;
  /** Parameter layout: offset of each parameter in `p`. */
  readonly params: Layout;
  /** Equation name and index of each scalar equation (row). */
  readonly rows: readonly SymbolRef[];
  /** Jacobian pattern over all variables, CSC: column pointers (length n+1). */
  readonly colPtr: Int32Array;
  /** Jacobian pattern over all variables, CSC: row of each entry. */
  readonly rowIdx: Int32Array;
  /** Number of structural non-zeros of the full Jacobian. */
  readonly nnz: number;
  /** Number of hoisted parameter-only values. */
  readonly qSize: number;
  /** Computes hoisted values from the parameters. */
  readonly prepare: (p: Float64Array, q: Float64Array) => void;
  /** Residuals `F = lhs − rhs` of every scalar equation. */
  readonly residual: ResidualKernel;
  /** Residuals and Jacobian values (CSC order of {@link colPtr}/{@link rowIdx}). */
  readonly jacobian: Kernel;
  /** Parameters that decide `$` conditions: changing them needs a new compilation. */
  readonly conditionParameters: ReadonlySet<string>;
  /** Milliseconds spent compiling. */
  readonly compileMs: number;
  /** Characters of generated source. */
  readonly sourceChars: number;
}

/** Gathers the model's parameter values into one vector laid out as `params`. */
export function parameterVector(model: CgeModel, params: Layout): Float64Array {
  const p = new Float64Array(params.size);
  for (const par of model.parameterList) p.set(par.values, params.offset.get(par.name)!);
  return p;
}

/** Compiles a model (see the module comment). */
export function compileModel(model: CgeModel): CompiledModel {
  const t0 = performance.now();
  const vars = layout(model, model.variableList);
  const params = layout(model, model.parameterList);
  if (vars.size >= 4194304) {
    throw new ModelError(
      'MODEL_TOO_LARGE',
      `model ${model.name} has ${vars.size} scalar variables; the compiler handles fewer than 4194304`,
    );
  }
  const sys = instantiate(model, vars, params);
  const { dag } = sys;
  const m = sys.rows.length;
  const n = vars.size;
  // partial derivatives per row
  const rowEntries: { col: number; node: number }[][] = [];
  const colCount = new Int32Array(n);
  for (let r = 0; r < m; r++) {
    const root = sys.rows[r];
    const list: { col: number; node: number }[] = [];
    for (const xi of dag.varsOf(root)) {
      const d = dag.diff(root, xi);
      if (dag.constValue(d) === 0) continue;
      list.push({ col: xi, node: d });
      colCount[xi]++;
    }
    rowEntries.push(list);
  }
  const colPtr = new Int32Array(n + 1);
  for (let j = 0; j < n; j++) colPtr[j + 1] = colPtr[j] + colCount[j];
  const nnz = colPtr[n];
  const rowIdx = new Int32Array(nnz);
  const fill = colPtr.slice(0, n);
  const jac: JacEntry[][] = [];
  for (let r = 0; r < m; r++) {
    jac.push(
      rowEntries[r].map((e) => {
        const pos = fill[e.col]++;
        rowIdx[pos] = r;
        return { node: e.node, pos };
      }),
    );
  }
  const code = generateKernels(dag, sys.rows, jac);
  return {
    model,
    vars,
    params,
    rows: sys.rowRefs,
    colPtr,
    rowIdx,
    nnz,
    qSize: code.qSize,
    prepare: code.prepare,
    residual: code.residual,
    jacobian: code.jacobian,
    conditionParameters: sys.conditionParameters,
    compileMs: performance.now() - t0,
    sourceChars: code.sourceChars,
  };
}
