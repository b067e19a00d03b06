import type { Closure } from '../closure.js';
import { numeraireOf } from './params.js';

/**
 * The closures of a small open economy in the stdcge family: a numeraire (the parameter file's
 * `numeraire`, default the price `pf` of `defaultFactor` at 1), and either foreign savings fixed
 * in foreign currency with a flexible exchange rate (`default`) or a fixed exchange rate with
 * foreign savings adjusting (`fixed-exchange-rate`). The market of the numeraire's factor
 * (`eqpf`) is dropped as redundant by Walras' law.
 * @param defaultDescription the words describing the model's default closure
 */
export function openEconomyClosures(
  params: Readonly<Record<string, unknown>>,
  defaultFactor: string,
  defaultDescription: string,
): Record<string, Closure> {
  const num = numeraireOf(params, { variable: 'pf', index: [defaultFactor], value: 1 });
  const numeraire = { variable: num.variable, index: num.index, value: num.value, reason: 'numeraire' };
  const walras = { equation: 'eqpf', index: [num.variable === 'pf' ? num.index[0]! : defaultFactor], reason: "redundant by Walras' law" };
  return {
    default: {
      name: 'default',
      description: defaultDescription,
      fix: [numeraire, { variable: 'Sf', reason: 'foreign savings fixed in foreign currency' }],
      drop: [walras],
    },
    'fixed-exchange-rate': {
      name: 'fixed-exchange-rate',
      description: 'numeraire fixed; exchange rate fixed, foreign savings adjust',
      fix: [numeraire, { variable: 'epsilon', reason: 'fixed exchange rate' }],
      drop: [walras],
    },
  };
}
