import { describe, expect, it } from 'vitest';
import {
  accessGroups,
  broadbandInvestment,
  connectivityBaseline,
  connectivityShift,
  splitNationalShare,
  totalShare,
  type ConnectivityBaseline,
  type ObservationLike,
} from '../../../src/cge/digital/index.js';

const obs = (INDICATOR: string, URBANISATION: string, TIME_PERIOD: string, OBS_VALUE: number, row: number): ObservationLike => ({
  REF_AREA: 'LAO',
  INDICATOR,
  URBANISATION,
  SEX: '_T',
  AGE: '_T',
  INCOME_WEALTH_QUANTILE: '_T',
  TIME_PERIOD,
  OBS_VALUE,
  PROV_FILE: 'obs.csv',
  PROV_ROW: row,
});

const base: ConnectivityBaseline = {
  area: 'LAO',
  year: '2022',
  urbanPopulation: 2_800_000,
  ruralPopulation: 4_700_000,
  urbanShare: 0.8,
  ruralShare: 0.5,
  provenance: [],
  assumptions: [],
};

describe('connectivity baseline', () => {
  it('splits a national share so that the population-weighted mean is the national share', () => {
    const s = splitNationalShare(0.62, 3e6, 5e6, 0.6);
    expect(s.ruralShare / s.urbanShare).toBeCloseTo(0.6, 12);
    expect((3e6 * s.urbanShare + 5e6 * s.ruralShare) / 8e6).toBeCloseTo(0.62, 12);
    // urban would exceed 1: urban capped, rural takes the rest, the mean still holds
    const c = splitNationalShare(0.95, 3e6, 1e6, 0.5);
    expect(c.urbanShare).toBe(1);
    expect((3e6 + 1e6 * c.ruralShare) / 4e6).toBeCloseTo(0.95, 12);
  });
  it('uses the observed urban/rural breakdown when there is one', () => {
    const b = connectivityBaseline(
      [
        obs('POP_URB', '_T', '2022', 2.8e6, 2),
        obs('POP_RUR', '_T', '2022', 4.7e6, 3),
        obs('HH7', 'U', '2022', 80, 4),
        obs('HH7', 'R', '2022', 50, 5),
        obs('HH7', '_T', '2022', 61.2, 6),
      ],
      'LAO',
      { ruralUrbanRatio: { value: 0.6, source: 'test' } },
    );
    expect(b).toMatchObject({ year: '2022', urbanShare: 0.8, ruralShare: 0.5, assumptions: [] });
    expect(b.provenance).toContain('HH7/R/2022@obs.csv:5');
  });
  it('splits the national value under the stated ratio, and records it as an assumption', () => {
    const b = connectivityBaseline(
      [
        obs('POP_URB', '_T', '2021', 2.7e6, 2),
        obs('POP_RUR', '_T', '2021', 4.7e6, 3),
        obs('HH7', '_T', '2021', 55, 4),
        obs('POP_URB', '_T', '2022', 2.8e6, 5),
        obs('POP_RUR', '_T', '2022', 4.7e6, 6),
        obs('HH7', '_T', '2022', 62, 7),
      ],
      'LAO',
      { ruralUrbanRatio: { value: 0.6, source: 'ITU Facts and Figures 2023, Asia-Pacific' } },
    );
    expect(b.year).toBe('2022');
    expect(totalShare(b)).toBeCloseTo(0.62, 12);
    expect(b.assumptions[0]).toMatch(/no urban\/rural breakdown.*ITU Facts and Figures 2023/);
  });
  it('names what is missing instead of inventing a baseline', () => {
    expect(() => connectivityBaseline([obs('HH7', '_T', '2022', 62, 2)], 'LAO', { ruralUrbanRatio: { value: 0.6, source: 's' } })).toThrow(
      expect.objectContaining({ code: 'NO_CONNECTIVITY_BASELINE' }),
    );
  });
});

describe('connectivity targets to population moves', () => {
  it('"rural HH7 reaches 70 %" moves rural people only, conserving population', () => {
    const s = connectivityShift(base, { kind: 'use-reaches', urbanisation: 'R', percent: 70 });
    expect(s.moves).toEqual([{ from: 'RUR_UNC', to: 'RUR_CON', persons: expect.closeTo(0.2 * 4.7e6, 6) }]);
    expect(s.after.RUR_CON / 4.7e6).toBeCloseTo(0.7, 12);
    const sum = (g: typeof s.after) => g.URB_CON + g.URB_UNC + g.RUR_CON + g.RUR_UNC;
    expect(sum(s.after)).toBeCloseTo(sum(s.before), 6);
  });
  it('"close half the urban–rural gap" is the same shift as the explicit rural target it implies', () => {
    const gap = connectivityShift(base, { kind: 'close-gap', fraction: 0.5 });
    const explicit = connectivityShift(base, { kind: 'use-reaches', urbanisation: 'R', percent: 65 });
    expect(gap.after.RUR_CON).toBeCloseTo(explicit.after.RUR_CON, 6);
    expect(gap.moves).toEqual(explicit.moves.map((m) => ({ ...m, persons: expect.closeTo(m.persons, 6) })));
  });
  it('a national target raises urban and rural use by the same points, capped at 100 %', () => {
    const s = connectivityShift(base, { kind: 'use-reaches', urbanisation: '_T', percent: 80 });
    const groups = s.after;
    expect((groups.URB_CON + groups.RUR_CON) / 7.5e6).toBeCloseTo(0.8, 9);
    // urban 0.8 + d capped at 1: 2.8·min(0.8+d,1) + 4.7·(0.5+d) = 6.0 → d = 0.2 gives 2.8 + 3.29 = 6.09 > 6 → d < 0.2, no cap
    expect(s.urbanShare - 0.8).toBeCloseTo(s.ruralShare - 0.5, 9);
    const capped = connectivityShift(base, { kind: 'use-reaches', urbanisation: '_T', percent: 99 });
    expect(capped.urbanShare).toBe(1);
    expect((2.8e6 + 4.7e6 * capped.ruralShare) / 7.5e6).toBeCloseTo(0.99, 9);
  });
  it('refuses a target below the baseline', () => {
    expect(() => connectivityShift(base, { kind: 'use-reaches', urbanisation: 'R', percent: 40 })).toThrow(
      expect.objectContaining({ code: 'TARGET_BELOW_BASELINE' }),
    );
  });
  it('groups add up to the urban and rural populations', () => {
    const g = accessGroups(base);
    expect(g.URB_CON + g.URB_UNC).toBe(2.8e6);
    expect(g.RUR_CON + g.RUR_UNC).toBe(4.7e6);
  });
});

describe('broadband target to investment', () => {
  it('adds (Y − Y0)/100 × population subscriptions at the stated cost each', () => {
    const r = broadbandInvestment({
      baselinePer100: 2.5,
      targetPer100: 10,
      population: 7.5e6,
      costPerSubscription: { value: 0.0005, source: 'assumed' },
    });
    expect(r.addedSubscriptions).toBeCloseTo(562_500, 6);
    expect(r.investment).toBeCloseTo(281.25, 9);
  });
});
