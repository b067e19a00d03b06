/**
 * Digital-divide scenarios stated in the guideline's indicators
 * (`guidelines/schemas/digital-scenario.schema.json`) and their translation into explicit ddcge
 * parameter shocks. The translation records the harmonised observations and the assumptions it used.
 * @module
 */
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { InputError, ModelError, SchemaError, UsageError } from '../../errors.js';
import type { DigitalScenario, Target as DigitalTarget } from '../../guidelines/generated/digital-scenario.js';
import type { CgeScenario } from '../scenario.js';
import type { PreparedModel } from '../run.js';
import { broadbandInvestment } from './broadband.js';
import { connectivityShift, type ConnectivityBaseline, type ConnectivityShift } from './connectivity.js';
import { connectivityScenario } from './scenario.js';
import { checkSchemaVersion } from '../../guidelines/schema-version.js';

export type { DigitalScenario, Target as DigitalTarget } from '../../guidelines/generated/digital-scenario.js';

type Shock = NonNullable<CgeScenario['shocks']>[number];

/** A scenario translated into ddcge shocks, with what the translation used. */
export interface TranslatedScenario {
  scenario: CgeScenario;
  /** The targets in words, with the baseline values they start from. */
  statements: string[];
  /** Harmonised observations used (from the connectivity baseline). */
  observations: string[];
  /** Assumptions used: the database's baseline assumptions and the scenario's own, with sources. */
  assumptions: string[];
  /** The population shift of a connectivity target, if any. */
  shift?: ConnectivityShift;
}

let validator: (((d: unknown) => boolean) & { errors?: { instancePath: string; message?: string }[] | null }) | undefined;

/** Validates digital-scenario JSON against its schema; throws SchemaError with every issue's JSON path. */
export function parseDigitalScenario(data: unknown, file?: string): DigitalScenario {
  checkSchemaVersion('digital-scenario', data, file);
  if (!validator) {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const dir = join(import.meta.dirname, '../../../guidelines/schemas');
    ajv.addSchema(JSON.parse(readFileSync(join(dir, 'closure.schema.json'), 'utf8')));
    ajv.addSchema(JSON.parse(readFileSync(join(dir, 'scenario.schema.json'), 'utf8')));
    validator = ajv.compile(JSON.parse(readFileSync(join(dir, 'digital-scenario.schema.json'), 'utf8')));
  }
  if (!validator(data)) {
    const issues = (validator.errors ?? []).map((e) => ({ jsonPath: e.instancePath, message: e.message ?? 'invalid' }));
    throw new SchemaError(
      `scenario does not match digital-scenario.schema.json: ${issues.map((i) => `${i.jsonPath || '/'} ${i.message}`).join('; ')}`,
      { ...(file ? { file } : {}), jsonPath: issues[0]?.jsonPath ?? '' },
      issues,
    );
  }
  const s = data as DigitalScenario;
  (s.shocks ?? []).forEach((sh, i) => {
    const n = (['set', 'scale', 'add'] as const).filter((op) => sh[op] !== undefined).length;
    if (n !== 1)
      throw new SchemaError('a shock needs exactly one of set, scale, add', { ...(file ? { file } : {}), jsonPath: `/shocks/${i}` }, []);
  });
  return s;
}

/** Reads and validates a digital scenario file. */
export async function readDigitalScenario(path: string): Promise<DigitalScenario> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(path, 'utf8'));
  } catch (err) {
    throw new InputError('SCENARIO_UNREADABLE', `cannot read the scenario: ${(err as Error).message}`, { file: path });
  }
  return parseDigitalScenario(data, path);
}

function paramValue(prep: PreparedModel, name: string, index: readonly string[] = []): number {
  const m = prep.calibrated.model;
  return prep.p0[prep.compiled.params.offset.get(name)! + m.flatIndex(m.getParameter(name), index)]!;
}

const sourced = (label: string, v: { value: number; source: string }) => `${label} = ${v.value} (${v.source})`;

/**
 * Translates a digital scenario into explicit ddcge shocks on a prepared model:
 * - `use-reaches` / `close-gap`: the connectivity shift of {@link connectivityShift} from the
 *   database's baseline, then {@link connectivityScenario} (POP, FFH, acc, dpo, TFP);
 * - `broadband`: subscriptions to add, (target − baseline)/100 × population, times the cost per
 *   subscription (US$, converted to the SAM's unit by `moneyUnitPerUsd`) → the programme `XvP` on
 *   the goods of `allocation`; financing `government` (gshare = 1), `foreign` (fshare = 1) or
 *   `private` (out of the savings pool: crowds out other investment);
 * - `skills-training`: a share of each named group's other-labour endowment becomes digitally
 *   skilled labour, earning the stated premium: FFH(LAB_OT) − s·FFH(LAB_OT),
 *   FFH(LAB_DS) + s·FFH(LAB_OT)·(1 + premium) (in benchmark efficiency units, after any connectivity move);
 * - `remove-ict-tariffs`: `taum = 0` for the digital goods;
 * then the scenario's explicit shocks, in order. The same statement always gives the same shocks.
 */
export function translateDigitalScenario(
  prep: PreparedModel,
  baseline: ConnectivityBaseline,
  s: DigitalScenario,
  file?: string,
): TranslatedScenario {
  const m = prep.calibrated.model;
  const statements: string[] = [];
  const assumptions: string[] = [...baseline.assumptions];
  for (const [k, a] of Object.entries(s.assumptions ?? {}).sort(([a], [b]) => a.localeCompare(b)))
    assumptions.push(`${k}: ${JSON.stringify(a.value)} (${a.source})`);
  const targets = s.targets ?? [];
  const connectivity = targets.filter((t) => t.kind === 'use-reaches' || t.kind === 'close-gap');
  if (connectivity.length > 1) {
    throw new UsageError(
      'SCENARIO_TWO_CONNECTIVITY_TARGETS',
      'a scenario states at most one connectivity target (use-reaches or close-gap)',
      { ...(file ? { file } : {}), jsonPath: '/targets' },
    );
  }
  const shocks: Shock[] = [];
  let shift: ConnectivityShift | undefined;
  // FFH after the connectivity move, for composing with skills training
  const ffh = new Map<string, number>();
  const ffhOf = (f: string, h: string) => ffh.get(`${f}|${h}`) ?? paramValue(prep, 'FFH', [f, h]);
  const c = connectivity[0];
  if (c) {
    shift = connectivityShift(
      baseline,
      c.kind === 'close-gap'
        ? { kind: 'close-gap', fraction: c.fraction }
        : { kind: 'use-reaches', urbanisation: c.urbanisation, percent: c.percent },
    );
    statements.push(shift.statement);
    const cs = connectivityScenario(prep, shift, s.name);
    for (const sh of cs.shocks ?? []) {
      if (sh.parameter === 'FFH') ffh.set(`${sh.index![0]}|${sh.index![1]}`, sh.set!);
      else shocks.push(sh);
    }
  }
  const goods = m.getSet('i').elements;
  targets.forEach((t, k) => {
    const at = `/targets/${k}`;
    if (t.kind === 'broadband') {
      const population = baseline.urbanPopulation + baseline.ruralPopulation;
      const base = t.baselinePer100ByArea?.[baseline.area] ?? t.baselinePer100;
      const bb = broadbandInvestment({
        baselinePer100: base.value,
        targetPer100: t.targetPer100,
        population,
        costPerSubscription: t.costPerSubscription,
      });
      const unit = t.moneyUnitPerUsd ?? 1e-6;
      const total = bb.investment * unit;
      const shares = Object.entries(t.allocation).sort(([a], [b]) => a.localeCompare(b));
      const sum = shares.reduce((x, [, v]) => x + v, 0);
      if (!(Math.abs(sum - 1) < 1e-9))
        throw new UsageError('ALLOCATION_NOT_ONE', `the broadband investment's allocation must sum to 1, got ${sum}`, {
          ...(file ? { file } : {}),
          jsonPath: `${at}/allocation`,
        });
      for (const [g, share] of shares) {
        if (!goods.includes(g))
          throw new ModelError('UNKNOWN_ELEMENT', `allocation names good "${g}", not a good of the model (${goods.join(', ')})`, {
            ...(file ? { file } : {}),
            jsonPath: `${at}/allocation/${g}`,
          });
        shocks.push({ parameter: 'XvP', index: [g], set: total * share });
      }
      if (t.financing === 'government') shocks.push({ parameter: 'gshare', set: 1 });
      if (t.financing === 'foreign') shocks.push({ parameter: 'fshare', set: 1 });
      const money =
        unit === 1e-6
          ? `US$ ${total.toFixed(1)} million`
          : `US$ ${bb.investment.toFixed(0)} (${total.toFixed(3)} in the SAM's money unit at ${unit} per US$)`;
      statements.push(
        `${bb.statement}; investment ${money}, financed by ${t.financing === 'private' ? 'private savings (crowding out other investment)' : t.financing === 'government' ? 'the government' : 'foreign savings'}`,
      );
      assumptions.push(
        sourced(`baseline fixed-broadband subscriptions per 100 (${baseline.area})`, base),
        sourced('cost per subscription (US$)', t.costPerSubscription),
      );
    } else if (t.kind === 'skills-training') {
      const groups = t.groups ?? m.getSet('hh').elements;
      for (const h of groups) {
        if (!m.getSet('hh').elements.includes(h))
          throw new ModelError('UNKNOWN_ELEMENT', `skills training names household "${h}", not a household of the model`, {
            ...(file ? { file } : {}),
            jsonPath: `${at}/groups`,
          });
        const ot = ffhOf('LAB_OT', h);
        const moved = t.share.value * ot;
        ffh.set(`LAB_OT|${h}`, ot - moved);
        ffh.set(`LAB_DS|${h}`, ffhOf('LAB_DS', h) + moved * (1 + t.skillPremium.value));
      }
      statements.push(
        `digital skills training: ${(100 * t.share.value).toFixed(1)} % of other labour in ${groups.join(', ')} becomes digitally skilled, earning ${(100 * t.skillPremium.value).toFixed(1)} % more`,
      );
      assumptions.push(sourced('share of other labour trained', t.share), sourced('skill premium', t.skillPremium));
    } else if (t.kind === 'remove-ict-tariffs') {
      const dig = m.getSet('dig').elements;
      for (const g of dig) shocks.push({ parameter: 'taum', index: [g], set: 0 });
      statements.push(
        `import tariffs on the digital goods (${dig.join(', ')}) removed: benchmark rates ${dig.map((g) => `${g} ${(100 * paramValue(prep, 'taum', [g])).toFixed(2)} %`).join(', ')}`,
      );
    }
  });
  for (const [key, v] of [...ffh].sort(([a], [b]) => a.localeCompare(b))) {
    const [f, h] = key.split('|') as [string, string];
    if (v !== paramValue(prep, 'FFH', [f, h])) shocks.push({ parameter: 'FFH', index: [f, h], set: v });
  }
  for (const sh of s.shocks ?? []) shocks.push(sh);
  const scenario: CgeScenario = {
    name: s.name,
    ...(s.description ? { description: s.description } : {}),
    ...(s.closure ? { closure: s.closure } : {}),
    ...(s.swaps ? { swaps: s.swaps } : {}),
    shocks,
  };
  return { scenario, statements, observations: baseline.provenance, assumptions, ...(shift ? { shift } : {}) };
}

export type { DigitalTarget as DigitalScenarioTarget };
