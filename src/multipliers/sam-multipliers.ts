/**
 * SAM-facing adapters: accounting multipliers and their Pyatt–Round decomposition for a {@link Sam}
 * and a chosen set of endogenous accounts.
 * @module
 */
import { InputError } from '../errors.js';
import type { AccountGroup, Sam } from '../sam/index.js';
import { accountingMultipliers, type AccountingMultipliers } from './accounting-multipliers.js';
import { pyattRound, type PyattRound } from './pyatt-round.js';

/** The usual three blocks of the circular flow, by account group. */
const BLOCK_OF_GROUP: Readonly<Record<AccountGroup, 'production' | 'factors' | 'institutions'>> = {
  activity: 'production',
  commodity: 'production',
  margin: 'production',
  other: 'production',
  factor: 'factors',
  household: 'institutions',
  enterprise: 'institutions',
  government: 'institutions',
  tax: 'institutions',
  'savings-investment': 'institutions',
  'rest-of-world': 'institutions',
};

/**
 * Default Pyatt–Round blocks of the endogenous accounts from their groups: production (activities,
 * commodities, margins and unclassified accounts), factors, institutions (households, enterprises
 * and any other endogenous institution). Empty blocks are left out.
 */
export function defaultBlocks(sam: Sam, endogenous: readonly string[]): string[][] {
  const order = ['production', 'factors', 'institutions'] as const;
  const out: Record<(typeof order)[number], string[]> = { production: [], factors: [], institutions: [] };
  for (const l of endogenous) out[BLOCK_OF_GROUP[sam.accounts[sam.index(l)].group]].push(l);
  return order.map((k) => out[k]).filter((b) => b.length > 0);
}

/** Accounting multipliers of a SAM with their Pyatt–Round decomposition. */
export interface SamMultipliers extends AccountingMultipliers {
  /** The blocks used for the decomposition, as labels. */
  readonly blocks: readonly (readonly string[])[];
  /** Ma = Ma3 Ma2 Ma1 and the additive form. */
  readonly decomposition: PyattRound;
}

/**
 * Accounting multipliers Ma = (I − An)⁻¹ of `sam` with `endogenous` accounts, and the Pyatt–Round
 * decomposition over `blocks` (labels; default {@link defaultBlocks}).
 */
export function samAccountingMultipliers(sam: Sam, endogenous: readonly string[], blocks?: readonly (readonly string[])[]): SamMultipliers {
  const positions = endogenous.map((l) => sam.index(l));
  const labels = sam.labels;
  const base = accountingMultipliers({ rows: sam.n, cols: sam.n, data: sam.values }, positions, labels);
  const useBlocks = blocks ?? defaultBlocks(sam, endogenous);
  const blockPositions = useBlocks.map((b) =>
    b.map((l) => {
      const i = endogenous.indexOf(l);
      if (i < 0) {
        throw new InputError('PYATT_ROUND_BAD_BLOCKS', `block account '${l}' is not among the endogenous accounts`, { account: l });
      }
      return i;
    }),
  );
  const decomposition = pyattRound(base.An, blockPositions, base.labels);
  return { ...base, blocks: useBlocks.map((b) => [...b]), decomposition };
}
