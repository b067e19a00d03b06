import { loadDigitalSectorClassification } from '../classification.js';
import { BANNER, bullets, doc, num, table } from './markdown.js';

/** Chapter 4: ISIC categories, the digital sectors split out, concordances and their split shares. */
export function renderClassification(): string {
  const c = loadDigitalSectorClassification();
  const catName = new Map(c.categories.map((x) => [x.id, x.name]));
  const splits = c.concordances.flatMap((conc) => conc.entries.flatMap((e) => (e.splits ?? []).map((s) => ({ conc, e, s }))));
  const assumed = splits.filter((x) => x.s.source.kind === 'assumption');
  return doc([
    BANNER,
    '# 4. Digital-sector classification',
    `${c.title}, version ${c.version}. ${c.description ?? ''}`,
    '## Categories',
    table(
      ['Category', 'Name', 'In the ICT sector', 'Description', 'Reference'],
      c.categories.map((x) => [
        x.id,
        x.name,
        x.digital ? 'yes' : 'no',
        x.description,
        `${x.reference}${x.verified ? '' : ' (to be checked)'}`,
      ]),
    ),
    '## ISIC Rev.4 classes',
    table(
      ['ISIC Rev.4', 'Activity', 'Category'],
      c.isic.map((x) => [x.code, x.name, catName.get(x.category) ?? x.category]),
    ),
    '## Digital sectors split out by the SAM and CGE stages',
    table(
      ['Id', 'Name', 'Category', 'ISIC Rev.4', 'Description'],
      c.digitalSectors.map((d) => [d.id, d.name, catName.get(d.category) ?? d.category, d.isic.join(', '), d.description]),
    ),
    '## Concordances of real tables',
    'Real input-output tables and SAMs are coarser than ISIC. Each sector of such a table has exactly one entry: digital (all of it goes to one digital sector), mixed (a share goes to a digital sector and the remainder stays) or non-digital. A share is a fraction of the sector\u2019s flows on the stated basis; the split applies the same share to the sector\u2019s row and column unless the SAM stage is given separate shares.',
    ...c.concordances.map((conc) =>
      doc([
        `### ${conc.id} — ${conc.name}`,
        `${conc.description ?? ''} Source: ${conc.source}. Classification: ${conc.classification}.`,
        table(
          ['Sector', 'Label', 'Status', 'Classification codes', 'Digital part', 'Note'],
          conc.entries.map((e) => [
            e.sector,
            e.label,
            e.status,
            (e.isic ?? []).join(', '),
            e.status === 'digital'
              ? `all → ${e.digitalSector}`
              : (e.splits ?? []).map((s) => `${num(s.share)} → ${s.digitalSector}`).join('; '),
            e.note,
          ]),
        ),
      ]).trimEnd(),
    ),
    '## Split shares and their sources',
    table(
      ['Table', 'Sector', 'Digital sector', 'Share', 'Basis', 'Kind', 'Verified', 'Source', 'Note'],
      splits.map(({ conc, e, s }) => [
        conc.id,
        e.sector,
        s.digitalSector,
        `${num(s.share)}${
          s.byArea
            ? ` (by area: ${Object.keys(s.byArea)
                .sort()
                .map((k) => `${k} ${num(s.byArea![k])}`)
                .join(', ')})`
            : ''
        }`,
        s.basis,
        s.source.kind,
        s.source.verified ? 'yes' : 'no',
        `${s.source.citation}${s.source.table ? ` Table: ${s.source.table}` : ''}`,
        s.note,
      ]),
    ),
    assumed.length
      ? doc([
          '### Assumptions',
          'The following shares are outside assumptions, not measurements. Results that depend on them (digital value added, multipliers and CGE results of split sectors) must say so, and should be tested with other values:',
          bullets(assumed.map(({ conc, e, s }) => `${conc.id} ${e.sector} → ${s.digitalSector}: ${num(s.share)}`)),
        ]).trimEnd()
      : undefined,
  ]);
}
