import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { connectivityShift, readDdcgeDatabase } from '../../src/cge/index.js';
import { readSamCsv } from '../../src/sam/io/csv.js';
import { GUIDELINE_CHAPTERS, checkGuidelineFiles, loadCatalogue, renderGuideline, staleGuidelineDocs } from '../../src/guidelines/index.js';

const ROOT = join(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/digicge.js');

describe('rendered guideline documents', () => {
  it('are up to date in docs/guideline (run `npx digicge guidelines build` if this fails)', () => {
    const rendered = renderGuideline();
    for (const [name, text] of rendered) {
      const committed = readFileSync(join(ROOT, 'docs/guideline', name), 'utf8');
      expect(committed, `docs/guideline/${name} is stale`).toBe(text);
    }
    expect(staleGuidelineDocs()).toEqual([]);
  });

  it('render the ten chapters, deterministically', () => {
    const a = renderGuideline();
    const b = renderGuideline();
    expect([...a.keys()]).toEqual(GUIDELINE_CHAPTERS.map((c) => c.file));
    expect([...a.keys()]).toEqual([
      '01-scope.md',
      '02-indicators.md',
      '03-code-lists.md',
      '04-digital-sector-classification.md',
      '05-quality-rules.md',
      '06-submitting-data.md',
      '07-data-requirements.md',
      '08-methods.md',
      '09-scenario-shocks.md',
      '10-frameworks.md',
    ]);
    for (const [k, v] of a) expect(b.get(k)).toBe(v);
  });

  it('give every indicator its own section and every code list its own table', () => {
    const docs = renderGuideline();
    const indicators = docs.get('02-indicators.md')!;
    for (const ind of loadCatalogue().indicators) expect(indicators).toContain(`### ${ind.code} — ${ind.name}`);
    const lists = docs.get('03-code-lists.md')!;
    for (const id of ['CL_AREA', 'CL_SEX', 'CL_OBS_STATUS', 'CL_UNIT_MEASURE']) expect(lists).toContain(`## ${id} — `);
    expect(lists).toContain('| ID-JK | DKI Jakarta | IDN | 31 |');
    expect(docs.get('04-digital-sector-classification.md')).toContain('### Assumptions');
    expect(docs.get('05-quality-rules.md')).toContain('QR_BREAKDOWN_URBANISATION');
    expect(docs.get('06-submitting-data.md')).toContain('guidelines/schemas/source-mapping.schema.json');
  });

  it('are written by `digicge guidelines build --out`', () => {
    const out = mkdtempSync(join(tmpdir(), 'digicge-guideline-'));
    const r = spawnSync(process.execPath, [BIN, 'guidelines', 'build', '--out', out], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(GUIDELINE_CHAPTERS.map((c) => c.file));
    for (const [name, text] of renderGuideline()) expect(readFileSync(join(out, name), 'utf8')).toBe(text);
  });
});

describe('chapters on preparing the CGE database agree with the shipped build', () => {
  it('data requirements: every block of the provenance file with each of its bases', () => {
    const text = renderGuideline().get('07-data-requirements.md')!;
    const prov = JSON.parse(readFileSync(join(ROOT, 'datasets/sam/asean/provenance.json'), 'utf8')) as {
      blocks: { id: string; bases: { what: string }[] }[];
    };
    for (const b of prov.blocks) {
      expect(text).toContain(`(\`${b.id}\`)`);
      for (const s of b.bases) expect(text).toContain(s.what.replace(/\|/g, '\\|'));
    }
  });

  it('methods: the worked examples are the shipped numbers, recomputed here from the files', async () => {
    const text = renderGuideline().get('08-methods.md')!;
    // splitting: 0.85 × ADB c27 output of the economy whose control total is the TEL row of THA
    const controls = parse(readFileSync(join(ROOT, 'datasets/sam/asean/controls.csv')), { columns: true }) as Record<string, string>[];
    const tel = Number(controls.find((r) => r.iso3 === 'THA' && r.sector === 'TEL')!.x);
    expect(text).toContain(`| c27 | ${(tel / 0.85).toFixed(1)} | 0.85 | TEL (TELECOM) | ${tel.toFixed(1)} | ${tel.toFixed(1)} |`);
    expect(text).toContain('one ADB economy');
    // households: URB_CON = urban population × urban connected share, from SOURCE-recorded baseline
    const db = await readDdcgeDatabase(join(ROOT, 'datasets/ddcge/THA'));
    const urbCon = Math.round(db.baseline.urbanPopulation * db.baseline.urbanShare);
    expect(text).toContain(
      `| URB_CON | ${db.baseline.urbanPopulation} | ${(100 * db.baseline.urbanShare).toFixed(2)} % | ${urbCon} | ${urbCon} |`,
    );
    expect(text).toContain('The populations of the database are these products exactly.');
    // balancing: Σ va of controls equals factor incomes + production taxes of the SAM (second reader: readSamCsv)
    const sam = await readSamCsv(join(ROOT, 'datasets/sam/asean/THA.csv'));
    const k = (l: string) => sam.labels.indexOf(l);
    const n = sam.labels.length;
    const row = (l: string) => Array.from({ length: n }, (_, j) => sam.values[k(l) * n + j]!).reduce((s, x) => s + x, 0);
    const va = controls.filter((r) => r.iso3 === 'THA').reduce((s, r) => s + Number(r.va), 0);
    expect(row('LAB-DIG') + row('LAB-OTH') + row('CAP') + row('Itax')).toBeCloseTo(va, 4);
    expect(text).toContain(`| Σ value added in controls.csv (ADB MRIO) | ${va.toFixed(1)} |`);
  });

  it("shocks: the worked close-gap example is what the model's translation does", async () => {
    const text = renderGuideline().get('09-scenario-shocks.md')!;
    const db = await readDdcgeDatabase(join(ROOT, 'datasets/ddcge/THA'));
    const shift = connectivityShift(db.baseline, { kind: 'close-gap', fraction: 0.5 });
    expect(text).toContain(`= ${(100 * shift.ruralShare).toFixed(2)} %, so`);
    for (const f of ['rural-connectivity.json', 'broadband-government.json', 'digital-skills.json', 'ict-tariffs.json'])
      expect(text).toContain(`| ${f} |`);
  });
});

describe('guideline file check', () => {
  it('finds every shipped guideline file valid', () => {
    const results = checkGuidelineFiles();
    const bad = results.filter((r) => r.status === 'error');
    expect(bad).toEqual([]);
    const files = results.map((r) => r.file);
    for (const f of [
      'guidelines/catalogue/indicators.json',
      'guidelines/codelists/CL_AREA.json',
      'guidelines/classification/digital-sectors.json',
      'guidelines/quality/rules.json',
    ]) {
      expect(files).toContain(f);
    }
  });

  it('`digicge guidelines check` exits 0 and reports stale documents with exit 1', () => {
    // run from another folder: the guideline is found from the package, not from the working directory
    const ok = spawnSync(process.execPath, [BIN, 'guidelines', 'check'], { encoding: 'utf8', cwd: tmpdir() });
    expect(ok.status, ok.stdout + ok.stderr).toBe(0);
    expect(ok.stdout).toContain('guideline is valid');
    const empty = mkdtempSync(join(tmpdir(), 'digicge-guideline-empty-'));
    const stale = spawnSync(process.execPath, [BIN, 'guidelines', 'check', '--docs', empty], { encoding: 'utf8' });
    expect(stale.status).toBe(1);
    expect(stale.stdout).toContain('STALE');
    expect(stale.stdout).toContain('01-scope.md');
  });
});

describe('digicge guidelines area', () => {
  it('prints the code, type and matching system of each text and exits 1 when one is unknown', () => {
    const r = spawnSync(process.execPath, [BIN, 'guidelines', 'area', 'VIE', 'Lao PDR', 'ID-JK', 'Atlantis'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stdout.split('\n').filter(Boolean)).toEqual([
      'VIE\tVNM\tcountry\tViet Nam\t(by adb)',
      "Lao PDR\tLAO\tcountry\tLao People's Democratic Republic\t(by name)",
      'ID-JK\tID-JK\tsubnational\tDKI Jakarta\t(by id)',
      'Atlantis\t-\tunknown',
    ]);
  });

  it('rejects an unknown --system with a usage error', () => {
    const r = spawnSync(process.execPath, [BIN, 'guidelines', 'area', 'VN', '--system', 'iso9'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('USAGE_AREA_SYSTEM');
  });
});
