import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GUIDELINE_CHAPTERS } from '../../src/guidelines/index.js';
import { markdownToHtml, readCitation, stampPdfDates, writeGuidelineSite } from '../../src/guidelines/site/index.js';

describe('Markdown of the chapters to HTML', () => {
  it('converts tables with escaped pipes, code spans, bold, lists and links to .html', () => {
    const r = markdownToHtml(
      '<!-- banner -->\n# 1. Title `x`\n\nSee [chapter 2](02-indicators.md#hh7) and **bold**.\n\n| a | b |\n|---|---|\n| x \\| y | `a\\|b` |\n\n<a id="HH1"></a>\n\n- one\n- two *it*\n',
    );
    expect(r.title).toBe('1. Title x');
    expect(r.html).not.toContain('banner');
    expect(r.html).toContain('<h1 id="1-title-x">1. Title <code>x</code></h1>');
    expect(r.html).toContain('<a href="02-indicators.html#hh7">chapter 2</a>');
    expect(r.html).toContain('<strong>bold</strong>');
    expect(r.html).toContain('<td>x | y</td><td><code>a|b</code></td>');
    expect(r.html).toContain('<ul><li>one</li><li>two <em>it</em></li></ul>');
    expect(r.html).toContain('<a id="HH1"></a>');
  });

  it('escapes HTML in the text', () => {
    expect(markdownToHtml('a <script> & "b"').html).toBe('<p>a &lt;script&gt; &amp; &quot;b&quot;</p>');
  });
});

describe('the guideline site', () => {
  it('has one page per chapter, the readiness page and tables, the print edition and the citation; byte-identical when rebuilt', async () => {
    const a = mkdtempSync(join(tmpdir(), 'digicge-site-a-'));
    const b = mkdtempSync(join(tmpdir(), 'digicge-site-b-'));
    const wa = await writeGuidelineSite(a);
    const wb = await writeGuidelineSite(b);
    expect(wa).toEqual(wb);
    for (const c of GUIDELINE_CHAPTERS) expect(wa).toContain(c.file.replace(/\.md$/, '.html'));
    for (const f of [
      'index.html',
      'guideline-print.html',
      'readiness/readiness.html',
      'readiness/readiness-matrix.csv',
      'readiness/readiness.xlsx',
      'CITATION.cff',
    ])
      expect(wa).toContain(f);
    for (const f of wa) expect(readFileSync(join(a, f)).equals(readFileSync(join(b, f))), f).toBe(true);
    const c = readCitation();
    const index = readFileSync(join(a, 'index.html'), 'utf8');
    expect(index).toContain(`<meta name="citation_version" content="${c.version}">`);
    expect(index).toContain(`<meta name="citation_publication_date" content="${c.dateReleased}">`);
    // no page refers to anything outside the site
    for (const f of readdirSync(a).filter((x) => x.endsWith('.html')))
      expect(readFileSync(join(a, f), 'utf8')).not.toMatch(/(src|href)="(https?:)?\/\//);
  });

  it('the citation has a version equal to the package version and an ISO release date', () => {
    const c = readCitation();
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8')) as { version: string };
    expect(c.version).toBe(pkg.version);
    expect(c.dateReleased).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('stampPdfDates', () => {
  const info = (c: string, m: string) =>
    `%PDF-1.4\n1 0 obj\n<</Producer (Skia/PDF m156)\n/CreationDate (${c})\n/ModDate (${m})>>\nendobj\nxref 0 1\n`;
  it("sets the information dictionary's dates to the release day without moving a byte", () => {
    const before = Buffer.from(info("D:20261204044715+00'00'", "D:20261204044716+00'00'"), 'latin1');
    const after = stampPdfDates(before, '2026-12-04');
    expect(after.length).toBe(before.length);
    expect(after.toString('latin1')).toBe(info("D:20261204000000+00'00'", "D:20261204000000+00'00'"));
  });
  it('leaves a date of another length alone, and refuses a release date that is not YYYY-MM-DD', () => {
    const short = Buffer.from(info('D:20261204', "D:20261204044716+00'00'"), 'latin1');
    expect(stampPdfDates(short, '2025-01-31').toString('latin1')).toBe(info('D:20261204', "D:20250131000000+00'00'"));
    expect(() => stampPdfDates(short, '31/01/2025')).toThrow(/not YYYY-MM-DD/);
  });
});
