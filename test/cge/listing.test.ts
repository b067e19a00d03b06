import { describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as cgeLibrary from '../../src/cge/index.js';
import {
  buildModelDocument,
  MODEL_LIBRARY,
  modelDocument,
  prepareModel,
  type CgeModelDefinition,
  type ModelDocumentation,
  type PreparedModel,
  type SamInput,
} from '../../src/cge/index.js';
import { runCli } from '../../src/cli/program.js';
import type { ModelError } from '../../src/errors.js';
import { checkCalibrationText } from '../support/calibration-eval.js';
import { ddcgeTestParams, ddcgeTestSam } from './digital/fixture.js';
import { oneFactorParams, oneFactorSam } from './digital/one-factor-fixture.js';
import { loadSam, ROOT } from './helpers/sam.js';

const DOCUMENTED = Object.values(MODEL_LIBRARY).filter((d) => d.documentation);
const DEFAULTS = { world_export_price: 1, world_import_price: 1, channels: 0 };

async function documentData(def: CgeModelDefinition): Promise<{ sam: SamInput; params: Record<string, unknown> }> {
  const d = def.documentation!.data;
  const sam = await loadSam(join(ROOT, d.sam));
  const params = d.params ? (JSON.parse(readFileSync(join(ROOT, d.params), 'utf8')) as Record<string, unknown>) : {};
  return { sam, params };
}

/** Code spans of a Markdown text (outside fenced blocks too: a fenced block is checked through the model). */
function codeSpans(md: string): string[] {
  const text = md.replace(/```[\s\S]*?```/g, '');
  return [...text.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!);
}

describe('model documents are generated from the models', () => {
  it('every library model has one, and the committed documents are up to date (run `npx digicge cge document --all` if this fails)', async () => {
    expect(DOCUMENTED.map((d) => d.name).sort()).toEqual(['ddcge', 'splcge', 'stdcge']);
    for (const def of DOCUMENTED) {
      const committed = readFileSync(join(ROOT, def.documentation!.path), 'utf8');
      expect(committed, `${def.documentation!.path} is stale`).toBe(await buildModelDocument(def));
    }
  });

  it('name no symbol the model does not have: every identifier in code is a symbol, element, benchmark value, parameter-file key, closure or library export', async () => {
    for (const def of DOCUMENTED) {
      const { sam, params } = await documentData(def);
      const prep = prepareModel(def, sam, params);
      const m = prep.calibrated.model;
      const known = new Set<string>([
        def.name,
        ...m.setList.flatMap((s) => [s.name, ...s.elements]),
        ...m.aliasList.map(([a]) => a),
        ...m.parameterList.map((p) => p.name),
        ...m.variableList.map((v) => v.name),
        ...m.equationList.map((e) => e.name),
        ...(prep.calibrated.calibration?.statements ?? []).map((s) => s.name),
        ...def.documentation!.parameterFile.map((k) => k.key),
        ...Object.keys(prep.calibrated.closures),
        ...Object.keys(cgeLibrary),
        ...sam.accounts.map((a) => a.label),
        ...(def.documentation!.data.assumptions
          ? Object.keys(JSON.parse(readFileSync(join(ROOT, def.documentation!.data.assumptions), 'utf8')) as object)
          : []),
        // the calibration language: SAM cells SAM(row,col), sums and products, conditions, levels (.l) and fixings (.fx)
        ...['SAM', 'row', 'col', 'sum', 'prod', 'not', 'l', 'fx'],
      ]);
      const text = readFileSync(join(ROOT, def.documentation!.path), 'utf8');
      // a whole span that is one name, and every name used as a function inside any span
      const names = new Set<string>();
      for (const span of codeSpans(text)) {
        const whole = /^([A-Za-z_][A-Za-z0-9_]*)(?:\(([^()]*)\))?$/.exec(span);
        if (whole)
          [whole[1]!, ...(whole[2] ?? '').split(',').map((a) => a.replace(/'/g, '').trim())].filter(Boolean).forEach((x) => names.add(x));
        for (const call of span.replace(/"[^"]*"/g, '').matchAll(/\b([A-Za-z_][A-Za-z0-9_]*)\s*\(/g)) names.add(call[1]!);
      }
      const unknown = [...names].filter((x) => !known.has(x));
      expect(unknown, def.name).toEqual([]);
    }
  });

  it('the document that described an IFPRI-style model would fail that check', () => {
    // symbols of the specification ddcge was documented with before its document was generated
    const old = [
      'PQ(c)',
      'QX(c)',
      'PA(a)',
      'PVA(a)',
      'QVA(a)',
      'QINT(c,a)',
      'CPI',
      'cwts(c)',
      'WFDIST(f,a)',
      'QFS(f)',
      'YF(h)',
      'MPSADJ',
      'TYADJ',
      'FSAV',
      'EXR',
      'SENT',
      'GSAV',
      'QINV(c)',
      'PQH(c,h)',
      'QH(c,h)',
      'shif(h,f)',
    ];
    const m = cgeLibrary.calibrateDdcge(ddcgeTestSam(), ddcgeTestParams()).model;
    const found = old.filter((s) => {
      try {
        cgeLibrary.checkReference(m, s, 'test');
        return true;
      } catch (err) {
        expect((err as ModelError).code).toBe('DOCUMENT_UNKNOWN_SYMBOL');
        return false;
      }
    });
    expect(found).toEqual([]);
  });

  it('check every {{symbol}} of the prose: an unknown name or a wrong number of indices is a located error', async () => {
    const def = MODEL_LIBRARY.splcge!;
    const { sam, params } = await documentData(def);
    const prepared = prepareModel(def, sam, params);
    const withSummary = (summary: string): CgeModelDefinition => ({
      ...def,
      documentation: { ...def.documentation!, summary } as ModelDocumentation,
    });
    const fails = (summary: string) => {
      try {
        modelDocument({ definition: withSummary(summary), prepared });
      } catch (err) {
        return err as ModelError;
      }
      throw new Error('expected an error');
    };
    expect(fails('the consumer price index {{CPI}}').code).toBe('DOCUMENT_UNKNOWN_SYMBOL');
    expect(fails('demand {{X(i,j)}}').message).toMatch(/X has 1 index\(es\) \(i\), 2 written/);
    expect(fails('demand {{X(c)}}').message).toMatch(/index "c" is not a set/);
    expect(modelDocument({ definition: withSummary('demand {{X(i)}} at {{px(i)}}'), prepared })).toContain('demand `X(i)` at `px(i)`');
  });

  it('list every equation of the model exactly where its text puts it, and fail when the text lacks one', async () => {
    const def = MODEL_LIBRARY.splcge!;
    const { sam, params } = await documentData(def);
    const prepared = prepareModel(def, sam, params);
    const doc = modelDocument({ definition: def, prepared });
    for (const e of prepared.calibrated.model.equationList) expect(doc).toContain(`${e.source};`);
    const short = { ...def, documentation: { ...def.documentation!, equations: def.documentation!.equations.replace(/^obj\.\..*$/m, '') } };
    expect(() => modelDocument({ definition: short, prepared })).toThrow(/lacks obj/);
  });

  it('document every key of the shipped parameter files, and the files hold every required key', async () => {
    for (const def of DOCUMENTED) {
      const { params } = await documentData(def);
      const documented = new Set(def.documentation!.parameterFile.map((k) => k.key.split('.')[0]!));
      expect(
        Object.keys(params).filter((k) => !documented.has(k)),
        def.name,
      ).toEqual([]);
      const required = def.documentation!.parameterFile.filter((k) => k.required).map((k) => k.key);
      expect(
        required.filter((k) => !(k in params)),
        def.name,
      ).toEqual([]);
    }
  });
});

describe('the calibration text of each model, evaluated independently, gives the calibrated values', () => {
  const cases: [string, () => Promise<{ def: CgeModelDefinition; sam: SamInput; params: Record<string, unknown> }>][] = [
    ['stdcge on its SAM', async () => ({ def: MODEL_LIBRARY.stdcge!, ...(await documentData(MODEL_LIBRARY.stdcge!)) })],
    ['splcge on its SAM', async () => ({ def: MODEL_LIBRARY.splcge!, ...(await documentData(MODEL_LIBRARY.splcge!)) })],
    ['ddcge on the Thai database', async () => ({ def: MODEL_LIBRARY.ddcge!, ...(await documentData(MODEL_LIBRARY.ddcge!)) })],
    [
      'ddcge on the test SAM with channels',
      async () => ({
        def: MODEL_LIBRARY.ddcge!,
        sam: ddcgeTestSam(),
        params: ddcgeTestParams({ access_quantity: 1e-6, price_discount: 0.05, productivity_premium: { LAB_DS: 0.2 }, spillover: 0.1 }),
      }),
    ],
    [
      'ddcge on the one-factor economy (no trade, untaxed)',
      async () => ({ def: MODEL_LIBRARY.ddcge!, sam: oneFactorSam(), params: oneFactorParams() }),
    ],
  ];
  for (const [name, load] of cases) {
    it(name, async () => {
      const { def, sam, params } = await load();
      const prep: PreparedModel = prepareModel(def, sam, params);
      const c = prep.calibrated;
      const r = checkCalibrationText({ calibrated: c, sam, params, defaults: DEFAULTS });
      expect(r.mismatches.slice(0, 5)).toEqual([]);
      // every parameter and variable has its statement
      const stated = (kind: string) => new Set(c.calibration!.statements.filter((s) => s.kind === kind).map((s) => s.name));
      expect(c.model.parameterList.map((p) => p.name).filter((p) => !stated('parameter').has(p))).toEqual([]);
      expect(c.model.variableList.map((v) => v.name).filter((v) => !stated('level').has(v))).toEqual([]);
      // every parameter-file key the statements read is documented
      const documented = new Set(def.documentation!.parameterFile.map((k) => k.key.split('.')[0]!));
      expect([...r.keys].filter((k) => !documented.has(k))).toEqual([]);
    });
  }

  it('a calibration text that differs from the code is caught', async () => {
    const { sam, params } = await documentData(MODEL_LIBRARY.stdcge!);
    const c = MODEL_LIBRARY.stdcge!.calibrate(sam, params);
    const statements = c.calibration!.statements.map((s) =>
      s.kind === 'parameter' && s.name === 'ay' ? { ...s, value: 'Y0(j)/sum(i, X0(i,j))' } : s,
    );
    const r = checkCalibrationText({ calibrated: { ...c, calibration: { statements } }, sam, params, defaults: DEFAULTS });
    expect(r.mismatches.map((x) => x.statement)).toEqual(['parameter ay', 'parameter ay']);
  });
});

describe('digicge cge document', () => {
  async function cli(...args: string[]) {
    let stdout = '';
    let stderr = '';
    const o = vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => ((stdout += String(s)), true));
    const e = vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => ((stderr += String(s)), true));
    try {
      return { status: await runCli(args), stdout, stderr };
    } finally {
      o.mockRestore();
      e.mockRestore();
    }
  }

  it('prints a library model document, and writes it with --out', async () => {
    const shown = await cli('cge', 'document', '--model', 'splcge');
    expect(shown.status, shown.stderr).toBe(0);
    expect(shown.stdout).toBe(readFileSync(join(ROOT, 'docs/models/splcge.md'), 'utf8'));
    const out = join(mkdtempSync(join(tmpdir(), 'digicge-doc-')), 'ddcge.md');
    const written = await cli('cge', 'document', '--model', 'ddcge', '--out', out);
    expect(written.status, written.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(join(ROOT, 'docs/models/digital-divide.md'), 'utf8'));
  });

  it('lists a model file without documentation on the SAM given, and asks for one when none is given', async () => {
    const file = join(ROOT, 'test/cge/fixtures/exchange.model.ts');
    const r = await cli('cge', 'document', '--model', file, '--sam', join(ROOT, 'datasets/models/splcge/sam.csv'));
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/# Model `builder-splcge`/);
    expect(r.stdout).toMatch(/eqpx\(i\)\.\. X\(i\) =e= Z\(i\);/);
    const none = await cli('cge', 'document', '--model', file);
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/give --sam/);
  });
});
