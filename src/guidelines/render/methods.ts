import { BANNER, bullets, doc, num, table } from './markdown.js';
import { shippedCsv, shippedJson, shippedSam } from './shipped-data.js';

interface BuildShare {
  sector: string;
  digitalSector: string;
  target: string;
  share: number;
  source: string;
}
interface BuildFile {
  unit: string;
  economies: { iso3: string; name: string; digitalShares: BuildShare[]; notes: string[] }[];
}
interface DdcgeParams {
  population: Record<string, number>;
  provenance: {
    area: string;
    baseYear: string;
    baseline: { urbanPopulation: number; ruralPopulation: number; urbanShare: number; ruralShare: number; notes: string[] };
  };
}

/** The worked-example country: the default database (its SAM structure is its own). */
export const WORKED_EXAMPLE_AREA = 'THA';
const GROUPS = ['URB_CON', 'URB_UNC', 'RUR_CON', 'RUR_UNC'] as const;
const f1 = (x: number) => x.toFixed(1);
const pc = (x: number) => `${(100 * x).toFixed(2)} %`;

function splitting(area: string): string[] {
  const build = shippedJson<BuildFile>('datasets/sam/asean/build.json');
  const e = build.economies.find((x) => x.iso3 === area)!;
  const controls = shippedCsv('datasets/sam/asean/controls.csv').filter((r) => r.iso3 === area);
  const adb = shippedCsv('datasets/adb_mrio/adbmrio_summary_2017-2022.csv').filter((r) => r.t === '2022');
  const rows = e.digitalShares.map((s) => {
    const target = Number(controls.find((r) => r.sector === s.target)!.x);
    const sec = s.sector.replace(/^c/, '');
    // the ADB row of this economy: the one whose output, times the share, is the control total
    const match = adb.filter((r) => r.i === sec && Math.abs(s.share * Number(r.x) - target) <= 1e-9 * target);
    const x = match.length === 1 ? Number(match[0]!.x) : Number.NaN;
    return { s, target, x, economy: match.length === 1 ? match[0]!.s : '' };
  });
  const economies = [...new Set(rows.map((r) => r.economy))];
  return [
    '## Splitting digital activities out of coarser accounts',
    'The ADB MRIO sectors are coarser than the guideline\u2019s digital sectors: ICT goods sit inside c14 (electrical and optical equipment), telecommunications inside c27 (post and telecommunications), IT services inside c30 (renting and other business activities). The build moves a share of every quantity of the sector (output, intermediate inputs, value added, sales, final demand, exports) to the digital account, the rest to its non-digital account. The shares come from the guideline\u2019s digital-sector classification (chapter 4, concordance ADB_MRIO35); an area-specific share there replaces the central one for that area only.',
    `Worked example (${e.name}, ADB MRIO 2022, ${build.unit}; files datasets/adb_mrio/adbmrio_summary_2017-2022.csv, datasets/sam/asean/build.json and controls.csv):`,
    table(
      ['ADB sector', 'Gross output x', 'Share', 'Digital account', 'share × x', 'x in controls.csv', 'Source of the share'],
      rows.map((r) => [
        r.s.sector,
        f1(r.x),
        r.s.share,
        `${r.s.target} (${r.s.digitalSector})`,
        f1(r.s.share * r.x),
        f1(r.target),
        r.s.source.split(':')[0],
      ]),
    ),
    economies.length === 1 && economies[0]
      ? `All three control totals are the share times the output of one ADB economy (index ${economies[0]} of the summary file), as the method states.`
      : 'The control totals could not be matched to one ADB economy: the build and this chapter disagree — rebuild the database.',
    '**These shares are round central assumptions, not measurements.** A country replaces them with the output of the ISIC classes in its supply table (chapter 7, block intermediate).',
  ];
}

function households(area: string): string[] {
  const p = shippedJson<DdcgeParams>(`datasets/ddcge/${area}/params.json`);
  const b = p.provenance.baseline;
  const want: Record<string, number> = {
    URB_CON: b.urbanPopulation * b.urbanShare,
    URB_UNC: b.urbanPopulation * (1 - b.urbanShare),
    RUR_CON: b.ruralPopulation * b.ruralShare,
    RUR_UNC: b.ruralPopulation * (1 - b.ruralShare),
  };
  const ok = GROUPS.every((g) => Math.abs(p.population[g]! - want[g]!) <= 1e-6 * want[g]!);
  return [
    '## Disaggregating households by connectivity',
    'The digital-divide model has four household groups: urban and rural, each connected (using the Internet, HH7) or not. Their populations are the urban and rural populations (POP_URB, POP_RUR) times the connected share of each location. When HH7 has no urban/rural breakdown, the national share is split by an assumed rural/urban use ratio, or, where that would put urban use at 100 %, by an assumed ratio of non-use; both are recorded in the database\u2019s SOURCE.md. Per-capita incomes follow assumed urban/rural and connected/unconnected ratios; factor ownership and consumption by group are the assumed priors balanced by RAS to the national factor incomes and consumption by good.',
    `Worked example (${area} ${p.provenance.baseYear}, datasets/ddcge/${area}/params.json):`,
    bullets(b.notes),
    table(
      ['Group', 'Location population', 'Connected share', 'Population (params.json)', 'Location population × share'],
      GROUPS.map((g) => {
        const urban = g.startsWith('URB');
        const pop = urban ? b.urbanPopulation : b.ruralPopulation;
        const share = urban ? b.urbanShare : b.ruralShare;
        return [
          g,
          num(pop),
          g.endsWith('_CON') ? pc(share) : `1 − ${pc(share)}`,
          num(Math.round(p.population[g]!)),
          num(Math.round(want[g]!)),
        ];
      }),
    ),
    ok
      ? 'The populations of the database are these products exactly.'
      : 'The populations of the database differ from these products: rebuild the database.',
  ];
}

function balancing(area: string): string[] {
  const sam = shippedSam(`datasets/sam/asean/${area}.csv`);
  const gap = Math.max(...sam.labels.map((l) => Math.abs(sam.rowSum(l) - sam.colSum(l))));
  const controls = shippedCsv('datasets/sam/asean/controls.csv').filter((r) => r.iso3 === area);
  const va = controls.reduce((s, r) => s + Number(r.va), 0);
  const factors = ['LAB-DIG', 'LAB-OTH', 'CAP'].reduce((s, f) => s + sam.rowSum(f), 0);
  const itax = sam.rowSum('Itax');
  const zuse = controls.reduce((s, r) => s + Number(r.zuse), 0);
  const ez = controls.reduce((s, r) => s + Number(r.ez), 0);
  const acts = sam.labels.filter((l) => l.startsWith('A-'));
  const coms = sam.labels.filter((l) => l.startsWith('C-'));
  const interm = acts.reduce((s, a) => s + coms.reduce((t, c) => t + sam.get(c, a), 0), 0);
  return [
    '## Balancing',
    bullets([
      '**RAS** (`balanceRas`, biproportional scaling) when a non-negative prior must meet known row and column totals: the intermediate block of every national SAM (prior: the country\u2019s own SAM where the build has one, else the Thai 2006 pattern — build.json; totals: ADB MRIO), and the household priors of the ddcge databases.',
      '**GRAS** (`balanceGras`) when the prior has negative cells (stock changes, negative savings) that must keep their sign.',
      '**Cross-entropy** (`balanceCrossEntropy`, `digicge sam balance`; Robinson, Cattaneo & El-Said 2001) when the totals themselves are uncertain: macro controls (GDP, total investment, trade balance) enter as constraints and measurement error as error terms; use it to reconcile a national SAM from sources that disagree.',
      'The macro controls held exactly by the ASEAN build: gross output, intermediate inputs and value added by activity, exports and domestic sales by commodity; savings are the residuals that close each account.',
    ]),
    `Worked example (${area}, datasets/sam/asean/${area}.csv and controls.csv):`,
    table(
      ['Check', 'Value'],
      [
        ['Largest |row total − column total| over the 27 accounts', num(Number(gap.toPrecision(3)))],
        ['Σ value added in controls.csv (ADB MRIO)', f1(va)],
        ['Σ factor incomes (LAB-DIG + LAB-OTH + CAP) + taxes on production (Itax) in the SAM', f1(factors + itax)],
        ['Σ intermediate inputs z_use in controls.csv', f1(zuse)],
        ['Σ intermediate block (domestic + imported) in the SAM', f1(interm)],
        ['of which imported intermediates = Σ z_use − Σ e_z', f1(zuse - ez)],
      ],
    ),
  ];
}

function calibration(area: string): string[] {
  const sam = shippedSam(`datasets/ddcge/${area}/sam.csv`);
  const goods = ['AGR', 'MAN', 'ICT', 'OIND', 'TRD', 'TEL', 'ITS', 'SRV'];
  const rows = GROUPS.map((h) => {
    const income = ['LAB_DS', 'LAB_OT', 'CAP'].reduce((s, f) => s + sam.get(h, f), 0);
    const spend = goods.reduce((s, g) => s + sam.get(g, h), 0);
    const dig = sam.get('TEL', h) + sam.get('ITS', h);
    return [
      h,
      f1(income),
      pc(sam.get('GOV', h) / income),
      pc(sam.get('INV', h) / income),
      f1(spend),
      pc(dig / spend),
      pc(sam.get(h, 'LAB_DS') / income),
    ];
  });
  return [
    '## Calibrating the digital-divide model',
    `Calibration reads the benchmark shares off the database SAM: each household group\u2019s income is its factor income, its direct-tax and saving rates are the GOV and INV cells over that income, and its budget shares are its purchases of each good over its spending; the linear expenditure system takes its subsistence quantities from these shares with the income elasticities and Frisch parameters of params.json. Production, Armington and transformation share parameters are read the same way from the goods and factor blocks. Worked example (${area}, datasets/ddcge/${area}/sam.csv, US$ million):`,
    table(
      ['Group', 'Income', 'Direct-tax rate', 'Saving rate', 'Spending', 'Budget share TEL + ITS', 'Digitally skilled labour in income'],
      rows,
    ),
    'Connected groups spend a larger share on telecommunications and IT services than the unconnected (the assumed digital budget-share ratio, balanced by RAS to national consumption by good); direct-tax and saving rates are the same for every group by construction.',
  ];
}

/** Chapter 8: methods with worked examples read from the shipped database build. */
export function renderMethods(): string {
  const a = WORKED_EXAMPLE_AREA;
  return doc([
    BANNER.replace('from guidelines/', 'from guidelines/ and the shipped database build (datasets/)'),
    '# 8. Methods: from statistics to the CGE database',
    `Each method is followed by a worked example whose numbers are read from the shipped database build when this chapter is generated, so the text and the data agree (a test renders it again and compares). The example country is ${a}, the default database: below the ADB totals its SAM structure is its own.`,
    ...splitting(a),
    ...households(a),
    ...balancing(a),
    ...calibration(a),
  ]);
}
