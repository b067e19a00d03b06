/**
 * The prose of ddcge's document (docs/models/digital-divide.md): what the listing of the model
 * cannot derive — what the model is and is not, how scenarios set the channel parameters, how
 * targets in the guideline's indicators become shocks, and the keys of its parameter file. Every
 * `{{symbol}}` is checked against the calibrated model when the document is written.
 * @module
 */
import type { ModelDocumentation } from '../listing/documentation.js';

const SUMMARY = `\`ddcge\` is a single-country, static CGE model of the digital divide. It is the standard model of
Hosoe, Gasawa & Hashimoto (2010, chapter 6; GAMS Model Library \`stdcge\`) — Leontief intermediate
inputs, a production tax, Armington imports, CET exports, a government, savings-driven investment
and foreign savings with a flexible exchange rate — extended with:

- **CES value added** over labour by digital skill and capital ({{Y(j)}}, {{F(f,j)}}), in
  efficiency units ({{EFF(f)}}), with a total factor productivity {{TFP(j)}} by activity;
- **households by location × digital access** ({{hh}}, connected ones {{hcon}}), each with its
  population {{POP(hh)}}, a linear expenditure system per capita ({{bet(i,hh)}}, {{gam(i,hh)}}),
  its own direct-tax and saving rates, and the factor endowments it owns ({{FFH(f,hh)}});
- **four connectivity channels** through which the people a scenario connects act on the
  economy: the telecom access they buy ({{acc(i,hh)}}), a cheaper effective price of digitally
  ordered goods ({{dpo(i,hh)}}), a productivity premium of their labour (carried in
  {{FFH(f,hh)}}) and TFP spillovers to industries by their digital input intensity ({{TFP(j)}},
  {{dint(j)}});
- **an investment programme** ({{XvP(i)}}, e.g. broadband) financed by the government
  ({{gshare}}), from abroad ({{fshare}}) or out of private savings (the rest).

**What it is not.** Each good has one account for its activity and its commodity (set {{i}}, one
activity per commodity); there is no enterprise account (factor income goes to the households);
the numeraire is a factor price ({{pf(f)}} of the last labour type unless the parameter file names
another), not a consumer price index; the closures are the two listed below. A later version will
rebuild the model on the IFPRI standard model (Lofgren, Harris & Robinson 2002); this document
describes the model as it is, and is generated from its definition
(\`src/cge/digital/ddcge.ts\`): \`npx digicge cge document --model ddcge --out docs/models/digital-divide.md\`
rewrites it, and a test fails when it differs from what the model gives.`;

const CHANNELS = `Every channel acts through the people a scenario connects, and every channel parameter is zero in
the benchmark, so the model replicates its SAM whatever the channels' values
(\`connectivityScenario\`, \`src/cge/digital/scenario.ts\`, turns a population shift into these shocks):

- **People move.** A shift moves persons from an unconnected group to the connected group of the
  same location: {{POP(hh)}} changes, and each mover takes the per-capita factor endowment
  {{FFH(f,hh)}} of the group left. The newly connected share of a connected group is its newcomers
  divided by its population after the move.
- **1. Cost of access.** Each newly connected person buys {{accq}} units of the telecom good
  ({{isTel(i)}}) for access: {{acc(i,hh)}} = {{accq}} × the newly connected share. In {{eqXH(i,hh)}}
  it is committed spending, like the subsistence quantity: telecom demand rises, the group's
  other consumption falls by its marginal budget shares.
- **2. Cheaper digitally ordered goods.** A newly connected person pays {{pq(i)}}·(1 − {{pdisc}})
  for the orderable goods ({{isOrd(i)}}): {{dpo(i,hh)}} = {{pdisc}} × the newly connected share. The
  group's LES ({{eqXH(i,hh)}}) runs at the effective price {{pq(i)}}·(1 − {{dpo(i,hh)}}); the saving
  is real (search and transaction costs): a unit consumed needs (1 − {{dpo(i,hh)}}) market units,
  which is what market clearing ({{eqpqd(i)}}), the SAM and GDP count.
- **3. Productivity premium.** A mover's labour of each type becomes (1 + premium) times as
  productive: the endowment carried into the connected group ({{FFH(f,hh)}}, benchmark efficiency
  units) is scaled by it, so the gain goes to the movers and raises the economy's effective labour
  supply in {{eqpf(f)}}. The premium of each labour type is a parameter (e.g. {{prem_LAB_DS}}).
- **4. Spillovers.** Industries gain total factor productivity in proportion to their digital
  input intensity and the relative rise of the connected share of the population (CON):
  {{TFP(j)}} = 1 + {{spill}} · {{dint(j)}} · (CON₁ − CON₀)/CON₀.

A test solves a one-factor version of the model in closed form (Leontief prices and quantities, LES
demands, shocks recomputed from the SAM) and checks every channel's effect in magnitude
(\`test/cge/digital/channels-analytic.test.ts\`).`;

const TARGETS = `A scenario may be stated in the guideline's indicators (\`guidelines/schemas/digital-scenario.schema.json\`);
\`translateDigitalScenario\` (\`src/cge/digital/scenarios.ts\`) turns it into explicit shocks and records
the harmonised observations and the assumptions it used:

- *use-reaches* — "Internet use (HH7) of urban, rural or all people reaches X %": the connected
  share of that location rises from its baseline to X/100 (for all people: urban and rural rise by
  the same number of points, capped at 100 %); the persons needed move from the unconnected to the
  connected group of their location, with the channels above. A target below the baseline is refused.
- *close-gap* — "close a fraction of the urban–rural gap": the rural share rises by that fraction of
  (urban − rural); then as above.
- *broadband* — "fixed-broadband subscriptions per 100 reach Y": subscriptions added
  ((Y − Y₀)/100 × population) times a cost per subscription (a sourced assumption of the scenario)
  give the programme {{XvP(i)}} on the goods of the scenario's allocation, financed by the
  government ({{gshare}} = 1), from abroad ({{fshare}} = 1) or out of private savings.
- *skills-training* — a share of the other labour (\`LAB_OT\`) of the named groups becomes digitally
  skilled (\`LAB_DS\`) with a skill premium: {{FFH(f,hh)}} moves between the two labour types.
- *remove-ict-tariffs* — {{taum(i)}} = 0 for the digital goods {{dig}}.

Where an observation the translation needs is missing (no urban/rural breakdown of HH7), the
database's baseline names the assumption it used instead, from the assumptions listed below.`;

const WELFARE = `Welfare is measured per capita for each household group (\`ddcgeWelfare\`): the Hicksian equivalent
variation of the group's LES, U = Π (q − {{gam(i,hh)}})^{{bet(i,hh)}} with q = {{XH(i,hh)}}/{{POP(hh)}},
at effective prices {{pq(i)}}·(1 − {{dpo(i,hh)}}), valued at benchmark prices; telecom bought for
access counts as consumption in it. When people move between groups, a group's average member
after is not the same person as before.`;

/** The document of ddcge, less its equations' text (added by the model definition). */
export const DDCGE_DOCUMENTATION_PARTS: Omit<ModelDocumentation, 'equations'> = {
  title: 'The digital-divide CGE model (`ddcge`)',
  summary: SUMMARY,
  sections: [
    { heading: 'The connectivity channels', text: CHANNELS },
    { heading: 'From indicators to shocks', text: TARGETS },
    { heading: 'Welfare', text: WELFARE },
  ],
  parameterFile: [
    {
      key: 'households',
      required: true,
      description: 'the household groups: `{"<SAM account>": {"location": "urban" | "rural", "connected": true | false}}`',
    },
    { key: 'factors', required: true, description: 'the factor accounts (labour types and capital), each paying the households' },
    { key: 'labour', required: true, description: 'the labour types among the factors; the last one is the default numeraire' },
    {
      key: 'digital_goods',
      required: true,
      description: "the digital goods and services (set `dig`), by the guideline's digital-sector classification",
    },
    {
      key: 'orderable_goods',
      required: true,
      description: "the goods connected households can order digitally (the price channel's scope)",
    },
    { key: 'telecom', required: true, description: "the telecom good (the access channel's good)" },
    { key: 'population', required: true, description: 'persons in each household group (> 0)' },
    { key: 'va_elasticity', required: true, description: 'elasticity of substitution in value added, by activity (> 0, not 1)' },
    { key: 'armington_elasticity', required: true, description: 'Armington elasticity, by imported good' },
    { key: 'transformation_elasticity', required: true, description: 'CET elasticity, by exported good' },
    { key: 'income_elasticity', required: true, description: 'income elasticity of household demand, by good (> 0)' },
    { key: 'frisch', required: true, description: 'Frisch parameter of each household group (< −1)' },
    {
      key: 'channels.access_quantity',
      required: false,
      default: '0',
      description: 'telecom units a newly connected person buys for access (≥ 0)',
    },
    {
      key: 'channels.price_discount',
      required: false,
      default: '0',
      description: 'price reduction of orderable goods for a newly connected person, in [0, 1)',
    },
    {
      key: 'channels.productivity_premium',
      required: false,
      default: '0 for each labour type',
      description: 'efficiency gain of a newly connected worker, by labour type (≥ 0)',
    },
    {
      key: 'channels.spillover',
      required: false,
      default: '0',
      description: 'TFP gain per unit relative rise of the connected population share, times digital input intensity (≥ 0)',
    },
    { key: 'world_export_price', required: false, default: '1', description: 'export price in foreign currency, by good' },
    { key: 'world_import_price', required: false, default: '1', description: 'import price in foreign currency, by good' },
    {
      key: 'numeraire',
      required: false,
      default: 'pf of the last labour type at 1',
      description: 'the numeraire: `{"variable": …, "index": …, "value": …}`',
    },
    {
      key: 'provenance',
      required: false,
      description: "not read by the calibration: the database's record of the observations and assumptions it was built from",
    },
  ],
  references: [
    'Hosoe, N., Gasawa, K. & Hashimoto, H. (2010). *Textbook of Computable General Equilibrium Modelling: Programming and Simulations*. Palgrave Macmillan (chapter 6, the standard model).',
    'Lofgren, H., Harris, R. L. & Robinson, S. (2002). *A Standard Computable General Equilibrium (CGE) Model in GAMS*. IFPRI Microcomputers in Policy Research 5.',
    'Dervis, K., de Melo, J. & Robinson, S. (1982). *General Equilibrium Models for Development Policy*. Cambridge University Press (LES calibration from income elasticities and the Frisch parameter).',
  ],
  data: {
    sam: 'datasets/ddcge/THA/sam.csv',
    params: 'datasets/ddcge/THA/params.json',
    assumptions: 'datasets/ddcge/assumptions.json',
    label: 'the default database, Thailand',
  },
  path: 'docs/models/digital-divide.md',
};
