import { formatCellText, type ReportDocument, type ReportTable } from './document.js';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function tableMarkdown(t: ReportTable): string {
  const header = `| ${t.columns.map((c) => cell(c.unit ? `${c.header} (${c.unit})` : c.header)).join(' | ')} |`;
  const rule = `|${t.columns.map(() => '---').join('|')}|`;
  const rows = t.rows.map(
    (r) =>
      `| ${t.columns
        .map((c) => {
          const v = r[c.key];
          return typeof v === 'string' ? cell(v) : formatCellText(v, c);
        })
        .join(' | ')} |`,
  );
  const notes = t.notes?.length ? `\n${t.notes.map((n) => `_${cell(n)}_`).join('  \n')}\n` : '';
  return `**${cell(t.caption)}**\n\n${[header, rule, ...rows].join('\n')}\n${notes}`;
}

/**
 * A table cut to `max` rows, with a note naming what was left out: the most recent rows of a table
 * in time order (`timeKey`), else the first rows; the note names the periods (or the first-column
 * values) cut and where every row is.
 */
function shortened(t: ReportTable, max: number): string[] {
  if (t.rows.length <= max) return [tableMarkdown(t)];
  const cut = t.rows.length - max;
  const keepLast = t.timeKey !== undefined;
  const shown = keepLast ? t.rows.slice(cut) : t.rows.slice(0, max);
  const left = keepLast ? t.rows.slice(0, cut) : t.rows.slice(max);
  const keys = t.timeKey !== undefined ? [t.timeKey] : t.columns.slice(0, 2).map((c) => c.key);
  const labels = left.map((r) => keys.map((k) => String(r[k] ?? '')).join(' '));
  const what = keepLast
    ? `the ${cut} earliest rows (${labels[0]}–${labels[labels.length - 1]}) are left out here`
    : `${cut} more rows are left out here (${[...new Set(labels)].join(', ')})`;
  const verb = keepLast ? `showing the ${max} most recent` : `showing the first ${max}`;
  return [
    tableMarkdown({ ...t, rows: shown }),
    `_${verb} of ${t.rows.length} rows: ${what}; every row is in results.xlsx (sheet ${t.id}) and report.html._`,
    '',
  ];
}

/**
 * Renders the report as Markdown for pasting into a project document: headings, paragraphs, lists
 * and tables; charts are referred to by their captions (they live in report.html).
 * @param doc the report
 * @param options `maxRows` caps each table (a note says which rows were left out: the earliest of a
 *   table in time order, else the last)
 */
export function renderSummaryMarkdown(doc: ReportDocument, options: { maxRows?: number } = {}): string {
  const out: string[] = [`# ${doc.title}`, ''];
  if (doc.subtitle) out.push(doc.subtitle, '');
  out.push(`_${doc.provenance}_`, '');
  for (const s of doc.sections) {
    out.push(`## ${s.title}`, '');
    for (const b of s.blocks) {
      if (b.kind === 'paragraph') out.push(b.text, '');
      else if (b.kind === 'list') out.push(...b.items.map((i) => `- ${i}`), '');
      else if (b.kind === 'figure') out.push(`_Figure: ${b.caption} (see report.html)._`, '');
      else out.push(...shortened(b, options.maxRows ?? Infinity));
    }
  }
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}
