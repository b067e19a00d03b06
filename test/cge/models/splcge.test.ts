import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { homogeneityCheck, prepareModel, replicationCheck, runScenario, splcge, type PreparedModel } from '../../../src/cge/index.js';
import { loadSam, ROOT } from '../helpers/sam.js';

describe('splcge (Hosoe, Gasawa & Hashimoto 2010, ch. 5)', () => {
  let prep: PreparedModel;
  beforeAll(async () => {
    prep = prepareModel(splcge, await loadSam(join(ROOT, 'datasets/models/splcge/sam.csv')), {});
  });

  it('replicates the benchmark and the SAM, and is homogeneous of degree zero in prices', () => {
    const rep = replicationCheck(prep);
    expect(rep.passed).toBe(true);
    expect(rep.initialResidual).toBeLessThan(1e-10);
    expect(rep.samMaxDiff).toBeLessThan(1e-12);
    const h = homogeneityCheck(prep, rep.benchmark, 2);
    expect(h.passed).toBe(true);
    expect(h.maxDeviation).toBeLessThan(1e-8);
  });

  it('matches the closed-form Cobb-Douglas equilibrium after a capital endowment shock', () => {
    const rep = replicationCheck(prep);
    const r = runScenario(prep, rep.benchmark, { name: 'more-capital', shocks: [{ parameter: 'FF', index: ['CAP'], scale: 1.5 }] });
    // Closed form: with Cobb-Douglas utility (shares α) and technology (shares β), good j's value
    // share of income is α_j, so F(h,j)·pf(h) = β(h,j)·α_j·I and pf(h) = Σ_j β(h,j)·α_j·I / FF(h).
    // Benchmark SAM: X0 = (15, 35), F0(CAP) = (5, 20), F0(LAB) = (10, 15), FF = (25, 25).
    const alpha = { BRD: 15 / 50, MLK: 35 / 50 };
    const beta = { CAP: { BRD: 5 / 15, MLK: 20 / 35 }, LAB: { BRD: 10 / 15, MLK: 15 / 35 } };
    const FF = { CAP: 37.5, LAB: 25 };
    // income share of each factor is fixed: s_h = Σ_j β(h,j)·α_j; with pf(LAB) = 1, I = FF(LAB) / s_LAB
    const sLab = beta.LAB.BRD * alpha.BRD + beta.LAB.MLK * alpha.MLK;
    const I = FF.LAB / sLab;
    const pfCap = ((1 - sLab) * I) / FF.CAP;
    const get = (v: string, ...ix: string[]) => r.variables.find((x) => x.variable === v && x.index.join(',') === ix.join(','))!.level;
    expect(get('pf', 'LAB')).toBe(1);
    expect(get('pf', 'CAP')).toBeCloseTo(pfCap, 10);
    for (const j of ['BRD', 'MLK'] as const) {
      expect(get('F', 'CAP', j)).toBeCloseTo((beta.CAP[j] * alpha[j] * I) / pfCap, 10);
      expect(get('F', 'LAB', j)).toBeCloseTo(beta.LAB[j] * alpha[j] * I, 10);
      expect(get('px', j) * get('X', j)).toBeCloseTo(alpha[j] * I, 10);
    }
    expect(r.welfare[0].ev).toBeGreaterThan(0);
    expect(r.walrasResidual).toBeLessThan(1e-9);
  });
});
