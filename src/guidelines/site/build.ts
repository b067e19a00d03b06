/**
 * The guideline as a static HTML site (one page per chapter, sidebar navigation, search over an
 * embedded index, printable) and as one printable page for the PDF; no page loads anything from
 * the network. Built from the same Markdown the repository keeps for review.
 * @module
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { writeFileAtomic } from '../../util/atomic-write.js';
import { packageRoot } from '../paths.js';
import { GUIDELINE_CHAPTERS, renderGuideline } from '../render/index.js';
import { READINESS_FILES } from '../readiness/run.js';
import { SHIPPED_READINESS_DIR } from '../readiness/shipped.js';
import { SEARCH_JS, SITE_CSS } from './assets.js';
import { readCitation, type Citation } from './citation.js';
import { escapeHtml, markdownToHtml, type Heading } from './markdown-html.js';

/** One page of the site. */
export interface SitePage {
  /** Path relative to the site root (`01-scope.html`, `readiness/readiness.html`). */
  path: string;
  title: string;
  html: string;
  headings: Heading[];
}

/**
 * Links of the chapters to repository files (`../../guidelines/schemas/…` from docs/guideline)
 * point into the site's `files/` copy of those files; `files` collects the repository paths.
 */
function repoLinks(html: string, pagePath: string, files: Set<string>): string {
  return html.replace(/href="\.\.\/\.\.\/([^"#]+)"/g, (_, path: string) => {
    files.add(path);
    return `href="${rel(pagePath, `files/${path}`)}"`;
  });
}

/** The pages, in reading order: the chapters, then the readiness assessment (shipped Markdown); `files` receives the repository files they link to. */
export function sitePages(files: Set<string> = new Set()): SitePage[] {
  const docs = renderGuideline();
  const pages: SitePage[] = GUIDELINE_CHAPTERS.map((c) => {
    const r = markdownToHtml(docs.get(c.file)!);
    const path = c.file.replace(/\.md$/, '.html');
    return { path, title: c.title, html: repoLinks(r.html, path, files), headings: r.headings };
  });
  const rmd = join(packageRoot(), SHIPPED_READINESS_DIR, 'readiness.md');
  if (existsSync(rmd)) {
    const r = markdownToHtml(readFileSync(rmd, 'utf8'));
    pages.push({
      path: 'readiness/readiness.html',
      title: 'Readiness assessment of the Member States',
      html: r.html,
      headings: r.headings,
    });
  }
  return pages;
}

const rel = (from: string, to: string) => (from.includes('/') ? `../${to}` : to);

function citeLine(c: Citation): string {
  return `${c.authors.join(', ')} (${c.dateReleased.slice(0, 4)}). ${c.title}. Version ${c.version}, ${c.dateReleased}.${c.doi ? ` https://doi.org/${c.doi}` : ' DOI: to be minted on release.'}`;
}

function meta(c: Citation): string {
  return [
    `<meta name="citation_title" content="${escapeHtml(c.title)}">`,
    ...c.authors.map((a) => `<meta name="citation_author" content="${escapeHtml(a)}">`),
    `<meta name="citation_publication_date" content="${c.dateReleased}">`,
    `<meta name="citation_version" content="${c.version}">`,
    c.doi ? `<meta name="citation_doi" content="${c.doi}">` : '',
    `<meta name="dc.identifier" content="${c.doi ? `doi:${c.doi}` : `digicge-guideline-${c.version}`}">`,
  ]
    .filter(Boolean)
    .join('\n');
}

function shell(c: Citation, page: { path: string; title: string; body: string }, pages: SitePage[], index: string): string {
  const nav = pages
    .map(
      (p) => `<li><a href="${rel(page.path, p.path)}"${p.path === page.path ? ' aria-current="page"' : ''}>${escapeHtml(p.title)}</a></li>`,
    )
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(page.title)} — ASEAN digital-economy guideline ${c.version}</title>
${meta(c)}
<style>${SITE_CSS}</style></head>
<body><div class="layout"><nav class="side" aria-label="Chapters"><div class="brand"><a href="${rel(page.path, 'index.html')}">ASEAN digital-economy guideline</a></div>
<div class="meta">Version ${c.version} · ${c.dateReleased}</div>
<input id="search" type="search" placeholder="Search the guideline" aria-label="Search the guideline"><ul id="results" aria-live="polite"></ul>
<ul class="nav">${nav}</ul><div class="meta noprint"><a href="${rel(page.path, 'guideline-print.html')}">Printable edition (one page)</a></div></nav>
<main>${page.body}<footer>Cite as: ${escapeHtml(citeLine(c))} Generated from the machine-readable guideline (guidelines/) of digicge; the Markdown is kept in docs/guideline for review.</footer></main></div>
<script type="application/json" id="search-index">${index.replace(/</g, '\\u003c')}</script>
<script>${SEARCH_JS}</script></body></html>
`;
}

function searchIndex(pages: SitePage[], from: string): string {
  const entries: { u: string; h: string; t: string }[] = [];
  for (const p of pages) {
    // one entry per section: the text between a heading and the next
    const parts = p.html.split(/(?=<h[1-3] id=")/);
    for (const part of parts) {
      const id = /^<h[1-3] id="([^"]+)">/.exec(part)?.[1];
      const text = part
        .replace(/<[^>]+>/g, ' ')
        .replace(/&amp;/g, '&')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/\s+/g, ' ')
        .trim();
      if (!text) continue;
      const h = p.headings.find((x) => x.id === id)?.text ?? p.title;
      entries.push({
        u: `${rel(from, p.path)}${id ? `#${id}` : ''}`,
        h: `${p.title}${id && h !== p.title ? ` › ${h}` : ''}`,
        t: text.slice(0, 2000),
      });
    }
  }
  return JSON.stringify(entries);
}

function indexBody(c: Citation, pages: SitePage[]): string {
  return `<h1 id="top">ASEAN Guidelines and Preparation on conducting digital statistics for an economy-wide CGE database</h1>
<p>${escapeHtml(c.title)}</p>
<p><strong>Version ${escapeHtml(c.version)}</strong>, released ${escapeHtml(c.dateReleased)}. Licence ${escapeHtml(c.license)}.</p>
<h2 id="contents">Contents</h2><ol>${pages.map((p) => `<li><a href="${p.path}">${escapeHtml(p.title)}</a></li>`).join('')}</ol>
<h2 id="cite">How to cite</h2><p>${escapeHtml(citeLine(c))}</p>
<p>Citation metadata: <a href="CITATION.cff">CITATION.cff</a>. The readiness tables: ${READINESS_FILES.filter((f) => f !== 'readiness.md')
    .map((f) => `<a href="readiness/${f}">${f}</a>`)
    .join(', ')}.</p>`;
}

/**
 * Writes the site into `outDir`: index.html, one page per chapter, readiness/ (page and tables),
 * guideline-print.html (every chapter on one page, for print and the PDF) and CITATION.cff.
 * Deterministic: the same guideline gives byte-identical pages.
 * @returns the paths written, relative to `outDir`
 */
export async function writeGuidelineSite(outDir: string): Promise<string[]> {
  const c = readCitation();
  const files = new Set<string>();
  const pages = sitePages(files);
  const written: string[] = [];
  const put = async (path: string, text: string) => {
    await writeFileAtomic(join(outDir, path), text);
    written.push(path);
  };
  await put(
    'index.html',
    shell(c, { path: 'index.html', title: 'Contents', body: indexBody(c, pages) }, pages, searchIndex(pages, 'index.html')),
  );
  for (const p of pages) await put(p.path, shell(c, { path: p.path, title: p.title, body: p.html }, pages, searchIndex(pages, p.path)));
  // the printable edition: chapter links point inside the page
  const anchors = new Map(pages.map((p) => [p.path, `chapter-${p.path.replace(/[^a-z0-9]+/gi, '-')}`]));
  const linkInside = (html: string, from: string) =>
    html.replace(/href="([^"#]+\.html)(#[^"]*)?"/g, (m, target: string, hash?: string) => {
      const resolved =
        from.includes('/') && target.startsWith('../')
          ? target.slice(3)
          : from.includes('/')
            ? `${from.slice(0, from.lastIndexOf('/') + 1)}${target}`
            : target;
      const a = anchors.get(resolved);
      return a ? `href="#${a}${hash ? `--${hash.slice(1)}` : ''}"` : m;
    });
  const body = [
    `<section class="chapter" id="title-page"><h1 id="cover">ASEAN digital-economy guideline</h1><p>${escapeHtml(c.title)}</p><p><strong>Version ${escapeHtml(c.version)}</strong> · ${escapeHtml(c.dateReleased)}</p><p>Cite as: ${escapeHtml(citeLine(c))}</p></section>`,
    ...pages.map(
      (p) =>
        `<section class="chapter" id="${anchors.get(p.path)}">${linkInside(p.html, p.path)
          .replace(/ id="/g, ` id="${anchors.get(p.path)}--`)
          .replace(/href="#(?!chapter-)([^"]+)"/g, `href="#${anchors.get(p.path)}--$1"`)}</section>`,
    ),
  ].join('\n');
  await put(
    'guideline-print.html',
    shell(c, { path: 'guideline-print.html', title: 'Printable edition', body }, pages, searchIndex(pages, 'guideline-print.html')),
  );
  mkdirSync(join(outDir, 'readiness'), { recursive: true });
  for (const f of READINESS_FILES) {
    const src = join(packageRoot(), SHIPPED_READINESS_DIR, f);
    if (f !== 'readiness.md' && existsSync(src)) {
      copyFileSync(src, join(outDir, 'readiness', f));
      written.push(`readiness/${f}`);
    }
  }
  for (const f of [...files].sort()) {
    mkdirSync(dirname(join(outDir, 'files', f)), { recursive: true });
    copyFileSync(join(packageRoot(), f), join(outDir, 'files', f));
    written.push(`files/${f}`);
  }
  copyFileSync(join(packageRoot(), 'CITATION.cff'), join(outDir, 'CITATION.cff'));
  written.push('CITATION.cff');
  return written;
}
