import { describe, expect, it } from 'vitest';
import { availableParallelism } from 'node:os';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_SSA_DRAWS, runSensitivity } from '../../../src/cge/ssa/sensitivity.js';
import { workerCount } from '../../../src/cge/ssa/runner.js';
import { MAX_RANK_DRAWS } from '../../../src/divide/composite/index-score.js';
import { mulberry32 } from '../../../src/util/random.js';

const SCHEMAS = join(import.meta.dirname, '../../../guidelines/schemas');
const schema = (f: string) => JSON.parse(readFileSync(join(SCHEMAS, f), 'utf8')) as Record<string, unknown>;

describe('limits of the sensitivity analysis', () => {
  it('uses at most the cores available, however many workers are asked for', () => {
    const cores = availableParallelism();
    expect(workerCount(500, 1000)).toBe(cores);
    expect(workerCount(undefined, 1000)).toBe(cores);
    expect(workerCount(1, 1000)).toBe(1);
    expect(workerCount(500, 1)).toBe(1);
  });
  it('refuses more Monte Carlo draws than the scenario schema allows, before drawing any', async () => {
    const opts = {
      parameters: [{ name: 'x', distribution: { kind: 'uniform' as const, min: 0, max: 1 } }],
      method: 'monte-carlo' as const,
      uniform: mulberry32(1),
      moduleUrl: 'file:///nowhere.ts',
      setup: {},
    };
    await expect(runSensitivity({ ...opts, draws: 1e12 })).rejects.toMatchObject({ code: 'SSA_BAD_DRAWS' });
    await expect(runSensitivity({ ...opts, draws: 2.5 })).rejects.toMatchObject({ code: 'SSA_BAD_DRAWS' });
    const unc = (schema('digital-scenario.schema.json').properties as Record<string, { properties: Record<string, { maximum: number }> }>)
      .uncertainty!;
    expect(unc.properties.draws!.maximum).toBe(MAX_SSA_DRAWS);
    const idx = (schema('composite-index.schema.json').properties as Record<string, { properties: Record<string, { maximum: number }> }>)
      .uncertainty!;
    expect(idx.properties.draws!.maximum).toBe(MAX_RANK_DRAWS);
  });
});
