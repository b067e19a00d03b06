/**
 * The prose of stdcge's document (docs/models/stdcge.md); the rest is generated from the model.
 * @module
 */
import type { ModelDocumentation } from '../listing/documentation.js';

const SUMMARY = `\`stdcge\` is the standard CGE model of Hosoe, Gasawa & Hashimoto (2010, chapter 6), model
\`stdcge\` (SEQ=276) of the GAMS Model Library, with the GAMS file's equations in its order and
notation: Cobb–Douglas value added ({{Y(j)}}) of the factors {{h}}, Leontief intermediate inputs,
a production tax, an Armington composite of imports and domestic goods ({{Q(i)}}), a CET split of
output into exports and domestic sales ({{Z(i)}}), one household with Cobb–Douglas demand
({{Xp(i)}}), a government and investment spending fixed shares of their budgets, and a small open
economy with foreign savings {{Sf}} and the exchange rate {{epsilon}}.

Two differences from the GAMS file, neither of which changes the solution: foreign savings {{Sf}}
is a variable fixed by the default closure (so that a closure swap can free it against the exchange
rate), and the model is solved as a square system, so one factor-market equation ({{eqpf(h)}} of
the numeraire's factor), redundant by Walras' law, is dropped by the closure and its residual
checked at every solve. The utility {{UU}} is the GAMS file's objective; the solution of the
tariff-abolition simulation reproduces the published GAMS levels to their printed decimals
(\`test/cge/models/stdcge.test.ts\`).`;

/** The document of stdcge, less its equations' text (added by the model definition). */
export const STDCGE_DOCUMENTATION_PARTS: Omit<ModelDocumentation, 'equations'> = {
  title: 'The standard CGE model (`stdcge`)',
  summary: SUMMARY,
  sections: [],
  parameterFile: [
    { key: 'armington_elasticity', required: true, description: 'Armington elasticity of substitution, by good' },
    { key: 'transformation_elasticity', required: true, description: 'CET elasticity of transformation, by good' },
    { key: 'world_export_price', required: false, default: '1', description: 'export price in foreign currency, by good' },
    { key: 'world_import_price', required: false, default: '1', description: 'import price in foreign currency, by good' },
    {
      key: 'numeraire',
      required: false,
      default: 'pf of the last factor at 1',
      description: 'the numeraire: `{"variable": …, "index": …, "value": …}`',
    },
    { key: 'goods', required: false, default: 'the accounts that are neither institutions nor factors', description: 'the goods accounts' },
    { key: 'factors', required: false, default: 'the accounts paying the household HOH', description: 'the factor accounts' },
    { key: 'closure', required: false, description: 'not read by the calibration: the published closure, in words' },
    { key: 'simulation', required: false, description: 'not read by the calibration: the published simulation, in words' },
  ],
  references: [
    'Hosoe, N., Gasawa, K. & Hashimoto, H. (2010). *Textbook of Computable General Equilibrium Modelling: Programming and Simulations*. Palgrave Macmillan, chapter 6.',
    'GAMS Model Library, `stdcge` (SEQ=276).',
  ],
  data: { sam: 'datasets/models/stdcge/sam.csv', params: 'datasets/models/stdcge/parameters.json', label: 'the textbook SAM' },
  path: 'docs/models/stdcge.md',
};
