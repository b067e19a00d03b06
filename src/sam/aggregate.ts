import { InputError } from '../errors.js';
import type { AccountGroup } from './groups.js';
import { Sam } from './sam.js';

/** Options of {@link aggregateSam}. */
export interface AggregateOptions {
  /** Group of new accounts whose members belong to different groups (required for those). */
  groups?: Readonly<Record<string, AccountGroup>>;
  /** Order of the new accounts (default: order of first appearance in the SAM). */
  order?: readonly string[];
  /** Where the mapping comes from, for the provenance log. */
  source?: string;
  /** Keep accounts the mapping does not name as they are, instead of throwing `SAM_MAPPING_MISSING`. */
  keepUnmapped?: boolean;
}

/**
 * Aggregates a SAM by a mapping from every account label to a new account label: cell (I, J) of the
 * result is the sum of the cells (i, j) with i mapped to I and j to J, so totals and balance are
 * kept. An account mapped to itself stays as it is. Every account must be mapped (`SAM_MAPPING_MISSING`),
 * the mapping may not name unknown accounts (`SAM_MAPPING_UNKNOWN`), and accounts of different
 * groups may only be merged when `options.groups` gives the new group (`SAM_MAPPING_MIXED_GROUPS`).
 * The mapping is recorded in the result's provenance.
 */
export function aggregateSam(sam: Sam, mapping: Readonly<Record<string, string>>, options: AggregateOptions = {}): Sam {
  for (const k of Object.keys(mapping)) {
    if (!sam.has(k))
      throw new InputError('SAM_MAPPING_UNKNOWN', `the mapping names account '${k}', which is not in the SAM`, { account: k });
  }
  const target: string[] = sam.labels.map((l) => {
    const t = Object.hasOwn(mapping, l) ? mapping[l] : options.keepUnmapped ? l : undefined;
    if (t === undefined)
      throw new InputError('SAM_MAPPING_MISSING', `account '${l}' is not in the mapping; map every account (to itself to keep it)`, {
        account: l,
      });
    if (t.trim() === '') throw new InputError('SAM_MAPPING_MISSING', `account '${l}' is mapped to an empty label`, { account: l });
    return t;
  });
  const firstSeen: string[] = [];
  for (const t of target) if (!firstSeen.includes(t)) firstSeen.push(t);
  let order = firstSeen;
  if (options.order) {
    const set = new Set(options.order);
    for (const t of firstSeen) {
      if (!set.has(t)) throw new InputError('SAM_MAPPING_ORDER', `order lacks the new account '${t}'`, { account: t });
    }
    order = options.order.filter((t) => firstSeen.includes(t));
  }
  const pos = new Map(order.map((t, i) => [t, i]));
  const groups: Record<string, AccountGroup> = {};
  order.forEach((t) => {
    const given = options.groups?.[t];
    const members = sam.accounts.filter((_, i) => target[i] === t);
    const gs = [...new Set(members.map((a) => a.group))];
    if (given) groups[t] = given;
    else if (gs.length === 1) groups[t] = gs[0];
    else {
      throw new InputError(
        'SAM_MAPPING_MIXED_GROUPS',
        `new account '${t}' merges accounts of groups ${gs.join(', ')} (${members.map((a) => a.label).join(', ')}); give its group in options.groups`,
        { account: t },
      );
    }
  });
  const m = order.length;
  const n = sam.n;
  const idx = target.map((t) => pos.get(t)!);
  const values = new Float64Array(m * m);
  for (let i = 0; i < n; i++) {
    const I = idx[i];
    for (let j = 0; j < n; j++) values[I * m + idx[j]] += sam.values[i * n + j];
  }
  const sortedMapping: Record<string, string> = {};
  sam.labels.forEach((l, i) => {
    sortedMapping[l] = target[i];
  });
  return new Sam(order, values, {
    groups,
    ...(sam.unit !== undefined ? { unit: sam.unit } : {}),
    provenance: [
      ...sam.provenance,
      {
        operation: 'aggregate',
        description: `aggregated ${n} accounts into ${m}`,
        ...(options.source !== undefined ? { source: options.source } : {}),
        details: { mapping: sortedMapping },
      },
    ],
  });
}
