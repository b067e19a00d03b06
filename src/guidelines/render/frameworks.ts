import { loadCatalogue } from '../catalogue.js';
import { BANNER, doc, table } from './markdown.js';
import type { DefinitionVerification } from '../generated/definition-verification.js';
import type { DsutMapping } from '../generated/dsut-mapping.js';
import { shippedJson } from './shipped-data.js';

/** Chapter 10: the classification mapped to the DSUT and the 2025 SNA, digital-trade indicators, and the verification of the definitions. */
export function renderFrameworks(): string {
  const d = shippedJson<DsutMapping>('guidelines/frameworks/dsut.json');
  const v = shippedJson<DefinitionVerification>('guidelines/frameworks/verification.json');
  const cat = loadCatalogue().indicators;
  const verified = cat.filter((i) => i.verified);
  const unverified = cat.filter((i) => !i.verified);
  const sdgOf = new Map<string, string[]>();
  for (const i of cat) if (i.series?.sdg) sdgOf.set(i.series.sdg, [...(sdgOf.get(i.series.sdg) ?? []), i.code]);
  return doc([
    BANNER.replace('from guidelines/', 'from guidelines/frameworks/ and the catalogue'),
    '# 10. Alignment with the international frameworks',
    `${d.title}. Source files: \`guidelines/frameworks/dsut.json\`, \`guidelines/frameworks/verification.json\`; code lists CL_DSUT_INDUSTRY and CL_DIGITAL_NATURE (chapter 3).`,
    '## References and their status',
    table(
      ['Id', 'Document', 'Verified', 'Note'],
      d.references.map((r) => [r.id, r.document, r.verified ? 'yes' : 'no', r.note]),
    ),
    '## Digital industries of the Digital Supply-Use Tables',
    table(
      ['DSUT industry', 'Guideline digital sectors', 'SAM accounts', 'ISIC Rev.4', 'In the ASEAN database', 'Note'],
      d.industries.map((i) => [
        `${i.name} (${i.id})`,
        i.guideline.join(', ') || '—',
        i.samAccounts.join(', ') || '—',
        i.isic,
        i.status,
        i.note,
      ]),
    ),
    '## Digital products',
    table(
      ['DSUT product', 'Guideline sector', 'SAM account', 'Note'],
      d.products.map((p) => [`${p.name} (${p.id})`, p.guideline || '—', p.samAccount || '—', p.note]),
    ),
    '## Nature of the transaction',
    table(
      ['Code', 'Name', 'Description'],
      d.natureOfTransaction.map((n) => [n.id, n.name, n.description]),
    ),
    'The nature of the transaction is carried as the code list CL_DIGITAL_NATURE; it is not yet a dimension of the data structure definition (DSD_DIGITAL), so observations cannot carry it in this edition.',
    '## 2025 SNA recommendations on digitalisation',
    table(
      ['Topic', 'Recommendation', 'In this guideline'],
      d.sna2025.map((s) => [s.topic, s.recommendation, s.inThisGuideline]),
    ),
    '## Digital-trade indicators (Handbook on Measuring Digital Trade, 2nd edition, 2023)',
    table(
      ['Concept', 'Definition', 'Catalogue indicators', 'Source', 'Status'],
      d.trade.map((t) => [t.concept, t.definition, t.indicators.join(', ') || '—', t.source, t.status]),
    ),
    '## Verification of the indicator definitions',
    `Verified against a cited section or page: **${verified.length} of ${cat.length}**. An indicator is marked verified only with a citation of a text that was read; the ITU texts of 2020 could not be read in this edition:`,
    table(
      ['Document', 'What was found', 'Searches'],
      v.searched.map((s) => [s.document, s.found, s.queries.join('; ')]),
    ),
    `What the 2020 Handbook\u2019s table of contents confirms (indicator codes and names only, not definitions): ${Object.entries(
      v.handbookToc,
    )
      .map(([k, t]) => `${k} — ${t}`)
      .join('; ')}.`,
    `### Unverified indicators (${unverified.length})`,
    table(
      ['Indicator', 'Name', 'Reference', 'Why not verified'],
      unverified.map((i) => [
        i.code,
        i.name,
        i.reference?.document ?? '',
        v.handbookToc[i.code]
          ? `the code is in the 2020 Handbook\u2019s table of contents (${v.handbookToc[i.code]}); its definition text was not read`
          : i.kind === 'survey'
            ? 'the 2020 Manual was not found in the searchable corpora (only the front matter of the 2014 and 2009 editions)'
            : i.kind === 'administrative'
              ? 'the 2020 Handbook\u2019s definition pages were not found in the searchable corpora'
              : 'not an ITU indicator: its reference document was not checked in this edition',
      ]),
    ),
    '## SDG indicator codes',
    table(
      ['SDG code', 'Name in the SDG framework', 'Catalogue indicator', 'Checked', 'Citation'],
      v.sdg.map((s) => [s.code, s.name, sdgOf.get(s.code)?.join(', ') ?? '—', s.status, s.citation]),
    ),
  ]);
}
