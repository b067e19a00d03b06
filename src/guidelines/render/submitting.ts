import { existsSync, readFileSync } from 'node:fs';
import { guidelinePath } from '../paths.js';
import { BANNER, bullets, code, doc, table } from './markdown.js';

interface JsonSchemaLike {
  title?: string;
  description?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  $ref?: string;
  items?: JsonSchemaLike;
  properties?: Record<string, JsonSchemaLike>;
  required?: string[];
  oneOf?: JsonSchemaLike[];
  anyOf?: JsonSchemaLike[];
}

function typeOf(s: JsonSchemaLike): string {
  if (s.$ref) return `see ${s.$ref.replace(/^.*\//, '')}`;
  if (s.enum) return `one of ${s.enum.map((v) => JSON.stringify(v)).join(', ')}`;
  if (s.const !== undefined) return `always ${JSON.stringify(s.const)}`;
  const alts = s.oneOf ?? s.anyOf;
  if (alts) return alts.map(typeOf).join(' or ');
  const t = Array.isArray(s.type) ? s.type.join(' or ') : s.type;
  if (t === 'array' && s.items) return `array of ${typeOf(s.items)}`;
  return t ?? 'any';
}

/** A table of a schema's top-level properties, or `undefined` when the file does not exist. */
export function schemaPropertyTable(file: string): string | undefined {
  if (!existsSync(file)) return undefined;
  const s = JSON.parse(readFileSync(file, 'utf8')) as JsonSchemaLike;
  const req = new Set(s.required ?? []);
  const props = Object.keys(s.properties ?? {}).filter((p) => p !== '$schema');
  return table(
    ['Property', 'Required', 'Type', 'Description'],
    props.map((p) => {
      const ps = s.properties![p];
      return [code(p), req.has(p) ? 'yes' : 'no', typeOf(ps), ps.description ?? ps.title ?? ''];
    }),
  );
}

/** Chapter 6: how a national office submits data — the source mapping and the dataset metadata. */
export function renderSubmitting(): string {
  const mapping = schemaPropertyTable(guidelinePath('schemas', 'source-mapping.schema.json'));
  const observation = schemaPropertyTable(guidelinePath('schemas', 'observation.schema.json'));
  const dataset = schemaPropertyTable(guidelinePath('schemas', 'dataset.schema.json'));
  return doc([
    BANNER,
    '# 6. Submitting data',
    'A national statistical office or regulator does not reformat its files. It describes them once, in a **source mapping**: a small JSON file that tells the harmonise stage where each part of the guideline is in the file. The same mapping is reused for every new release of the same file.',
    '## Steps',
    bullets([
      '**1. Find the indicators.** For each table in your file, find the catalogue code (chapter 2). Use the code even when your table is titled differently: e.g. a table of "Internet users aged 10 and over" is HH7 with AGE `Y_GE10`.',
      `**2. Describe the file.** Format (CSV, Excel, SDMX, World Bank API JSON), the sheet, the header rows and how many preamble lines to skip, the column separator and decimal mark, the text encoding. ${code('digicge mapping draft <file> --out mapping.json')} drafts the whole mapping from the file (encoding, delimiter, preamble, header rows, area column, year and breakdown columns, urban/rural and sex labels in the national languages), with a ${code('$comment')} on every guess to check.`,
      '**3. Map the columns.** Which column holds the area, the period, the value, and each breakdown; or which fixed value applies to the whole table (e.g. SEX = `_T`, or TIME_PERIOD = `2024` for a table without a year column). When each value column carries its own breakdown (one column per urban/rural group, sex or year, stacked header rows included), say so per column, or with named groups of the value-column pattern.',
      '**4. Map your codes.** For every code or label your file uses for a breakdown (e.g. "Perkotaan" → URBANISATION `U`), give the guideline code (chapter 3). Areas resolve through CL_AREA: list only names it does not know.',
      '**5. State units and multipliers.** The unit your file uses and its multiplier (thousands, millions); the harmonise stage converts to the canonical unit and rejects what it cannot convert.',
      '**6. List your missing-value markers** if they are not in chapter 5.',
      '**7. Name the source and release.** The source class (chapter 5), your organisation, the release date or version, and the licence.',
      `**8. Validate and run.** Run the harmonise command on your file with your mapping: every row ends in the harmonised output or in the rejects file with a reason. ${code('digicge guidelines check')} validates the guideline files themselves.`,
    ]),
    '## The source mapping file',
    `Source mappings are validated by the JSON Schema ${code('guidelines/schemas/source-mapping.schema.json')} ([file](../../guidelines/schemas/source-mapping.schema.json)), maintained with the harmonise stage.`,
    mapping
      ? doc(['Its top-level properties:', mapping]).trimEnd()
      : 'That schema is not part of this edition yet; until it is, describe the points above in the mapping format of the harmonise stage\u2019s documentation.',
    observation
      ? doc([
          '## A harmonised observation',
          `Each harmonised observation follows ${code('guidelines/schemas/observation.schema.json')} ([file](../../guidelines/schemas/observation.schema.json)):`,
          observation,
        ]).trimEnd()
      : undefined,
    '## Dataset metadata',
    `Each harmonised dataset comes with a metadata file that pins what it was made from: the release, and every source file by its SHA-256 checksum, so that a result can be traced back to the exact bytes read. It follows ${code('guidelines/schemas/dataset.schema.json')} ([file](../../guidelines/schemas/dataset.schema.json)):`,
    dataset,
  ]);
}
