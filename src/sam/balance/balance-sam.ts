/**
 * Balancing a {@link Sam}: the thin adapter between the SAM type (rows receive, columns pay) and
 * {@link balanceLabelledMatrix}. The balanced SAM keeps the accounts, groups and unit, and records
 * the balancing in its provenance.
 * @module
 */
import type { Sam } from '../sam.js';
import { type BalanceLabelledOptions, type BalanceReport, balanceLabelledMatrix, formatBalanceReport } from './labelled.js';

/**
 * Balances a SAM with RAS (default), GRAS or cross-entropy; see {@link balanceLabelledMatrix} for
 * the totals (given by account label, or derived from the SAM when absent).
 * @returns the balanced SAM and the convergence report (check `report.converged`)
 */
export function balanceSam(sam: Sam, options: BalanceLabelledOptions = {}): { sam: Sam; report: BalanceReport } {
  const labels = sam.labels;
  const { values, report } = balanceLabelledMatrix({ rowLabels: labels, colLabels: labels, values: sam.values }, options);
  const balanced = sam.withValues(values, {
    operation: 'balance',
    description: formatBalanceReport(report),
    details: {
      method: report.method,
      iterations: report.iterations,
      maxImbalance: report.maxImbalance,
      tolerance: report.tolerance,
      converged: report.converged,
      targets: report.targets,
    },
  });
  return { sam: balanced, report };
}
