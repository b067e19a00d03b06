/**
 * The readiness section of the pipeline report, from the outputs of `digicge guidelines readiness`
 * in `<dir>/readiness`: the CGE database blocks of every Member State (own data or assumptions) and
 * the ranked gaps. Its tables become sheets of the workbook ("readiness-blocks", "readiness-gaps").
 * @module
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ReportSection } from './document.js';
import { readStageCsv } from './read-csv.js';

/** The section, or null when the folder has no readiness outputs. */
export function readinessSection(dir: string): ReportSection | null {
  const blocksFile = join(dir, 'readiness', 'readiness-blocks.csv');
  const gapsFile = join(dir, 'readiness', 'readiness-gaps.csv');
  if (!existsSync(blocksFile) || !existsSync(gapsFile)) return null;
  const blocks = readStageCsv(blocksFile);
  const areas = [...new Set(blocks.map((b) => String(b.area)))];
  const ids = [...new Set(blocks.map((b) => String(b.block)))];
  const gaps = readStageCsv(gapsFile).filter((g) => g.rank !== '' && g.rank !== null && g.rank !== undefined);
  const firstOfEach = new Map<string, (typeof gaps)[number]>();
  for (const g of gaps) if (!firstOfEach.has(String(g.gap))) firstOfEach.set(String(g.gap), g);
  return {
    id: 'readiness',
    title: 'Readiness of the Member States for the CGE database',
    blocks: [
      {
        kind: 'table',
        id: 'readiness-blocks',
        caption: 'Blocks of the CGE database by Member State: own data, partly own data, assumptions, or no database',
        columns: [{ key: 'block', header: 'Block' }, ...areas.map((a) => ({ key: a, header: a }))],
        rows: ids.map((id) => ({
          block: id,
          ...Object.fromEntries(areas.map((a) => [a, String(blocks.find((b) => b.area === a && b.block === id)?.status ?? '')])),
        })),
        notes: [
          'From readiness/readiness-blocks.csv (digicge guidelines readiness); bases of each block in datasets/sam/asean/provenance.json.',
        ],
      },
      {
        kind: 'table',
        id: 'readiness-gaps',
        caption: 'Gaps ranked by how much they move the simulation results',
        columns: [
          { key: 'rank', header: 'Rank (1 = largest swing)' },
          { key: 'block', header: 'Block' },
          { key: 'gap', header: 'Gap' },
          { key: 'gdp_swing', header: 'Swing of the GDP effect', unit: 'share of the central effect', decimals: 3 },
          { key: 'indicator_cells', header: 'Indicator cells' },
          { key: 'recommended_source', header: 'Recommended source' },
        ],
        rows: [...firstOfEach.values()].map((g) => ({
          rank: Number(g.rank),
          block: String(g.block),
          gap: String(g.gap),
          gdp_swing: Number(g.gdp_swing),
          indicator_cells: String(g.indicator_cells ?? ''),
          recommended_source: String(g.recommended_source).split(' — ')[0]!,
        })),
        notes: [
          `Swing: ${String(gaps[0]?.sensitivity_source ?? '')}. The national producer of each Member State is in readiness/readiness-gaps.csv.`,
        ],
      },
    ],
  };
}
