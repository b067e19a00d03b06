import { aseanMembers } from '../area-resolver.js';
import { aseanMembersInForce } from '../membership.js';
import { readDatabaseProvenance } from '../readiness/provenance.js';
import { BANNER, doc, table } from './markdown.js';

const KIND: Record<string, string> = {
  country: "the country's own figures",
  borrowed: "another country's structure",
  assumption: 'outside assumption',
  derived: 'residual',
};

/** Chapter 7: for every block of the CGE database, the statistics, indicators and fallbacks (from datasets/sam/asean/provenance.json). */
export function renderRequirements(): string {
  const p = readDatabaseProvenance();
  const inBase = new Set(aseanMembersInForce(p.database.baseYear));
  const later = aseanMembers()
    .filter((a) => !p.covered.includes(a) && p.notCovered[a] === undefined && !inBase.has(a))
    .sort();
  return doc([
    BANNER.replace('from guidelines/', 'from guidelines/ and datasets/sam/asean/provenance.json'),
    '# 7. Data requirements by SAM block',
    `The CGE database is one social accounting matrix per Member State (base year ${p.database.baseYear}, ${p.database.unit}; datasets/sam/asean) and, for the digital-divide model, its households split by location × connectivity (datasets/ddcge). This chapter lists, for every block, which statistics feed it, which guideline indicators and breakdowns, what the shipped build uses today and the fallback when a country lacks the data. It is generated from the build's provenance file (\`datasets/sam/asean/provenance.json\`), which the readiness assessment reads as well: kinds are ${Object.entries(
      KIND,
    )
      .map(([k, v]) => `*${k}* (${v})`)
      .join(', ')}.`,
    `Covered by the ${p.database.baseYear} build: ${p.covered.join(', ')}. Not covered: ${Object.entries(p.notCovered)
      .map(([k, v]) => `${k} (${v})`)
      .join(
        '; ',
      )}${later.length ? `; ${later.map((a) => `${a} (not an ASEAN Member State in ${p.database.baseYear}: ${a} joined later)`).join('; ')}` : ''}.`,
    ...p.blocks.flatMap((b) => [
      `## ${b.name} (\`${b.id}\`)`,
      `Accounts: ${b.accounts}. Statistics: ${b.statistics.join('; ')}.`,
      table(
        ['What', 'Kind', 'Used today', 'Indicators × breakdown', 'National source to close it'],
        b.bases.map((s) => [
          s.what,
          KIND[s.kind],
          `${s.source}${s.ownFor?.length ? ` (the country\u2019s own SAM structure instead for ${s.ownFor.join(', ')})` : ''}`,
          (s.indicators ?? []).map((c) => (c.breakdown === '_T' ? c.indicator : `${c.indicator} × ${c.breakdown}`)).join(', '),
          s.nationalSource ?? '',
        ]),
      ),
      `Fallback when a country lacks the data: ${b.fallback}.`,
    ]),
  ]);
}
