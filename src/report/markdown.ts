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
 * Renders the report as Markdown for pasting into a project document: headings, paragraphs, lists
 * and tables; charts are referred to by their captions (they live in report.html).
 * @param doc the report
 * @param options `maxRows` caps each table (a note says how many rows were left out)
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
      else {
        const max = options.maxRows ?? Infinity;
        const shown = b.rows.length > max ? { ...b, rows: b.rows.slice(0, max) } : b;
        out.push(tableMarkdown(shown));
        if (b.rows.length > max) out.push(`_${b.rows.length - max} more rows in results.xlsx (sheet ${b.id})._`, '');
      }
    }
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
