/**
 * The prose of splcge's document (docs/models/splcge.md); the rest is generated from the model.
 * @module
 */
import type { ModelDocumentation } from '../listing/documentation.js';

const SUMMARY = `\`splcge\` is the simple CGE model of Hosoe, Gasawa & Hashimoto (2010, chapter 5), model \`splcge\`
of the GAMS Model Library: goods {{i}} produced from the factors {{h}} with Cobb–Douglas technology
({{Z(j)}}), one household with Cobb–Douglas utility ({{UU}}) spending its factor income, no
government and no trade. The square system fixes the numeraire and drops one factor-market
equation ({{eqpf(h)}}), redundant by Walras' law and checked at every solve. A test checks a
capital-endowment shock against the closed-form Cobb–Douglas equilibrium
(\`test/cge/models/splcge.test.ts\`).`;

/** The document of splcge, less its equations' text (added by the model definition). */
export const SPLCGE_DOCUMENTATION_PARTS: Omit<ModelDocumentation, 'equations'> = {
  title: 'The simple CGE model (`splcge`)',
  summary: SUMMARY,
  sections: [],
  parameterFile: [
    {
      key: 'numeraire',
      required: false,
      default: 'pf of the last factor at 1',
      description: 'the numeraire: `{"variable": …, "index": …, "value": …}`',
    },
  ],
  references: [
    'Hosoe, N., Gasawa, K. & Hashimoto, H. (2010). *Textbook of Computable General Equilibrium Modelling: Programming and Simulations*. Palgrave Macmillan, chapter 5.',
    'GAMS Model Library, `splcge`.',
  ],
  data: { sam: 'datasets/models/splcge/sam.csv', label: 'the textbook SAM' },
  path: 'docs/models/splcge.md',
};
