import { loadCatalogue } from '../catalogue.js';
import { listCodeLists, loadCodeList } from '../codelists.js';
import { loadDigitalSectorClassification } from '../classification.js';
import { aseanMembership, aseanMembersInForce } from '../membership.js';
import { loadQualityRules } from '../quality.js';
import { BANNER, bullets, code, doc, table } from './markdown.js';

/** Chapter 1: purpose, users, the Member States and their membership by year, conventions, versions and what is not yet verified. */
export function renderScope(chapters: readonly { file: string; title: string }[]): string {
  const cat = loadCatalogue();
  const area = loadCodeList('CL_AREA');
  const asean = area.codes.find((c) => c.id === 'ASEAN');
  const members = new Set(asean?.members ?? []);
  const ams = area.codes.filter((c) => members.has(c.id));
  const kinds = ['survey', 'administrative', 'sector', 'trade', 'context'] as const;
  const unverifiedIndicators = cat.indicators.filter((i) => !i.verified).map((i) => i.code);
  const unverifiedLists = listCodeLists().filter((id) => !loadCodeList(id).verified);
  const ds = loadDigitalSectorClassification();
  const assumptions = ds.concordances.flatMap((c) =>
    c.entries.flatMap((e) => (e.splits ?? []).filter((s) => s.source.kind === 'assumption').map(() => `${c.id} ${e.sector}`)),
  );
  return doc([
    BANNER,
    '# 1. Scope of the ASEAN digital-economy guideline',
    `${cat.title}, version ${cat.version}. ${cat.description ?? ''}`,
    'This guideline is the common standard under which the ASEAN Member States (AMS) — ten up to October 2025, eleven since Timor-Leste\u2019s admission on 26 October 2025 — report digital-economy statistics: what each indicator means and in which unit it is stored, which breakdowns it may carry, which codes name areas and categories, which activities count as digital, which quality rules every observation passes, and how a national office submits its data. It is written once, as data, in the repository folder `guidelines/`; the validation of every file and these documents are both generated from that data, so they cannot disagree.',
    '## Contents',
    bullets([
      ...chapters.map((c) => `[${c.title}](${c.file})`),
      '[Readiness assessment of the Member States](readiness/readiness.md) (generated from the harmonised data by `digicge guidelines readiness`; tables in readiness/*.csv and readiness.xlsx)',
    ]),
    '## Who it is for',
    bullets([
      '**National statistical offices and regulators** map their files to the guideline (chapter 6) and read what each indicator requires (chapter 2).',
      '**Economists** use the digital-sector classification (chapter 4) to split digital activities out of input-output tables and social accounting matrices.',
      '**Project teams** cite the guideline version with every deliverable.',
    ]),
    `## The ${ams.length} ASEAN Member States`,
    table(
      ['Code (ISO 3166-1 alpha-3)', 'Name', 'ISO alpha-2', 'UN M49', 'ADB code', 'Other names accepted'],
      ams.map((c) => [c.id, c.name, c.iso2, c.m49, c.adb, (c.names ?? []).join('; ')]),
    ),
    '## Membership in force in each year',
    'ASEAN aggregates and comparisons across Member States of a reference period are formed from the States that were members on the **last day of the period** (the changing-composition convention: a State counts from the period in which it joins). Annual data: ten members for every year up to 2024, eleven from 2025. The function `aseanMembersInForce(period)` of `digicge/guidelines` applies this rule; the divide stage uses it for its cross-country dispersion and for the ASEAN aggregates of `aseanAggregates(observations, indicator)` (each indicator\u2019s catalogue rule: sum, or mean weighted by its weight indicator of the same year; empty, naming the member, when a member in force has no value), and the database build (base year 2022) covers the members of 2022.',
    table(
      ['Member State', 'Member since', 'Source'],
      [...aseanMembership()]
        .sort((a, b) => (a.from === b.from ? (a.member < b.member ? -1 : 1) : a.from < b.from ? -1 : 1))
        .map((s) => [s.member, s.from, s.source]),
    ),
    table(
      ['Reference year', 'Members in force', 'Count'],
      [1967, 1984, 1995, 1997, 1999, 2024, 2025, 2026].map((y) => {
        const m = aseanMembersInForce(y);
        return [y, m.join(', '), m.length];
      }),
    ),
    'Timor-Leste is covered like every other Member State: the readiness assessment shows which of its indicator cells have data in the sources this edition ships; where a cell is empty the data do not exist there, and no value is imputed. The 2022 database build has no social accounting matrix for it (it was not a member in 2022, and its national accounts are not in the build).',
    'Areas are keyed by code; names are labels resolved through the code list CL_AREA (chapter 3), which also holds the provinces of Indonesia (ISO 3166-2), all other economies and the aggregates (World Bank, UN regions, ASEAN). Aggregates are areas of their own type: they are never inferred from the order of rows or from a missing code. The ASEAN aggregate is computed from its members by the rule of each indicator, never read from a file row.',
    '## What the guideline covers',
    table(
      ['Kind', 'Indicators', 'Codes'],
      kinds.map((k) => {
        const list = cat.indicators.filter((i) => i.kind === k).map((i) => i.code);
        return [k, list.length, list.join(', ')];
      }),
    ),
    '## Conventions',
    bullets([
      `Each indicator has one canonical unit (a ${code('CL_UNIT_MEASURE')} code). Observations are stored in it with ${code('UNIT_MULT')} 0; a value reported as ${code('x')} with multiplier ${code('m')} means x × 10^m.`,
      'Units are versioned metadata: when a publisher changes the unit of a concept, the indicator records it (for example SDG 17.8.1 moved from per 100 inhabitants to percent in March 2023 with the same content).',
      'Per-100-inhabitant indicators are computed from counts and the population (POP) of the same area and year.',
      `Every observation records its source and the source's release; missing values are empty with an ${code('OBS_STATUS')} (chapter 5), never zero.`,
      'Codes follow SDMX conventions: `_T` total, `_U` unknown, `_Z` not applicable.',
    ]),
    '## Versions of this edition',
    table(
      ['Part', 'File', 'Version'],
      [
        ['Indicator catalogue', 'guidelines/catalogue/indicators.json', cat.version],
        ['Digital-sector classification', 'guidelines/classification/digital-sectors.json', ds.version],
        ['Quality rules', 'guidelines/quality/rules.json', loadQualityRules().version],
        ...listCodeLists().map((id) => ['Code list', `guidelines/codelists/${id}.json`, loadCodeList(id).version]),
      ],
    ),
    '## Not yet verified',
    'Entries marked `verified: false` in the data were written from the standards\u2019 documents without a line-by-line check against the cited edition; they are reproduced here so that reviewers can check them.',
    bullets([
      `Indicators: ${unverifiedIndicators.length ? unverifiedIndicators.join(', ') : 'none'}.`,
      `Code lists: ${unverifiedLists.length ? unverifiedLists.join(', ') : 'none'}.`,
      `Split shares that are outside assumptions: ${assumptions.length ? assumptions.join(', ') : 'none'} (chapter 4).`,
    ]),
  ]);
}
