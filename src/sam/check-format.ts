import type { SamCheckReport } from './check.js';

function num(v: number): string {
  return Number.isInteger(v)
    ? String(v)
    : v
        .toPrecision(10)
        .replace(/\.?0+$/, '')
        .replace(/\.?0+e/, 'e');
}

/**
 * Formats a {@link SamCheckReport} for a person: balance by group, unbalanced accounts with their
 * totals, negative cells, empty accounts, GDP three ways and what could not be computed.
 * @param title first line, e.g. the file name
 */
export function formatSamCheck(report: SamCheckReport, title: string): string {
  const lines: string[] = [];
  lines.push(
    `SAM ${title}: ${report.n} accounts; tolerance ${report.tolerance} (largest allowed |row − column| = ${num(report.allowedDifference)})`,
  );
  lines.push(
    report.balanced
      ? `balanced: ${report.balancedCount} of ${report.n} accounts balanced`
      : `NOT balanced: ${report.balancedCount} of ${report.n} accounts balanced, ${report.n - report.balancedCount} unbalanced`,
  );
  lines.push('');
  lines.push('accounts by group:');
  for (const g of report.groups) {
    lines.push(`  ${g.group} (${g.accounts.length}, ${g.balanced} balanced): ${g.accounts.join(', ')}`);
  }
  const bad = report.accounts.filter((a) => !a.balanced);
  if (bad.length > 0) {
    lines.push('');
    lines.push('unbalanced accounts (row total = receipts, column total = payments):');
    for (const a of bad) {
      lines.push(`  ${a.label} [${a.group}]: row ${num(a.rowTotal)}, column ${num(a.colTotal)}, difference ${num(a.difference)}`);
    }
  }
  lines.push('');
  if (report.negatives.length === 0) lines.push('negative cells: none');
  else {
    lines.push(`negative cells (${report.negatives.length}):`);
    for (const c of report.negatives) lines.push(`  ${c.row} ← ${c.column}: ${num(c.value)}`);
  }
  lines.push(`empty accounts: ${report.emptyAccounts.length === 0 ? 'none' : report.emptyAccounts.join(', ')}`);
  lines.push('');
  lines.push('GDP at market prices:');
  const m = report.macro;
  if (m.production) {
    lines.push(
      `  from production:  ${num(m.production.gdp)} = factor income (value added at factor cost) ${num(m.production.valueAdded)} + net taxes on production and products ${num(m.production.netProductTaxes)}`,
    );
  }
  if (m.income) {
    lines.push(
      `  from income:      ${num(m.income.gdp)} = factor income ${num(m.income.factorIncome)} − factor income from abroad ${num(m.income.factorIncomeFromAbroad)} + net taxes ${num(m.income.netProductTaxes)}`,
    );
  }
  if (m.expenditure) {
    const e = m.expenditure;
    lines.push(
      `  from expenditure: ${num(e.gdp)} = C ${num(e.consumption)} + G ${num(e.government)} + I ${num(e.investment)} + E ${num(e.exports)} − M ${num(e.imports)}`,
    );
  }
  for (const note of m.notes) lines.push(`  note: ${note}`);
  const computed = [m.production, m.income, m.expenditure].filter((x) => x !== undefined).length;
  if (computed >= 2) lines.push(`  the ${computed} measures ${report.macroConsistent ? 'agree' : 'DISAGREE'}`);
  for (const w of report.warnings) {
    lines.push(`warning: ${w}`);
  }
  return `${lines.join('\n')}\n`;
}
