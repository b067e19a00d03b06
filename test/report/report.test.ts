import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { buildWorkbook, renderChartSvg, renderReportHtml, renderSummaryMarkdown, toSafeCsv } from '../../src/report/index.js';
import { isFormulaLike, neutraliseFormula } from '../../src/util/index.js';
import { sampleReport } from './fixture.js';

describe('formula-injection neutralisation', () => {
  it('prefixes text beginning with = + - @ tab or CR, and nothing else', () => {
    for (const t of ['=1+1', '+A1', '-2', '@SUM(A1)', '\tx', '\rx']) {
      expect(isFormulaLike(t)).toBe(true);
      expect(neutraliseFormula(t)).toBe(`'${t}`);
    }
    for (const t of ['', 'THA', '1=1', ' =x']) expect(neutraliseFormula(t)).toBe(t);
  });
  it('applies to CSV text cells but leaves numbers alone, and quotes per RFC 4180', () => {
    const csv = toSafeCsv(
      [{ key: 'a' }, { key: 'b' }],
      [
        { a: '=cmd|x', b: -3.5 },
        { a: 'say "hi", ok', b: null },
      ],
    );
    expect(csv).toBe(`a,b\n'=cmd|x,-3.5\n"say ""hi"", ok",\n`);
  });
});

describe('charts', () => {
  it('renders a Vega-Lite bar chart to SVG with one bar per datum', async () => {
    const svg = await renderChartSvg({
      data: {
        values: [
          { a: 'x', b: 1 },
          { a: 'y', b: 3 },
        ],
      },
      mark: 'bar',
      encoding: { x: { field: 'a', type: 'nominal' }, y: { field: 'b', type: 'quantitative' } },
    });
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.match(/<path aria-label="a: [xy]; b: [13]"/g)?.length).toBe(2);
    expect(svg).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
  });
});

describe('HTML report', () => {
  it('is self-contained, escaped and accessible', async () => {
    const html = renderReportHtml(await sampleReport());
    expect(html).not.toMatch(/<script|<link |src="http/);
    expect(html).toContain('<caption>Observations by area</caption>');
    expect(html).toContain('role="img" aria-label="Bar chart of Internet use in three countries."');
    expect(html).toContain('Coverage of &lt;the&gt; harmonised data &amp; its sources.');
    expect(html).toContain('<th scope="col">Share (%)</th>');
    expect(html).toContain('<td class="num">41.7</td>');
    expect(html).toMatch(/<h2 id="charts-h">Charts<\/h2>/);
    expect(html).toContain('@media print');
  });
  it('is the same for the same document', async () => {
    expect(renderReportHtml(await sampleReport())).toBe(renderReportHtml(await sampleReport()));
  });
});

describe('Markdown summary', () => {
  it('renders headings, tables with units and caps long tables with a note', async () => {
    const md = renderSummaryMarkdown(await sampleReport(), { maxRows: 2 });
    expect(md).toContain('# Digital divide in ASEAN');
    expect(md).toContain('| Area | Observations | Share (%) | Note |');
    expect(md).toContain('| THA | 24 | 41.7 |');
    // a table not in time order keeps its first rows and names the rows it cut
    expect(md).toContain(
      '_showing the first 2 of 3 rows: 1 more rows are left out here (VNM 0); every row is in results.xlsx (sheet coverage) and report.html._',
    );
    expect(md).not.toContain('| VNM |');
    expect(md).toContain('_Figure: Internet use (see report.html)._');
  });
});

describe('Markdown summary of a table in time order', () => {
  it('keeps the most recent rows and names the periods it cut', async () => {
    const doc = await sampleReport();
    const years = Array.from({ length: 24 }, (_, i) => 2000 + i);
    doc.sections[0]!.blocks.push({
      kind: 'table',
      id: 'series',
      caption: 'A yearly series',
      timeKey: 'year',
      columns: [
        { key: 'year', header: 'Year' },
        { key: 'v', header: 'Value', decimals: 0 },
      ],
      rows: years.map((y) => ({ year: String(y), v: y - 2000 })),
    });
    const md = renderSummaryMarkdown(doc, { maxRows: 15 });
    const shown = [...md.matchAll(/^\| (\d{4}) \|/gm)].map((m) => Number(m[1]));
    expect(shown).toEqual(years.slice(-15));
    expect(md).toContain(
      '_showing the 15 most recent of 24 rows: the 9 earliest rows (2000–2008) are left out here; every row is in results.xlsx (sheet series) and report.html._',
    );
  });
});

describe('Excel workbook', () => {
  it('has a README sheet and a formatted sheet per table: numbers as numbers, text as text cells without a quote prefix', async () => {
    const bytes = await buildWorkbook(await sampleReport(), ['Provenance: test data.'], { created: new Date(Date.UTC(2024, 10, 25)) });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['README', 'coverage']);
    const readme = wb.getWorksheet('README')!;
    expect(readme.getCell(1, 1).value).toBe('Digital divide in ASEAN');
    const ws = wb.getWorksheet('coverage')!;
    // caption and header rows and the label column stay in view
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2, xSplit: 1 });
    expect(ws.getCell(2, 3).value).toBe('Share (%)');
    expect(ws.getCell(3, 3).value).toBe(41.666);
    expect(ws.getCell(3, 3).numFmt).toBe('#,##0.0');
    // formula-like text is written as it is, in a text (shared-string) cell, which a spreadsheet never runs
    for (const [r, text] of [
      [3, '=HYPERLINK("http://x","y")'],
      [4, '-2 revision'],
    ] as const) {
      const cell = ws.getCell(r, 4);
      expect(cell.value).toBe(text);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeUndefined();
    }
  });
  it('writes years, p-values and bands as numbers with number formats', async () => {
    const doc = await sampleReport();
    doc.sections[0]!.blocks.push({
      kind: 'table',
      id: 'tests',
      caption: 'Tests',
      columns: [
        { key: 'year', header: 'Year', format: 'year' },
        { key: 'p', header: 'p-value', format: 'scientific', decimals: 1 },
        { key: 'band', header: 'GDP band', unit: '%', decimals: 3 },
        { key: 'gap', header: 'Income ratio', decimals: 3 },
      ],
      rows: [{ year: 2023, p: 3.2e-21, band: { pair: 'band', a: -0.01, b: 0.04 }, gap: { pair: 'change', a: 1.79, b: 1.7 } }],
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await buildWorkbook(doc, [], { created: new Date(Date.UTC(2024, 0, 1)) })) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('tests')!;
    expect([1, 2, 3, 4, 5, 6].map((c) => ws.getCell(2, c).value)).toEqual([
      'Year',
      'p-value',
      'GDP band, low (%)',
      'GDP band, high (%)',
      'Income ratio, before',
      'Income ratio, after',
    ]);
    expect([1, 2, 3, 4, 5, 6].map((c) => ws.getCell(3, c).value)).toEqual([2023, 3.2e-21, -0.01, 0.04, 1.79, 1.7]);
    expect([1, 2, 3, 4, 5, 6].map((c) => ws.getCell(3, c).numFmt)).toEqual([
      '0',
      '0.0E+00',
      '#,##0.000',
      '#,##0.000',
      '#,##0.000',
      '#,##0.000',
    ]);
    // the HTML report and the summary show the same figures as text
    const html = renderReportHtml(doc);
    expect(html).toContain(
      '<td class="num">2023</td><td class="num">3.2e-21</td><td class="num">-0.010 – 0.040</td><td class="num">1.790 → 1.700</td>',
    );
    expect(renderSummaryMarkdown(doc)).toContain('| 2023 | 3.2e-21 | -0.010 – 0.040 | 1.790 → 1.700 |');
  });
  it('is dated by its data vintage, not by a fixed date, and byte-identical for the same document', async () => {
    const doc = { ...(await sampleReport()), vintage: '2024-11-25' };
    const a = await buildWorkbook(doc);
    const b = await buildWorkbook(doc);
    expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(a) as unknown as ArrayBuffer);
    expect(wb.created.toISOString()).toBe('2024-11-25T00:00:00.000Z');
    expect(wb.modified.toISOString()).toBe('2024-11-25T00:00:00.000Z');
    // every ZIP entry carries the same day: DOS date ((2024 − 1980) << 9) | (11 << 5) | 25
    expect(new DataView(a.buffer, a.byteOffset).getUint16(12, true)).toBe((44 << 9) | (11 << 5) | 25);
    // another vintage, another file
    const c = await buildWorkbook({ ...doc, vintage: '2025-01-02' });
    expect(Buffer.compare(Buffer.from(a), Buffer.from(c))).not.toBe(0);
  });
});
