/**
 * The demo's check script: runs `digicge demo` once, then recomputes from the output folder alone
 * (sam/<ISO3>.csv, observations.csv, multipliers/…, simulate/…) — with the plain second
 * implementations of test/support/independent.ts — GDP three ways, the industry-by-industry output
 * multipliers, key sectors and the ADB digital share of THA, and the balanced-panel Gini of
 * Internet use; and compares them with every place report.html, results.xlsx, summary.md and the
 * command's own summary lines print them. Any disagreement fails.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { colSums, giniPlain, invert, leontief, plainIndustryTable, readCsvRecords, readPlainSam } from '../support/independent.js';

const BIN = join(import.meta.dirname, '../../bin/digicge.js');
let out: string;
let stdout: string;
let html: string;
let md: string;
const wb = new ExcelJS.Workbook();

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'digicge-demo-figures-'));
  const r = spawnSync(process.execPath, [BIN, 'demo', '--out', out], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`digicge demo failed: ${r.stderr}`);
  stdout = r.stdout;
  html = readFileSync(join(out, 'report.html'), 'utf8');
  md = readFileSync(join(out, 'summary.md'), 'utf8');
  await wb.xlsx.load(readFileSync(join(out, 'results.xlsx')) as unknown as ArrayBuffer);
}, 900_000);

// --- reading the deliverables -------------------------------------------------------------------

const htmlText = (s: string) =>
  s
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();

/** A table of report.html by id, as header → text records. */
function htmlTable(id: string): Record<string, string>[] {
  const m = new RegExp(`<table id="${id}">([\\s\\S]*?)</table>`).exec(html);
  if (!m) throw new Error(`report.html has no table ${id}`);
  const head = [...m[1]!.matchAll(/<th[^>]*>([\s\S]*?)<\/th>/g)].map((x) => htmlText(x[1]!));
  const body = m[1]!.split('<tbody>')[1]!;
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((tr) => {
    const cells = [...tr[1]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((x) => htmlText(x[1]!));
    return Object.fromEntries(head.map((h, i) => [h, cells[i] ?? '']));
  });
}

/** A table of summary.md by its caption's start, as header → text records. */
function mdTable(caption: string): Record<string, string>[] {
  const lines = md.split('\n');
  const at = lines.findIndex((l) => l.startsWith(`**${caption}`));
  if (at < 0) throw new Error(`summary.md has no table "${caption}"`);
  const split = (l: string) =>
    l
      .slice(1, -1)
      .split(' | ')
      .map((c) => c.trim().replace(/\\\|/g, '|'));
  const head = split(lines[at + 2]!.replace(/^\| /, '| '));
  const rows: Record<string, string>[] = [];
  for (let k = at + 4; k < lines.length && lines[k]!.startsWith('|'); k++) {
    const c = split(lines[k]!);
    rows.push(Object.fromEntries(head.map((h, i) => [h.replace(/^\s+|\s+$/g, ''), c[i] ?? ''])));
  }
  return rows;
}

/** A sheet of results.xlsx (row 1 caption, row 2 header) as header → cell value records. */
function sheet(id: string): Record<string, unknown>[] {
  const ws = wb.getWorksheet(id);
  if (!ws) throw new Error(`results.xlsx has no sheet ${id}`);
  const head: string[] = [];
  ws.getRow(2).eachCell((c, j) => (head[j] = String(c.value)));
  const rows: Record<string, unknown>[] = [];
  for (let r = 3; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    if (row.getCell(2).value === null && row.getCell(3).value === null) break;
    rows.push(Object.fromEntries(head.map((h, j) => [h, row.getCell(j).value]).filter(([h]) => h !== undefined)));
  }
  return rows;
}

/** Every place a table is printed: html and summary.md as text, the workbook as numbers. */
function everywhere(id: string, caption: string) {
  return { html: htmlTable(id), md: mdTable(caption), xlsx: sheet(id) };
}

/** Expects a printed figure (text with `d` decimals, or a workbook number) to be `v`. */
function same(printed: unknown, v: number, d: number, where: string): void {
  if (typeof printed === 'number') expect(printed, where).toBeCloseTo(v, d + 1);
  else expect(String(printed).replace(/,/g, ''), where).toBe(v.toFixed(d));
}

const ASEAN = ['BRN', 'IDN', 'KHM', 'LAO', 'MYS', 'PHL', 'SGP', 'THA', 'VNM'];
const FACTORS = ['LAB-DIG', 'LAB-OTH', 'CAP'];

// --- GDP three ways -----------------------------------------------------------------------------

/** GDP of a SAM in the ASEAN layout, from the SAM's cells. */
function gdpOf(area: string) {
  const sam = readPlainSam(join(out, 'sam', `${area}.csv`));
  const acts = sam.labels.filter((l) => l.startsWith('A-'));
  const coms = sam.labels.filter((l) => l.startsWith('C-'));
  const sum = (rows: string[], cols: string[]) => rows.reduce((s, r) => s + cols.reduce((t, c) => t + sam.cell(r, c), 0), 0);
  const factor = sum(FACTORS, acts);
  const onProduction = sum(['Itax', 'Ttax', 'GOV'], acts);
  const onProducts = sum(['Itax', 'Ttax', 'GOV'], coms);
  const production = factor + onProduction + onProducts;
  const income = FACTORS.reduce((s, f) => s + sam.colTotal(f), 0) - sum(FACTORS, ['ROW']) + onProduction + onProducts;
  const expenditure = sum(coms, ['HH', 'ENT', 'GOV', 'S-I', 'ROW']) - sum(['ROW'], coms);
  return { factor, onProduction, gva: factor + onProduction, onProducts, production, income, expenditure };
}

describe('GDP, three ways, in every place it is printed', () => {
  it('each SAM gives one GDP at market prices from production, income and expenditure', () => {
    for (const a of ASEAN) {
      const g = gdpOf(a);
      expect(g.income, a).toBeCloseTo(g.production, 4);
      expect(g.expenditure, a).toBeCloseTo(g.production, 4);
      expect(g.gva, a).toBeLessThan(g.production);
    }
  });

  it('sam/checks.csv, the report, the workbook and summary.md print those figures under their names', () => {
    const checks = Object.fromEntries(readCsvRecords(join(out, 'sam', 'checks.csv')).map((r) => [r.area, r]));
    const t = everywhere('sam_checks', 'ASEAN social accounting matrices, 2022: balance, and GDP at market prices');
    const v = everywhere('sam_value_added', 'From factor income to GDP at market prices');
    for (const a of ASEAN) {
      const g = gdpOf(a);
      for (const [col, val] of [
        ['gdp_market_production', g.production],
        ['gdp_market_income', g.income],
        ['gdp_market_expenditure', g.expenditure],
        ['factor_income', g.factor],
        ['gva_basic_prices', g.gva],
        ['taxes_on_products', g.onProducts],
      ] as const) {
        expect(Number(checks[a]![col]), `${a} ${col}`).toBeCloseTo(val, 1);
      }
      for (const [where, rows] of Object.entries(t)) {
        const r = rows.find((x) => x.Area === a)!;
        same(r['GDP at market prices, from production (US$ million)'], g.production, 0, `${where} ${a} production`);
        same(r['GDP at market prices, from income (US$ million)'], g.income, 0, `${where} ${a} income`);
        same(r['GDP at market prices, from expenditure (US$ million)'], g.expenditure, 0, `${where} ${a} expenditure`);
      }
      for (const [where, rows] of Object.entries(v)) {
        const r = rows.find((x) => x.Area === a)!;
        same(r['Factor income (GDP at factor cost) (US$ million)'], g.factor, 0, `${where} ${a} factor income`);
        same(r['Gross value added at basic prices (US$ million)'], g.gva, 0, `${where} ${a} GVA`);
        same(r['GDP at market prices (US$ million)'], g.production, 0, `${where} ${a} GDP`);
      }
    }
  });

  it('the digital share names its denominator, gross value added at basic prices, and prints the SAM’s figure for it', () => {
    const g = gdpOf('THA');
    const text = `${Math.round(g.gva)} US$ million`;
    const sentence = /together ([\d.]+) % of gross value added at basic prices \((\d+) US\$ million\)/;
    for (const [where, doc] of [
      ['report.html', html],
      ['summary.md', md],
    ] as const) {
      const m = sentence.exec(doc);
      expect(m, where).not.toBeNull();
      expect(`${m![2]} US$ million`, where).toBe(text);
      expect(doc, where).not.toMatch(/% of GDP \(/);
    }
  });
});

// --- industry-by-industry multipliers, key sectors and the digital share --------------------------

function thaIndustries() {
  const sam = readPlainSam(join(out, 'sam', 'THA.csv'));
  const t = plainIndustryTable(sam, {
    factors: FACTORS,
    taxes: ['Itax', 'Ttax', 'GOV'],
    row: 'ROW',
    labour: ['LAB-DIG', 'LAB-OTH'],
    household: 'HH',
  });
  const n = t.acts.length;
  const L = leontief(t.A);
  const typeI = colSums(L);
  // Type II: close with households (domestic consumption per unit of outlay; labour income per unit of output)
  const closed = [...t.A.map((row, i) => [...row, t.hc[i]!]), [...t.labour.map((l, j) => l / t.x[j]!), 0]];
  const Lbar = leontief(closed);
  const typeII = Array.from({ length: n }, (_, j) => Lbar.slice(0, n).reduce((s, row) => s + row[j]!, 0));
  // Rasmussen: backward = column sums of L, forward = row sums of the Ghosh inverse, each over its mean
  const B = t.A.map((row, i) => row.map((a, j) => (a * t.x[j]!) / t.x[i]!));
  const G = leontief(B);
  const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
  const bl = typeI.map((v) => v / mean(typeI));
  const fwd = G.map((row) => row.reduce((s, v) => s + v, 0));
  const fl = fwd.map((v) => v / mean(fwd));
  const classes = bl.map((b, j) => (b > 1 && fl[j]! > 1 ? 'key' : b > 1 ? 'backward' : fl[j]! > 1 ? 'forward' : 'weak'));
  // ADB digital value added: direct + induced through (I − A_NN)⁻¹ A_ND x_D
  const D = t.acts.map((a, j) => (['A-ICT', 'A-TEL', 'A-ITS'].includes(a) ? j : -1)).filter((j) => j >= 0);
  const N = t.acts.map((_, j) => j).filter((j) => !D.includes(j));
  const LNN = invert(N.map((i) => N.map((k) => (i === k ? 1 : 0) - t.A[i]![k]!)));
  const demand = N.map((i) => D.reduce((s, d) => s + t.A[i]![d]! * t.x[d]!, 0));
  const xN = LNN.map((row) => row.reduce((s, v, k) => s + v * demand[k]!, 0));
  const v = t.va.map((va, j) => va / t.x[j]!);
  const direct = D.reduce((s, d) => s + t.va[d]!, 0);
  const induced = N.reduce((s, i, k) => s + v[i]! * xN[k]!, 0);
  const gva = t.va.reduce((s, x) => s + x, 0);
  return { ...t, typeI, typeII, bl, fl, classes, direct, induced, gva };
}

describe('industry-by-industry multipliers of THA, in every place they are printed', () => {
  it('are not the column sums over activity and commodity accounts (which count each round twice)', () => {
    const t = thaIndustries();
    const L16 = readCsvRecords(join(out, 'multipliers', 'leontief', 'L.csv'));
    expect(L16.map((r) => r[''])).toEqual(t.acts);
    const man = t.acts.indexOf('A-MAN');
    expect(t.typeI[man]!).toBeLessThan(2);
    expect(t.typeI[man]!).toBeGreaterThan(1);
  });

  it('multipliers.csv, the report table, the workbook and summary.md agree with the recomputation', () => {
    const t = thaIndustries();
    const csv = readCsvRecords(join(out, 'multipliers', 'leontief', 'multipliers.csv'));
    const printed = everywhere('leontief_multipliers', 'Output multipliers and linkages of the industries');
    t.acts.forEach((a, j) => {
      const c = csv.find((r) => r.sector === a)!;
      expect(Number(c.output_type_i), a).toBeCloseTo(t.typeI[j]!, 9);
      expect(Number(c.output_type_ii), a).toBeCloseTo(t.typeII[j]!, 9);
      expect(c.linkage_class, a).toBe(t.classes[j]);
      for (const [where, rows] of Object.entries(printed)) {
        const r = rows.find((x) => x.Industry === a);
        expect(r, `${where} ${a}`).toBeDefined();
        same(r!['Output multiplier, Type I (US$ of output per US$ of final demand)'], t.typeI[j]!, 3, `${where} ${a} type I`);
        same(r!['Output multiplier, Type II (US$ of output per US$ of final demand)'], t.typeII[j]!, 3, `${where} ${a} type II`);
        same(r!['Backward linkage (index, average = 1)'], t.bl[j]!, 3, `${where} ${a} backward`);
        same(r!['Forward linkage (index, average = 1)'], t.fl[j]!, 3, `${where} ${a} forward`);
        expect(r!.Class, `${where} ${a}`).toBe(t.classes[j]);
      }
      for (const rows of Object.values(printed)) expect(rows.map((r) => r.Industry)).toEqual(t.acts);
    });
    const key = t.acts.filter((_, j) => t.classes[j] === 'key');
    for (const [where, doc] of [
      ['report.html', html],
      ['summary.md', md],
    ] as const) {
      expect(doc, where).toContain(`(backward and forward linkages above the average of the industries): ${key.join(', ')}.`);
    }
    expect(stdout).toContain(`key sectors: ${key.join(', ')}`);
  });

  it('the ADB digital share is one number in the multipliers stage, the report, summary.md, the command line and simulate', () => {
    const t = thaIndustries();
    const share = (100 * (t.direct + t.induced)) / t.gva;
    const summary = JSON.parse(readFileSync(join(out, 'multipliers', 'leontief', 'summary.json'), 'utf8')) as {
      digital: { directValueAdded: number; inducedValueAdded: number; shareOfGdp: number; denominator: string };
    };
    expect(summary.digital.directValueAdded).toBeCloseTo(t.direct, 6);
    expect(summary.digital.inducedValueAdded).toBeCloseTo(t.induced, 6);
    expect(summary.digital.denominator).toBe('gross value added at basic prices');
    for (const [where, doc] of [
      ['report.html', html],
      ['summary.md', md],
    ] as const) {
      expect(doc, where).toContain(
        `${Math.round(t.direct)} US$ million plus value added induced in the other industries along their domestic backward linkages ${Math.round(t.induced)} US$ million, together ${share.toFixed(2)} %`,
      );
    }
    expect(stdout).toContain(`digital economy ${share.toFixed(2)} % of gross value added at basic prices`);
    // simulate: the same measure on the model's benchmark flows
    for (const h of readCsvRecords(join(out, 'simulate', 'headline.csv'))) {
      expect(100 * Number(h.digital_va_share_base), h.scenario).toBeCloseTo((100 * t.direct) / t.gva, 6);
      expect(100 * Number(h.digital_induced_share_base), h.scenario).toBeCloseTo((100 * t.induced) / t.gva, 6);
    }
    // html and summary.md print a change as `before → after`; the workbook holds both as numbers
    const beforeOf = (r: Record<string, unknown>, header: string, unit: string) =>
      r[`${header} (${unit})`] !== undefined
        ? String(r[`${header} (${unit})`]).split(' → ')[0]
        : (r[`${header}, before (${unit})`] as number).toFixed(2);
    for (const [where, rows] of Object.entries(everywhere('scenarios', 'Headline results by scenario'))) {
      expect(rows.length, where).toBeGreaterThan(0);
      for (const r of rows) {
        expect(beforeOf(r, 'Digital industries’ value added, direct', '% of GVA at basic prices'), where).toBe(
          ((100 * t.direct) / t.gva).toFixed(2),
        );
        expect(beforeOf(r, 'Digital value added induced in other industries', '% of GVA at basic prices'), where).toBe(
          ((100 * t.induced) / t.gva).toFixed(2),
        );
      }
    }
  });
});

// --- the balanced-panel Gini -----------------------------------------------------------------------

/** HH7 national totals by area and year (≥ 2000) from observations.csv, and the years every area has. */
function hh7Panel() {
  const obs = readCsvRecords(join(out, 'observations.csv')).filter(
    (o) =>
      o.INDICATOR === 'HH7' &&
      o.SEX === '_T' &&
      o.AGE === '_T' &&
      o.URBANISATION === '_T' &&
      o.INCOME_WEALTH_QUANTILE === '_T' &&
      o.FREQ === 'A' &&
      o.OBS_VALUE !== '',
  );
  const by = new Map<string, Map<number, number>>();
  for (const o of obs) {
    const y = Number(o.TIME_PERIOD);
    if (y < 2000) continue;
    if (!by.has(o.REF_AREA!)) by.set(o.REF_AREA!, new Map());
    by.get(o.REF_AREA!)!.set(y, Number(o.OBS_VALUE));
  }
  // ASEAN comparisons use the members of each year: Timor-Leste joined on 26 October 2025, after every year here
  const areas = [...by.keys()].filter((a) => a !== 'TLS').sort();
  const years = [...new Set([...areas.map((a) => by.get(a)!).flatMap((m) => [...m.keys()])])].sort((a, b) => a - b);
  const balanced = years.filter((y) => areas.every((a) => by.get(a)!.has(y)));
  const gini = new Map(balanced.map((y) => [y, giniPlain(areas.map((a) => by.get(a)!.get(y)!))]));
  return { areas, years, balanced, gini };
}

describe('the balanced-panel Gini of Internet use, in every place it is printed', () => {
  it('dispersion.csv, the report table, the workbook and summary.md print the balanced years only, with the recomputed Gini', () => {
    const p = hh7Panel();
    expect(p.areas).toHaveLength(10);
    const csv = readCsvRecords(join(out, 'divide', 'dispersion.csv')).filter((r) => r.indicator === 'HH7');
    for (const y of p.balanced) expect(Number(csv.find((r) => Number(r.time_period) === y)!.gini), `${y}`).toBeCloseTo(p.gini.get(y)!, 9);
    const printed = everywhere('dispersion', 'Dispersion of Internet use (HH7) across Member States by year: balanced panel');
    for (const [where, rows] of Object.entries(printed)) {
      const shown = rows.map((r) => Number(r.Year));
      // summary.md keeps the most recent rows of a long table
      const expected = where === 'md' ? p.balanced.slice(-shown.length) : p.balanced;
      expect(shown, where).toEqual(expected);
      for (const r of rows) same(r['Gini (0–1)'], p.gini.get(Number(r.Year))!, 3, `${where} ${r.Year}`);
    }
    expect(printed.md.length).toBeLessThan(p.balanced.length);
    expect(md).toMatch(
      new RegExp(
        `showing the ${printed.md.length} most recent of ${p.balanced.length} rows: the ${p.balanced.length - printed.md.length} earliest rows \\(${p.balanced[0]}–${p.balanced[p.balanced.length - printed.md.length - 1]}\\) are left out here`,
      ),
    );
    // years with missing areas stand apart, labelled
    const apart = everywhere('dispersion_incomplete', 'Years with missing Member States');
    for (const rows of Object.values(apart))
      expect(rows.map((r) => Number(r.Year))).toEqual(p.years.filter((y) => !p.balanced.includes(y)));
  });

  it('the command line headline compares the first and last years of the balanced panel', () => {
    const p = hh7Panel();
    const first = p.balanced[0]!;
    const last = p.balanced[p.balanced.length - 1]!;
    expect(stdout).toContain(
      `HH7 Gini ${p.gini.get(first)!.toFixed(3)} (${first}) → ${p.gini.get(last)!.toFixed(3)} (${last}), balanced panel of ${p.areas.length} areas`,
    );
  });
});

describe('the demo’s output folder', () => {
  it('holds the SAMs its figures come from', () => {
    expect(
      readdirSync(join(out, 'sam'))
        .filter((f) => f.endsWith('.csv') && f !== 'checks.csv' && f !== 'provenance.csv')
        .sort(),
    ).toEqual(ASEAN.map((a) => `${a}.csv`));
  });
  it('holds the per-block provenance of those SAMs and prints it in the report, with the closing note per economy', () => {
    const prov = readCsvRecords(join(out, 'sam', 'provenance.csv'));
    expect([...new Set(prov.map((r) => r.iso3))].sort()).toEqual(ASEAN);
    const t = everywhere('sam_provenance', 'Where each block of the ASEAN SAMs comes from: whose data, which year, which assumption');
    // report.html and the workbook hold every row; summary.md is capped and says which rows it left out
    expect(t.html.length).toBe(prov.length);
    expect(t.xlsx.length).toBe(prov.length);
    expect(t.md.length).toBeGreaterThan(0);
    expect(t.md.length).toBeLessThanOrEqual(prov.length);
    for (const r of t.html) {
      const p = prov.find((x) => x.iso3 === r.Area && x.block === r.Block)!;
      expect(r.Origin, `${r.Area} ${r.Block}`).toBe(p.origin);
      expect(r.Data).toBe(p.data);
    }
    expect(html).toContain(
      'PHL: own data for sector totals, intermediate use, value added, final demand, imports and taxes on imports, income distribution.',
    );
    expect(html).toMatch(/SGP: own data for sector totals; borrowed: intermediate use/);
  });
});

describe('scenario figures: one default database, its year and vintage, units and signs explained', () => {
  it('`digicge simulate` without options gives the demo’s numbers for the same scenario', () => {
    const dir = mkdtempSync(join(tmpdir(), 'digicge-simulate-default-'));
    const scenario = join(import.meta.dirname, '../../datasets/ddcge/scenarios/rural-connectivity.json');
    const r = spawnSync(process.execPath, [BIN, 'simulate', '--scenario', scenario, '--out', dir], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const mine = readCsvRecords(join(dir, 'headline.csv'))[0]!;
    const demo = readCsvRecords(join(out, 'simulate', 'headline.csv')).find((h) => h.scenario === 'rural-connectivity')!;
    expect(mine).toEqual(demo);
    expect(r.stdout).toContain(`(database baseline ${demo.base_year}; ${demo.data_vintage})`);
  }, 300_000);

  it('prints the baseline year and data vintage with every result', () => {
    const headline = readCsvRecords(join(out, 'simulate', 'headline.csv'));
    const params = JSON.parse(readFileSync(join(import.meta.dirname, '../../datasets/ddcge/THA/params.json'), 'utf8')) as {
      provenance: { baseYear: string; samFile: string };
    };
    for (const h of headline) {
      expect(h.base_year).toBe(params.provenance.baseYear);
      expect(h.data_vintage).toContain(params.provenance.samFile);
    }
    for (const [where, rows] of Object.entries(everywhere('scenarios', 'Headline results by scenario'))) {
      for (const r of rows) expect(String(r['Baseline year']), where).toBe(params.provenance.baseYear);
    }
    for (const doc of [html, md])
      expect(doc).toContain(`Database: THA: baseline ${params.provenance.baseYear}; ${headline[0]!.data_vintage}.`);
    expect(stdout).toContain(`(database baseline ${params.provenance.baseYear}; `);
  });

  it('states the broadband investment in US$ million, as subscriptions added × cost per subscription', () => {
    const s = JSON.parse(readFileSync(join(import.meta.dirname, '../../datasets/ddcge/scenarios/broadband-government.json'), 'utf8')) as {
      targets: { targetPer100: number; baselinePer100ByArea: Record<string, { value: number }>; costPerSubscription: { value: number } }[];
    };
    const t = s.targets[0]!;
    const params = JSON.parse(readFileSync(join(import.meta.dirname, '../../datasets/ddcge/THA/params.json'), 'utf8')) as {
      provenance: { baseline: { urbanPopulation: number; ruralPopulation: number } };
    };
    const pop = params.provenance.baseline.urbanPopulation + params.provenance.baseline.ruralPopulation;
    const usdMillion = (((t.targetPer100 - t.baselinePer100ByArea.THA!.value) / 100) * pop * t.costPerSubscription.value) / 1e6;
    const results = JSON.parse(readFileSync(join(out, 'simulate', 'results.json'), 'utf8')) as { scenario: string; statements: string[] }[];
    const statement = results.find((r) => r.scenario === 'broadband-government')!.statements.join(' ');
    expect(statement).toContain(`investment US$ ${usdMillion.toFixed(1)} million`);
    expect(statement).toContain(`at US$ ${t.costPerSubscription.value} each`);
    expect(readFileSync(join(out, 'simulate', 'summary.txt'), 'utf8')).not.toMatch(/in the SAM's unit/);
  });

  it('says why real GDP and the households’ gain have opposite signs, with each group’s part recomputed from welfare.csv', () => {
    const welfare = readCsvRecords(join(out, 'simulate', 'welfare.csv'));
    const disagree = readCsvRecords(join(out, 'simulate', 'headline.csv')).filter(
      (h) => Number(h.gdp_real_pct) * Number(h.ev_aggregate) < 0,
    );
    expect(disagree.map((h) => h.scenario)).toContain('digital-skills');
    for (const h of disagree) {
      const groups = welfare
        .filter((w) => w.scenario === h.scenario)
        .map((w) => ({
          h: w.household!,
          gain:
            Number(w.population) * (Number(w.spending_per_capita_base) + Number(w.ev_per_capita)) -
            Number(w.population_base) * Number(w.spending_per_capita_base),
        }));
      // the groups' parts add up to the headline gain
      expect(groups.reduce((s, g) => s + g.gain, 0)).toBeCloseTo(Number(h.ev_aggregate), 3);
      for (const doc of [html, md]) {
        const at = doc.indexOf(`THA ${h.scenario}: Why real GDP rises while the households’ money-metric gain is negative`);
        expect(at, h.scenario).toBeGreaterThan(0);
        const note = doc.slice(at, doc.indexOf('\n', at));
        for (const g of groups) expect(note).toContain(`${g.h} ${g.gain >= 0 ? '+' : '−'}${Math.abs(g.gain).toFixed(1)}`);
      }
    }
  });

  it('gives every numeric column of the report a unit, except counts, ranks and years', () => {
    const unitless =
      /^(Year|Latest year|Year reached|Baseline year|Areas|Accounts|Observations|Observations used|Nominal rank|Median rank|5th percentile|95th percentile|p-value)$/;
    for (const m of html.matchAll(/<table id="([^"]+)">/g)) {
      const rows = htmlTable(m[1]!);
      for (const header of Object.keys(rows[0] ?? {})) {
        const numeric = rows.some((r) => /^-?[\d,]+(\.\d+)?$/.test(r[header]!));
        if (numeric && !unitless.test(header)) expect(header, `${m[1]}: ${header}`).toMatch(/\(.+\)$/);
      }
    }
  });
});
