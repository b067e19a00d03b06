import { formatCellText, isPair, type ReportBlock, type ReportDocument, type ReportTable } from './document.js';

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const STYLE = `
:root{--ink:#1d2733;--muted:#5b6b7c;--rule:#d5dde5;--accent:#1f5f99;--band:#f4f7fa}
*{box-sizing:border-box}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);margin:0;background:#fff}
header,main,nav{max-width:1100px;margin:0 auto;padding:0 24px}
header{padding-top:28px;border-bottom:3px solid var(--accent)}
h1{font-size:1.8em;margin:0 0 4px}
h2{font-size:1.35em;margin:2em 0 .6em;padding-bottom:.2em;border-bottom:1px solid var(--rule)}
.subtitle,.provenance{color:var(--muted);margin:.2em 0 1em}
nav ol{columns:2;padding-left:1.2em;margin:1em 0}
a{color:var(--accent)}
table{border-collapse:collapse;margin:1em 0;font-size:.9em;width:auto;max-width:100%}
caption{text-align:left;font-weight:600;padding:.3em 0;caption-side:top}
th,td{border-bottom:1px solid var(--rule);padding:4px 10px;vertical-align:top}
th{background:var(--band);text-align:left;font-weight:600}
td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.table-wrap{overflow-x:auto}
.notes{color:var(--muted);font-size:.85em;margin:-.5em 0 1.2em}
figure{margin:1.2em 0}
figure svg{max-width:100%;height:auto}
figcaption{color:var(--muted);font-size:.9em}
@media print{nav{display:none}h2{break-after:avoid}figure,table{break-inside:avoid}body{font-size:11pt}.table-wrap{overflow:visible}}
`;

function renderTable(t: ReportTable): string {
  const head = t.columns.map((c) => `<th scope="col">${escapeHtml(c.unit ? `${c.header} (${c.unit})` : c.header)}</th>`).join('');
  const body = t.rows
    .map(
      (r) =>
        `<tr>${t.columns
          .map((c) => {
            const v = r[c.key];
            const text = escapeHtml(formatCellText(v, c));
            return typeof v === 'number' || isPair(v) ? `<td class="num">${text}</td>` : `<td>${text}</td>`;
          })
          .join('')}</tr>`,
    )
    .join('\n');
  const notes = t.notes?.length ? `<p class="notes">${t.notes.map(escapeHtml).join('<br>')}</p>` : '';
  return `<div class="table-wrap"><table id="${escapeHtml(t.id)}"><caption>${escapeHtml(t.caption)}</caption>
<thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody></table></div>${notes}`;
}

function renderBlock(b: ReportBlock): string {
  switch (b.kind) {
    case 'paragraph':
      return `<p>${escapeHtml(b.text)}</p>`;
    case 'list':
      return `<ul>${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`;
    case 'table':
      return renderTable(b);
    case 'figure': {
      // the SVG is labelled for assistive technology by the alt text; the caption is visible
      const svg = b.svg.replace(/^<svg\b/, `<svg role="img" aria-label="${escapeHtml(b.alt)}"`);
      return `<figure id="${escapeHtml(b.id)}">${svg}<figcaption>${escapeHtml(b.caption)}</figcaption></figure>`;
    }
  }
}

/**
 * Renders the report as one self-contained HTML file: inline CSS and inline SVG charts, no script,
 * no network access, printable; headings, table captions and chart alternative text for
 * accessibility. Deterministic.
 */
export function renderReportHtml(doc: ReportDocument): string {
  const toc = doc.sections.map((s) => `<li><a href="#${escapeHtml(s.id)}">${escapeHtml(s.title)}</a></li>`).join('');
  const sections = doc.sections
    .map(
      (s) =>
        `<section id="${escapeHtml(s.id)}" aria-labelledby="${escapeHtml(s.id)}-h">
<h2 id="${escapeHtml(s.id)}-h">${escapeHtml(s.title)}</h2>
${s.blocks.map(renderBlock).join('\n')}
</section>`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${escapeHtml(doc.title)}</h1>
${doc.subtitle ? `<p class="subtitle">${escapeHtml(doc.subtitle)}</p>` : ''}
<p class="provenance">${escapeHtml(doc.provenance)}</p>
</header>
<nav aria-label="Contents"><ol>${toc}</ol></nav>
<main>
${sections}
</main>
</body>
</html>
`;
}
