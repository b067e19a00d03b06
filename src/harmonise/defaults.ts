import { join } from 'node:path';
import { packageRoot } from '../guidelines/index.js';
import { harmonise } from './harmonise.js';
import type { HarmoniseOutputs } from './output.js';
import type { HarmoniseCounts } from './types.js';

/** Mapping files of the datasets shipped in `datasets/` (relative to the package root). */
export const DEFAULT_MAPPING_FILES = [
  'datasets/mappings/wdi2018_pop_api.json',
  'datasets/mappings/owid_wup2018_urban_rural.json',
  'datasets/mappings/wdi2024_internet_users.json',
  'datasets/mappings/wdi2018_mobile_subscriptions.json',
  'datasets/mappings/wdi2018_gdp_per_capita.json',
] as const;

/** Absolute paths of the default mappings (population first: conversions per 100 inhabitants need it). */
export function defaultMappings(): string[] {
  return DEFAULT_MAPPING_FILES.map((f) => join(packageRoot(), f));
}

/**
 * Harmonises the shipped WDI and OWID datasets into `outDir`: the harmonised ASEAN dataset
 * (HH7, i271, GDP_PCAP_KD, POP, POP_URB, POP_RUR for the ten Member States).
 * @param outDir output folder
 */
export async function harmoniseDefault(outDir: string): Promise<{ outputs: HarmoniseOutputs; counts: HarmoniseCounts; summary: string }> {
  const r = await harmonise({ mappings: defaultMappings(), outDir });
  return { outputs: r.outputs!, counts: r.counts, summary: r.summary };
}
