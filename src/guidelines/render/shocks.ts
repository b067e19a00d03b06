import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../paths.js';
import { BANNER, bullets, code, doc, num, table } from './markdown.js';
import { shippedJson } from './shipped-data.js';
import { WORKED_EXAMPLE_AREA } from './methods.js';

interface Sourced {
  value: number;
  source: string;
}
interface ScenarioTarget {
  kind: string;
  fraction?: number;
  urbanisation?: string;
  percent?: number;
  baselinePer100?: Sourced;
  baselinePer100ByArea?: Record<string, Sourced>;
  targetPer100?: number;
  costPerSubscription?: Sourced;
  financing?: string;
  allocation?: Record<string, number>;
  share?: Sourced;
  skillPremium?: Sourced;
}
interface ScenarioFile {
  name: string;
  description?: string;
  targets?: ScenarioTarget[];
  shocks?: unknown[];
}

/** The rule of each target kind (src/cge/digital/scenarios.ts, connectivity.ts, scenario.ts). */
const RULES: [string, string, string, string][] = [
  [
    'close-gap',
    'rural HH7 rises by a fraction of the urban–rural gap: s_R′ = s_R + f·max(0, s_U − s_R)',
    'HH7 by URBANISATION (or its assumed split), POP_URB, POP_RUR of the base year',
    'POP of the four groups (people move from unconnected to connected in the same location); FFH: movers take the endowment per head of the group left, their labour (1 + premium) as productive; acc, dpo: access purchase of the telecom good and price discount on orderable goods, scaled by the newly connected share; TFP: 1 + spill·dint(j)·(CON₁ − CON₀)/CON₀',
  ],
  [
    'use-reaches',
    'HH7 of the location (U, R) reaches the stated percent; a national target (_T) raises urban and rural use by the same points, capped at 100 %; a target below the baseline is refused',
    'as close-gap',
    'as close-gap',
  ],
  [
    'broadband',
    'subscriptions to add = (target − baseline)/100 × population; investment = subscriptions × cost per subscription',
    'i4213tfbb baseline as the scenario file states it (baselinePer100ByArea for the area, else baselinePer100); population POP_URB + POP_RUR of the base year',
    'XvP (programme investment) on the goods of the allocation; financing government (gshare = 1), foreign (fshare = 1) or private savings (crowding out)',
  ],
  [
    'skills-training',
    'a share of each group\u2019s other labour becomes digitally skilled and earns the stated premium',
    'the database\u2019s factor endowments (FFH)',
    'FFH(LAB_OT) − s·FFH(LAB_OT); FFH(LAB_DS) + s·FFH(LAB_OT)·(1 + premium)',
  ],
  [
    'remove-ict-tariffs',
    'tariffs on the digital goods (ICT, TEL, ITS) set to zero',
    'the benchmark tariff rates of the SAM',
    'taum = 0 for the digital goods',
  ],
];

function target(t: ScenarioTarget): string {
  switch (t.kind) {
    case 'close-gap':
      return `close ${100 * t.fraction!} % of the urban–rural gap in HH7`;
    case 'use-reaches':
      return `HH7 (${t.urbanisation}) reaches ${t.percent} %`;
    case 'broadband':
      return `fixed broadband (i4213tfbb) to ${t.targetPer100} per 100 from ${t.baselinePer100!.value} (${Object.keys(t.baselinePer100ByArea ?? {}).length} areas with their own baseline), US$ ${t.costPerSubscription!.value} per subscription, financed by ${t.financing}`;
    case 'skills-training':
      return `${100 * t.share!.value} % of other labour trained, premium ${100 * t.skillPremium!.value} %`;
    default:
      return t.kind;
  }
}

/** Chapter 9: how indicator targets become model shocks, with the scenario library and a worked example. */
export function renderShocks(): string {
  const dir = 'datasets/ddcge/scenarios';
  const files = readdirSync(join(packageRoot(), dir))
    .filter((f) => f.endsWith('.json'))
    .sort();
  const scenarios = files.map((f) => ({ f, s: shippedJson<ScenarioFile>(`${dir}/${f}`) }));
  const a = WORKED_EXAMPLE_AREA;
  const p = shippedJson<{
    provenance: {
      baseYear: string;
      baseline: { urbanPopulation: number; ruralPopulation: number; urbanShare: number; ruralShare: number };
    };
  }>(`datasets/ddcge/${a}/params.json`).provenance;
  const b = p.baseline;
  const rural1 = b.ruralShare + 0.5 * Math.max(0, b.urbanShare - b.ruralShare);
  const movers = b.ruralPopulation * (rural1 - b.ruralShare);
  const assumptions = [
    ...new Set(
      scenarios.flatMap(({ s }) =>
        (s.targets ?? []).flatMap((t) =>
          [t.baselinePer100, t.costPerSubscription, t.share, t.skillPremium].filter((x): x is Sourced => !!x).map((x) => x.source),
        ),
      ),
    ),
  ];
  return doc([
    BANNER.replace('from guidelines/', 'from src/cge/digital/scenarios.ts and datasets/ddcge/scenarios'),
    '# 9. Translating indicator targets into model shocks',
    `Policy targets are stated in the guideline\u2019s indicators (schema ${code('guidelines/schemas/digital-scenario.schema.json')}); \`translateDigitalScenario\` turns them into explicit parameter shocks of the digital-divide model, from the database\u2019s baseline, and records the observations and assumptions it used in every result. The same statement always gives the same shocks. At most one connectivity target (close-gap or use-reaches) per scenario.`,
    '## The rules',
    table(['Target kind', 'Rule', 'Observations read', 'Shocks'], RULES),
    '## Worked example: close half the urban–rural gap',
    `${a}, base year ${p.baseYear} (datasets/ddcge/${a}/params.json): urban use s_U = ${(100 * b.urbanShare).toFixed(2)} %, rural s_R = ${(100 * b.ruralShare).toFixed(2)} %. With f = 0.5, s_R′ = ${(100 * b.ruralShare).toFixed(2)} % + 0.5 × (${(100 * b.urbanShare).toFixed(2)} − ${(100 * b.ruralShare).toFixed(2)}) % = ${(100 * rural1).toFixed(2)} %, so ${num(Math.round(movers))} rural people (${num(b.ruralPopulation)} × ${(100 * (rural1 - b.ruralShare)).toFixed(2)} %) move from RUR_UNC to RUR_CON; urban groups do not change.`,
    '## The scenario library (datasets/ddcge/scenarios)',
    table(
      ['File', 'Targets', 'Explicit shocks', 'Description'],
      scenarios.map(({ f, s }) => [f, (s.targets ?? []).map(target).join('; '), (s.shocks ?? []).length, s.description ?? '']),
    ),
    '## Assumptions the scenarios state',
    bullets(assumptions),
  ]);
}
