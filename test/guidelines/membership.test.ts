import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { aseanMembers, aseanMembersInForce, aseanMembership, periodEnd } from '../../src/guidelines/index.js';
import { aseanAggregates, computeDispersion } from '../../src/divide/index.js';
import { ASEAN_MEMBER_STATES } from '../../src/sam/build/asean.js';
import { gini } from '../../src/divide/gini.js';
import { obsRecords, type Obs } from '../divide/helpers.js';

// Independent answer: the ASEAN Secretariat's dates of admission (founding 8 August 1967; Brunei
// 7 January 1984; Viet Nam 28 July 1995; Lao PDR and Myanmar 23 July 1997; Cambodia 30 April
// 1999; Timor-Leste 26 October 2025, Declaration signed at the 47th ASEAN Summit).
const TEN = ['BRN', 'IDN', 'KHM', 'LAO', 'MMR', 'MYS', 'PHL', 'SGP', 'THA', 'VNM'];
const ELEVEN = ['BRN', 'IDN', 'KHM', 'LAO', 'MMR', 'MYS', 'PHL', 'SGP', 'THA', 'TLS', 'VNM'];

describe('ASEAN membership in force', () => {
  it('is the five founders in 1967 and grows with each admission', () => {
    expect(aseanMembersInForce(1967)).toEqual(['IDN', 'MYS', 'PHL', 'SGP', 'THA']);
    expect(aseanMembersInForce(1983)).toHaveLength(5);
    expect(aseanMembersInForce(1984)).toHaveLength(6);
    expect(aseanMembersInForce(1995)).toHaveLength(7);
    expect(aseanMembersInForce(1997)).toHaveLength(9);
    expect(aseanMembersInForce(1998)).not.toContain('KHM');
    expect(aseanMembersInForce(1999)).toEqual(TEN);
  });

  it('is ten for 2024 and eleven for 2026; 2025 counts Timor-Leste (member on 31 December)', () => {
    expect(aseanMembersInForce(2024)).toEqual(TEN);
    expect(aseanMembersInForce('2024')).toEqual(TEN);
    expect(aseanMembersInForce(2026)).toEqual(ELEVEN);
    expect(aseanMembersInForce(2025)).toEqual(ELEVEN);
    expect(aseanMembersInForce('2025-Q3')).toEqual(TEN);
    expect(aseanMembersInForce('2025-Q4')).toEqual(ELEVEN);
    expect(aseanMembersInForce('2025-09')).toEqual(TEN);
    expect(aseanMembersInForce('2025-10-25')).toEqual(TEN);
    expect(aseanMembersInForce('2025-10-26')).toEqual(ELEVEN);
    expect(aseanMembers().sort()).toEqual(ELEVEN);
  });

  it('dates every member once, with a source', () => {
    const m = aseanMembership();
    expect(m.map((s) => s.member)).toEqual(ELEVEN);
    expect(m.find((s) => s.member === 'TLS')).toMatchObject({ from: '2025-10-26' });
    for (const s of m) expect(s.source.length).toBeGreaterThan(20);
  });

  it('ends periods on their last day, leap years included', () => {
    expect(periodEnd(2024)).toBe('2024-12-31');
    expect(periodEnd('2024-02')).toBe('2024-02-29');
    expect(periodEnd('2023-M02')).toBe('2023-02-28');
    expect(periodEnd('2025-S1')).toBe('2025-06-30');
    expect(() => periodEnd('2025-W12')).toThrow(/not a reference period/);
  });

  it('is monotone: the members of a year are among those of any later year (no one has left)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1960, max: 2040 }), fc.integer({ min: 0, max: 20 }), (y, d) => {
        const later = new Set(aseanMembersInForce(y + d));
        return aseanMembersInForce(y).every((m) => later.has(m));
      }),
    );
  });

  it('the 2022 database build covers the members of 2022', () => {
    expect([...ASEAN_MEMBER_STATES].sort()).toEqual(aseanMembersInForce(2022));
  });
});

describe('ASEAN comparisons use the membership of each year (divide dispersion)', () => {
  // eleven countries report in 2024 and 2026; TLS may not count in 2024
  const values = (year: number) => ELEVEN.map((area, i) => ({ area, ind: 'HH7', year, value: 10 + 7 * i + (year - 2024) }));
  const obs: Obs[] = [...values(2024), ...values(2026)];
  const rows = computeDispersion(obsRecords(obs), 'HH7');
  it('2024 is the aggregate of ten, 2026 of eleven', () => {
    const r24 = rows.find((r) => r.time_period === 2024)!;
    const r26 = rows.find((r) => r.time_period === 2026)!;
    expect(r24).toMatchObject({ n_areas: 10, n_expected: 10, coverage: 'complete' });
    expect(r26).toMatchObject({ n_areas: 11, n_expected: 11, coverage: 'complete' });
    expect(r24.note).toContain('TLS not an ASEAN Member State in 2024');
    // independent: the mean and Gini of the ten values without TLS (index 9 of ELEVEN)
    const ten = values(2024)
      .filter((o) => o.area !== 'TLS')
      .map((o) => o.value);
    expect(r24.mean).toBeCloseTo(ten.reduce((s, x) => s + x, 0) / 10, 12);
    expect(r24.gini).toBeCloseTo(gini(Float64Array.from(ten)), 12);
    const eleven = values(2026).map((o) => o.value);
    expect(r26.mean).toBeCloseTo(eleven.reduce((s, x) => s + x, 0) / 11, 12);
    expect(r26.max).toBe(Math.max(...eleven));
  });
});

describe('ASEAN aggregates by the catalogue rule over the members of each year', () => {
  // HH7 (weighted mean by POP) and POP (sum) for all eleven in 2024 and 2026; TLS's values are far from the others'
  const pop = (i: number) => 1e6 * (i + 1);
  const hh7 = (i: number, area: string) => (area === 'TLS' ? 5 : 50 + i);
  const obs: Obs[] = [2024, 2026].flatMap((year) =>
    ELEVEN.flatMap((area, i) => [
      { area, ind: 'HH7', year, value: hh7(i, area) },
      { area, ind: 'POP', year, value: pop(i), unit: 'PERSONS' },
    ]),
  );
  it('2024: the ten members (TLS left out); 2026: the eleven', () => {
    const h = aseanAggregates(obsRecords(obs), 'HH7');
    const p = aseanAggregates(obsRecords(obs), 'POP');
    const by = (rows: typeof h, y: number) => rows.find((r) => r.time_period === y)!;
    // independent answers, by hand over the lists
    const wmean = (areas: string[]) => {
      let sw = 0;
      let swx = 0;
      ELEVEN.forEach((a, i) => {
        if (!areas.includes(a)) return;
        sw += pop(i);
        swx += pop(i) * hh7(i, a);
      });
      return swx / sw;
    };
    const sum = (areas: string[]) => ELEVEN.reduce((s, a, i) => s + (areas.includes(a) ? pop(i) : 0), 0);
    expect(by(h, 2024)).toMatchObject({ members: TEN, missing: [], method: 'weighted_mean' });
    expect(by(h, 2024).value).toBeCloseTo(wmean(TEN), 12);
    expect(by(h, 2026).members).toEqual(ELEVEN);
    expect(by(h, 2026).value).toBeCloseTo(wmean(ELEVEN), 12);
    expect(by(h, 2026).value!).toBeLessThan(by(h, 2024).value!); // TLS's low use pulls the 2026 mean down
    expect(by(p, 2024).value).toBe(sum(TEN));
    expect(by(p, 2026).value).toBe(sum(ELEVEN));
  });

  it('is empty, naming the member, when a member in force has no value', () => {
    const rows = aseanAggregates(obsRecords(obs.filter((o) => !(o.area === 'TLS' && o.year === 2026 && o.ind === 'POP'))), 'HH7');
    const r26 = rows.find((r) => r.time_period === 2026)!;
    expect(r26).toMatchObject({ value: null, missing: ['TLS'] });
    expect(rows.find((r) => r.time_period === 2024)!.value).not.toBeNull();
  });

  it('refuses an indicator the catalogue does not aggregate', () => {
    expect(() => aseanAggregates(obsRecords(obs), 'ICT_GOODS_EXP_SHARE')).toThrow(/no rule for ASEAN aggregates/);
  });
});
