import type { ReportDocument } from '../../src/report/index.js';
import { renderChartSvg } from '../../src/report/index.js';

/** A small report with a table holding formula-like text, and a bar chart. */
export async function sampleReport(): Promise<ReportDocument> {
  const svg = await renderChartSvg({
    data: {
      values: [
        { area: 'THA', v: 85.3 },
        { area: 'LAO', v: 62.0 },
        { area: 'VNM', v: 78.1 },
      ],
    },
    mark: 'bar',
    encoding: { x: { field: 'area', type: 'nominal' }, y: { field: 'v', type: 'quantitative', title: 'Internet users (%)' } },
  });
  return {
    title: 'Digital divide in ASEAN',
    subtitle: 'Test report',
    provenance: 'Built from test data.',
    sections: [
      {
        id: 'coverage',
        title: 'Data coverage',
        blocks: [
          { kind: 'paragraph', text: 'Coverage of <the> harmonised data & its sources.' },
          {
            kind: 'table',
            id: 'coverage',
            caption: 'Observations by area',
            columns: [
              { key: 'area', header: 'Area' },
              { key: 'n', header: 'Observations', decimals: 0 },
              { key: 'share', header: 'Share', unit: '%', decimals: 1 },
              { key: 'note', header: 'Note' },
            ],
            rows: [
              { area: 'THA', n: 24, share: 41.666, note: '=HYPERLINK("http://x","y")' },
              { area: 'LAO', n: 34, share: 58.333, note: '-2 revision' },
              { area: 'VNM', n: 0, share: null, note: null },
            ],
            notes: ['Source: test.'],
          },
        ],
      },
      {
        id: 'charts',
        title: 'Charts',
        blocks: [{ kind: 'figure', id: 'fig-use', svg, alt: 'Bar chart of Internet use in three countries.', caption: 'Internet use' }],
      },
    ],
  };
}
