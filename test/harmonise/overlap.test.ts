import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { harmonise } from '../../src/harmonise/index.js';
import { DATA, tmp, writeMapping } from './helpers.js';

const root = join(import.meta.dirname, '../..');
/** The eleven ASEAN Member States (Timor-Leste since 26 October 2025): the harmonise scope is every State that is or has been a member. */
const AMS = ['BRN', 'IDN', 'KHM', 'LAO', 'MMR', 'MYS', 'PHL', 'SGP', 'THA', 'TLS', 'VNM'];
const WDI2018_INTERNET = join(DATA, 'wdi2018/wdi2018_internet_users.json');
const WDI2024_INTERNET = join(root, 'datasets/mappings/wdi2024_internet_users.json');

type Row = Record<string, string>;

/** observations.csv / conflicts.csv read with csv-parse (not with the project's reader). */
function readOut(dir: string, file: string): Row[] {
  return parse(readFileSync(join(dir, file)), { columns: true }) as Row[];
}

/** A WDI wide file read with csv-parse: area code → year → cell text. */
function wdiCells(path: string, skip: number): Map<string, Map<string, string>> {
  const rows = parse(readFileSync(path), {
    bom: true,
    columns: true,
    from_line: skip + 1,
    relax_column_count: true,
    skip_empty_lines: true,
  }) as Row[];
  const out = new Map<string, Map<string, string>>();
  for (const r of rows) out.set(r['Country Code'], new Map(Object.entries(r).filter(([k]) => /^\d{4}$/.test(k))));
  return out;
}

/** The cells of one series that are data: non-empty, and not a zero before the first non-zero value (WDI padding). */
function dataCells(years: Map<string, string>): Map<string, number> {
  const filled = [...years].filter(([, v]) => v !== '').sort(([a], [b]) => (a < b ? -1 : 1));
  const first = filled.findIndex(([, v]) => Number(v) !== 0);
  return new Map(first < 0 ? [] : filled.slice(first).map(([y, v]) => [y, Number(v)]));
}

/** A written value as the test's reference writes it: `..` for a missing value (an empty field). */
const shown = (text: string): string => (text === '' ? '..' : String(Number(text)));

const keyOf = (o: Row): string =>
  ['REF_AREA', 'INDICATOR', 'SEX', 'AGE', 'URBANISATION', 'INCOME_WEALTH_QUANTILE', 'TIME_PERIOD'].map((k) => o[k]).join('|');

describe('overlapping sources and filtered rows', () => {
  it('WDI 2018 and 2024 internet users in one run, the older first: one row per key, all ten Member States, the 2024 value wherever both have one', async () => {
    const out = tmp();
    const r = await harmonise({ mappings: [WDI2018_INTERNET, WDI2024_INTERNET], outDir: out });
    const obs = readOut(out, 'observations.csv');
    const keys = obs.map(keyOf);
    expect(new Set(keys).size).toBe(obs.length);
    expect(obs).toHaveLength(r.counts.observations);
    expect([...new Set(obs.map((o) => o.REF_AREA))].sort()).toEqual(AMS);

    const v2018 = wdiCells(join(DATA, 'wdi2018/API_IT.NET.USER.ZS_DS2_en_csv_v2.csv'), 4);
    const v2024 = wdiCells(join(root, 'datasets/wdi/figurefriday2024_API_IT.NET.USER.ZS_DS2_en_csv_v2_2160.csv'), 0);
    const expected = new Map<string, { value: number; source: string }>();
    const losers: string[] = [];
    for (const a of AMS) {
      const old = dataCells(v2018.get(a)!);
      const neu = dataCells(v2024.get(a)!);
      for (const [y, v] of old) expected.set(`${a}|${y}`, { value: v, source: 'WDI_2018_IT.NET.USER.ZS' });
      for (const [y, v] of neu) {
        if (old.has(y)) losers.push(`${a}|${y}|${old.get(y)}`);
        expected.set(`${a}|${y}`, { value: v, source: 'WDI_2024_IT.NET.USER.ZS' });
      }
    }
    const got = new Map(obs.map((o) => [`${o.REF_AREA}|${o.TIME_PERIOD}`, { value: Number(o.OBS_VALUE), source: o.SOURCE_ID }]));
    expect(got).toEqual(expected);

    const conflicts = readOut(out, 'conflicts.csv');
    expect(conflicts.map((c) => `${c.REF_AREA}|${c.TIME_PERIOD}|${Number(c.DROPPED_VALUE)}`).sort()).toEqual(losers.sort());
    const phl = conflicts.find((c) => c.REF_AREA === 'PHL' && c.TIME_PERIOD === '2015')!;
    expect(phl).toMatchObject({
      KEPT_SOURCE: 'WDI_2024_IT.NET.USER.ZS',
      KEPT_VALUE: '36.9',
      DROPPED_SOURCE: 'WDI_2018_IT.NET.USER.ZS',
      DROPPED_VALUE: '53.7',
      REASON: 'priority',
    });
    expect(r.counts.cells).toBe(r.counts.observations + r.counts.rejected + r.counts.filtered);
  });

  it('one source whose filters drop rows (WDI 2018 mobile subscriptions up to 2000): one row per key, each equal to its source cell', async () => {
    const dir = tmp();
    const m = JSON.parse(readFileSync(join(root, 'datasets/mappings/wdi2018_mobile_subscriptions.json'), 'utf8'));
    m.file = join(root, 'datasets/wdi/wikistats2018_API_IT.CEL.SETS.P2_DS2_en_csv_v2.csv');
    m.filters.years = { to: 2000 };
    const path = join(dir, 'mobile.json');
    writeFileSync(path, JSON.stringify(m));
    const r = await harmonise({ mappings: [path], outDir: dir });
    const obs = readOut(dir, 'observations.csv');
    expect(new Set(obs.map(keyOf)).size).toBe(obs.length);
    const src = wdiCells(join(root, 'datasets/wdi/wikistats2018_API_IT.CEL.SETS.P2_DS2_en_csv_v2.csv'), 4);
    const expected = new Map<string, number>();
    for (const a of AMS) for (const [y, v] of dataCells(src.get(a)!)) if (+y <= 2000) expected.set(`${a}|${y}`, v);
    expect(new Map(obs.map((o) => [`${o.REF_AREA}|${o.TIME_PERIOD}`, Number(o.OBS_VALUE)]))).toEqual(expected);
    expect(obs).toHaveLength(r.counts.observations);
  });

  it('for random overlapping sources with priorities, release dates, filters and drops: one row per key, the declared winner, every loser in conflicts.csv', async () => {
    const AREAS = ['VNM', 'THA', 'MYS'];
    const YEARS = [2015, 2016, 2017, 2018, 2019, 2020];
    const cell = fc.record({
      area: fc.constantFrom(...AREAS),
      year: fc.constantFrom(...YEARS),
      value: fc.oneof(
        fc.constant(0),
        fc.integer({ min: 1, max: 1000 }).map((x) => x / 10),
        fc.constant('..'),
      ),
      note: fc.constantFrom('', '', '', 'footnote'),
    });
    const source = fc.record({
      cells: fc.uniqueArray(cell, { selector: (c) => `${c.area}|${c.year}`, maxLength: 18 }),
      priority: fc.integer({ min: 0, max: 2 }),
      release: fc.constantFrom('2018-05-02', '2020-01-01', '2024-11-25'),
      from: fc.option(fc.constantFrom(...YEARS), { nil: undefined }),
      to: fc.option(fc.constantFrom(...YEARS), { nil: undefined }),
      dropNotes: fc.boolean(),
      padding: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(source, { minLength: 1, maxLength: 4 }), async (sources) => {
        const dir = tmp();
        const paths = sources.map((s, k) => {
          const file = join(dir, `s${k}.csv`);
          writeFileSync(file, `area,year,value,note\n${s.cells.map((c) => `${c.area},${c.year},${c.value},${c.note}`).join('\n')}\n`);
          return writeMapping(dir, `s${k}`, {
            source: { id: `S${k}`, title: `s${k}`, publisher: 'test', releaseDate: s.release, priority: s.priority },
            file,
            layout: { type: 'long', valueColumns: [{ column: 'value', indicator: 'HH7' }] },
            dimensions: { REF_AREA: { column: 'area' }, TIME_PERIOD: { column: 'year' } },
            missing: { '': null, '..': 'O' },
            filters: {
              ...(s.from !== undefined || s.to !== undefined
                ? { years: { ...(s.from !== undefined ? { from: s.from } : {}), ...(s.to !== undefined ? { to: s.to } : {}) } }
                : {}),
              ...(s.dropNotes ? { dropRows: [{ column: 'note', pattern: '^footnote$' }] } : {}),
              ...(s.padding ? { leadingZerosArePadding: true } : {}),
            },
          });
        });
        await harmonise({ mappings: paths, outDir: dir, database: false });

        // reference: each source's kept cells, then the best source per key
        const candidates = new Map<string, { k: number; value: number | '..' }[]>();
        sources.forEach((s, k) => {
          const firstNonZero = new Map<string, number>();
          if (s.padding)
            for (const c of s.cells)
              if (c.value !== 0 && c.value !== '..' && !(s.dropNotes && c.note === 'footnote'))
                firstNonZero.set(c.area, Math.min(firstNonZero.get(c.area) ?? Infinity, c.year));
          for (const c of s.cells) {
            if (s.dropNotes && c.note === 'footnote') continue;
            if ((s.from !== undefined && c.year < s.from) || (s.to !== undefined && c.year > s.to)) continue;
            if (s.padding && c.value === 0 && c.year < (firstNonZero.get(c.area) ?? Infinity)) continue;
            const key = `${c.area}|${c.year}`;
            candidates.set(key, [...(candidates.get(key) ?? []), { k, value: c.value }]);
          }
        });
        // a value beats a missing-value marker; then priority, release date, listed first
        const better = (a: { k: number; value: number | '..' }, b: { k: number; value: number | '..' }): boolean =>
          (a.value === '..') !== (b.value === '..') ? b.value === '..' : earlier(a.k, b.k);
        const earlier = (a: number, b: number): boolean =>
          sources[a].priority !== sources[b].priority
            ? sources[a].priority > sources[b].priority
            : sources[a].release !== sources[b].release
              ? sources[a].release > sources[b].release
              : a < b;
        const winners = new Map<string, string>();
        const losers: string[] = [];
        for (const [key, cs] of candidates) {
          let w = cs[0];
          for (const c of cs) if (better(c, w)) w = c;
          winners.set(key, `S${w.k}=${w.value}`);
          for (const c of cs) if (c !== w) losers.push(`${key}|S${c.k}=${c.value}|kept S${w.k}`);
        }

        const obs = readOut(dir, 'observations.csv');
        expect(new Set(obs.map(keyOf)).size).toBe(obs.length);
        expect(new Map(obs.map((o) => [`${o.REF_AREA}|${o.TIME_PERIOD}`, `${o.SOURCE_ID}=${shown(o.OBS_VALUE)}`]))).toEqual(winners);
        expect(obs.filter((o) => o.OBS_STATUS === 'O').map((o) => o.OBS_VALUE)).toEqual(
          obs.filter((o) => winners.get(`${o.REF_AREA}|${o.TIME_PERIOD}`)!.endsWith('=..')).map(() => ''),
        );
        const conflicts = readOut(dir, 'conflicts.csv').map(
          (c) => `${c.REF_AREA}|${c.TIME_PERIOD}|${c.DROPPED_SOURCE}=${shown(c.DROPPED_VALUE)}|kept ${c.KEPT_SOURCE}`,
        );
        expect(conflicts.sort()).toEqual(losers.sort());
      }),
      { numRuns: 80, seed: 20261203 },
    );
  });
});
