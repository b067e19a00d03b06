/**
 * Markdown → HTML for the subset the generated guideline chapters use: ATX headings, paragraphs,
 * bulleted lists, GFM tables (with `\|` in cells), inline code, bold, italics, links and HTML
 * comments (dropped), explicit anchors (`<a id="…"></a>` on a line of their own). Links to `*.md` become links to `*.html`. Deterministic, no dependencies.
 * @module
 */

/** Escapes text for HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A heading's anchor id: lower case, letters, digits and hyphens. */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/<[^>]*>/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** Inline Markdown of one line of text → HTML. */
export function inline(md: string): string {
  const parts: string[] = [];
  // split out code spans first: their content is literal
  const re = /(``?)(?: ?)(.+?)(?: ?)\1(?!`)/g;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(md))) {
    parts.push(span(md.slice(last, m.index)), `<code>${escapeHtml(m[2]!.replace(/\\\|/g, '|'))}</code>`);
    last = m.index + m[0].length;
  }
  parts.push(span(md.slice(last)));
  return parts.join('');
}

function span(text: string): string {
  let s = escapeHtml(text.replace(/\\\|/g, '|').replace(/\\\\/g, '\\'));
  s = s.replace(
    /\[([^\]]+)\]\(([^)\s]+)\)/g,
    (_, label: string, href: string) => `<a href="${href.replace(/\.md(#|$)/, '.html$1')}">${label}</a>`,
  );
  s = s.replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>');
  s = s.replace(/(^|[\s(])\*([^*\s][^*]*?)\*(?=[\s).,;:]|$)/g, '$1<em>$2</em>');
  return s;
}

function cells(row: string): string[] {
  const t = row.trim().replace(/^\|/, '').replace(/\|$/, '');
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < t.length; i++) {
    if (t[i] === '\\' && (t[i + 1] === '|' || t[i + 1] === '\\')) {
      cur += t[i]! + t[i + 1]!;
      i++;
    } else if (t[i] === '|') {
      out.push(cur.trim());
      cur = '';
    } else cur += t[i];
  }
  out.push(cur.trim());
  return out;
}

/** The headings of a document (level, text, id), for the page's table of contents. */
export interface Heading {
  level: number;
  text: string;
  id: string;
}

/**
 * Converts a chapter to HTML.
 * @returns the HTML body and the headings (with unique ids)
 */
export function markdownToHtml(md: string): { html: string; headings: Heading[]; title: string } {
  const lines = md.replace(/<!--[\s\S]*?-->/g, '').split(/\r?\n/);
  const out: string[] = [];
  const headings: Heading[] = [];
  const used = new Map<string, number>();
  let title = '';
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    const h = /^(#{1,6})\s+(.*)$/.exec(line);
    const anchor = /^<a id="([A-Za-z0-9_.-]+)"><\/a>$/.exec(line.trim());
    if (anchor) {
      // an explicit anchor the chapters put before a heading (indicator and code-list ids)
      out.push(`<a id="${anchor[1]}"></a>`);
      i++;
    } else if (h) {
      const level = h[1]!.length;
      const base = slug(h[2]!) || 'section';
      const n = used.get(base) ?? 0;
      used.set(base, n + 1);
      const id = n ? `${base}-${n}` : base;
      if (!title && level === 1) title = h[2]!.replace(/`/g, '');
      headings.push({ level, text: h[2]!.replace(/`/g, ''), id });
      out.push(`<h${level} id="${id}">${inline(h[2]!)}</h${level}>`);
      i++;
    } else if (/^\s*\|/.test(line) && i + 1 < lines.length && /^\s*\|[-:| ]+\|\s*$/.test(lines[i + 1]!)) {
      const head = cells(line);
      i += 2;
      const body: string[][] = [];
      while (i < lines.length && /^\s*\|/.test(lines[i]!)) body.push(cells(lines[i++]!));
      out.push(
        `<div class="table"><table><thead><tr>${head.map((c) => `<th>${inline(c)}</th>`).join('')}</tr></thead><tbody>${body
          .map((r) => `<tr>${r.map((c) => `<td>${inline(c)}</td>`).join('')}</tr>`)
          .join('')}</tbody></table></div>`,
      );
    } else if (/^[-*] /.test(line)) {
      const items: string[] = [];
      while (i < lines.length && /^[-*] /.test(lines[i]!)) items.push(lines[i++]!.slice(2));
      out.push(`<ul>${items.map((t) => `<li>${inline(t)}</li>`).join('')}</ul>`);
    } else if (line.trim() === '') {
      i++;
    } else {
      const para: string[] = [];
      while (i < lines.length && lines[i]!.trim() !== '' && !/^(#{1,6}\s|[-*] |\s*\|)/.test(lines[i]!)) para.push(lines[i++]!);
      out.push(`<p>${inline(para.join(' '))}</p>`);
    }
  }
  return { html: out.join('\n'), headings, title };
}
