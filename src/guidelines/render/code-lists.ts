import { listCodeLists, loadCodeList } from '../codelists.js';
import type { Code, CodeList } from '../generated/codelist.js';
import { BANNER, doc, table } from './markdown.js';

function plainList(cl: CodeList): string {
  return doc([
    `<a id="${cl.id}"></a>\n\n## ${cl.id} — ${cl.name}`,
    cl.description,
    `Source: ${cl.source.document}${cl.source.url ? ` (${cl.source.url})` : ''}. Version ${cl.version}.${cl.verified ? '' : ' Not yet verified against the source.'}`,
    cl.codes.some((c) => c.labels)
      ? table(
          ['Code', 'Name', 'Description', 'Labels in national publications'],
          cl.codes.map((c) => [c.id, c.name, c.description, labels(c)]),
        )
      : table(
          ['Code', 'Name', 'Description'],
          cl.codes.map((c) => [c.id, c.name, c.description]),
        ),
  ]).trimEnd();
}

/** `id: Perkotaan, Daerah Perkotaan; th: ในเขตเทศบาล` — a code's labels by language. */
function labels(c: Code): string {
  return Object.entries(c.labels ?? {})
    .map(([lang, ls]) => `${lang}: ${ls.join(', ')}`)
    .join('; ');
}

function boundaries(c: Code): string {
  return (c.boundaryChanges ?? []).map((b) => `${b.year} ${b.kind} (${b.areas.join(', ')}): ${b.note}`).join(' ');
}

function names(c: Code): string {
  const own = c.names ?? [];
  const src = Object.keys(c.sourceNames ?? {})
    .sort()
    .flatMap((s) => (c.sourceNames?.[s] ?? []).map((n) => `${n} (in ${s} files)`));
  return [...own, ...src].join('; ');
}

function areaList(cl: CodeList): string {
  const countries = cl.codes.filter((c) => c.type === 'country');
  const ams = countries.filter((c) => c.asean);
  const others = countries.filter((c) => !c.asean);
  const sub = cl.codes.filter((c) => c.type === 'subnational');
  const agg = cl.codes.filter((c) => c.type === 'aggregate');
  return doc([
    `<a id="CL_AREA"></a>\n\n## CL_AREA — ${cl.name}`,
    cl.description,
    `Source: ${cl.source.document}. Version ${cl.version}. ${countries.length} countries and territories, ${sub.length} provinces, ${agg.length} aggregates.`,
    'A text resolves to an area when it equals one of the area\u2019s codes (ISO alpha-3, ISO alpha-2, UN M49 with or without leading zeros, ADB, World Bank three-letter or API code, ISO 3166-2) or one of its names, ignoring case, Latin diacritics and punctuation. A text that matches nothing, or matches two areas, is not resolved: it goes to the rejects file with its reason.',
    '### ASEAN Member States',
    table(
      ['Code', 'Name', 'ISO2', 'M49', 'ADB', 'Names accepted'],
      ams.map((c) => [c.id, c.name, c.iso2, c.m49, c.adb, names(c)]),
    ),
    '### Provinces (ISO 3166-2)',
    table(
      ['Code', 'Name', 'Parent', 'National code', 'Names accepted', 'Note', 'Boundary changes'],
      sub.map((c) => [c.id, c.name, c.parent, c.nso, names(c), c.note, boundaries(c)]),
    ),
    '### Aggregates',
    table(
      ['Code', 'Name', 'World Bank API id', 'M49', 'Members', 'Names accepted', 'Note'],
      agg.map((c) => [c.id, c.name, c.wb2, c.m49, (c.members ?? []).join(', '), names(c), c.note]),
    ),
    '### Other economies',
    'Outside the ASEAN scope but recognised, so that rows about them are set aside as out of scope rather than as unreadable.',
    table(
      ['Code', 'Name', 'ISO2', 'M49', 'ADB', 'Names accepted'],
      others.map((c) => [c.id, c.name, c.iso2, c.m49, c.adb, names(c)]),
    ),
  ]).trimEnd();
}

/** Chapter 3: every code list, CL_AREA by type of area. */
export function renderCodeLists(): string {
  const ids = listCodeLists();
  return doc([
    BANNER,
    '# 3. Code lists',
    'Code lists follow SDMX: `_T` is the total, `_U` unknown, `_Z` not applicable. Each list is a file `guidelines/codelists/<id>.json`.',
    table(
      ['Code list', 'Name', 'Codes', 'Version'],
      ids.map((id) => {
        const cl = loadCodeList(id);
        return [`[${id}](#${id})`, cl.name, cl.codes.length, cl.version];
      }),
    ),
    ...ids.map((id) => (id === 'CL_AREA' ? areaList(loadCodeList(id)) : plainList(loadCodeList(id)))),
  ]);
}
