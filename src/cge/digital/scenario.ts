import { ModelError } from '../../errors.js';
import type { CgeScenario } from '../scenario.js';
import type { PreparedModel } from '../run.js';
import type { AccessGroup, ConnectivityShift } from './connectivity.js';

/** Which SAM household account plays each access group (default: the group names themselves). */
export type GroupAccounts = Readonly<Record<AccessGroup, string>>;

const IDENTITY: GroupAccounts = { URB_CON: 'URB_CON', URB_UNC: 'URB_UNC', RUR_CON: 'RUR_CON', RUR_UNC: 'RUR_UNC' };

/** A parameter's benchmark value in a prepared model. */
function param(prep: PreparedModel, name: string, index: readonly string[] = []): number {
  const m = prep.calibrated.model;
  return prep.p0[prep.compiled.params.offset.get(name)! + m.flatIndex(m.getParameter(name), index)]!;
}

/**
 * Translates a connectivity shift (people moving from unconnected to connected household groups)
 * into explicit ddcge parameter shocks:
 * - `POP`: the groups' populations after the moves;
 * - `FFH`: each mover takes the per-capita factor endowment of the group left; a mover's labour
 *   becomes `(1 + premium)` times as productive (the productivity premium of connected workers);
 * - `acc`, `dpo`: each newly connected person buys `accq` of the telecom good for access and
 *   faces an effective price `1 − pdisc` for orderable goods; at group level both are scaled by the
 *   group's newly connected share (the access and price channels);
 * - `TFP`: `1 + spill·dint(j)·(CON₁ − CON₀)/CON₀`, with CON the connected population share (the
 *   spillover channel).
 * The same shift always gives the same shocks, so a scenario stated in indicators and its explicit
 * form solve identically.
 */
export function connectivityScenario(
  prep: PreparedModel,
  shift: ConnectivityShift,
  name: string,
  groups: GroupAccounts = IDENTITY,
): CgeScenario {
  const m = prep.calibrated.model;
  const hh = m.getSet('hh').elements;
  // only the groups people move between must be households of the model (an urban-only economy has no rural groups)
  for (const g of shift.moves.flatMap((mv) => [groups[mv.from], groups[mv.to]])) {
    if (!hh.includes(g))
      throw new ModelError('UNKNOWN_ELEMENT', `household group "${g}" is not a household of model ${m.name} (${hh.join(', ')})`, {
        index: [g],
      });
  }
  const factors = m.getSet('f').elements;
  const labour = new Set(m.getSet('lab').elements);
  const connected = new Set(m.getSet('hcon').elements);
  const pop0 = new Map(hh.map((h) => [h, param(prep, 'POP', [h])]));
  const pop1 = new Map(pop0);
  const ffh1 = new Map(factors.flatMap((f) => hh.map((h) => [`${f}|${h}`, param(prep, 'FFH', [f, h])] as const)));
  for (const move of shift.moves) {
    const from = groups[move.from];
    const to = groups[move.to];
    const share = move.persons / pop0.get(from)!;
    if (!(share <= 1 + 1e-12)) {
      throw new ModelError('MOVE_EXCEEDS_GROUP', `${move.persons} persons cannot move out of ${from}, which has ${pop0.get(from)}`, {
        index: [from],
      });
    }
    pop1.set(from, pop1.get(from)! - move.persons);
    pop1.set(to, pop1.get(to)! + move.persons);
    for (const f of factors) {
      const carried = share * param(prep, 'FFH', [f, from]);
      const premium = labour.has(f) && connected.has(to) && !connected.has(from) ? param(prep, `prem_${f}`) : 0;
      ffh1.set(`${f}|${from}`, ffh1.get(`${f}|${from}`)! - carried);
      ffh1.set(`${f}|${to}`, ffh1.get(`${f}|${to}`)! + carried * (1 + premium));
    }
  }
  const conShare = (pop: Map<string, number>) =>
    [...connected].reduce((s, h) => s + pop.get(h)!, 0) / hh.reduce((s, h) => s + pop.get(h)!, 0);
  const con0 = conShare(pop0);
  const con1 = conShare(pop1);
  const spill = param(prep, 'spill');
  const accq = param(prep, 'accq');
  const pdisc = param(prep, 'pdisc');
  const goods = m.getSet('i').elements;
  const newlyConnected = new Map<string, number>();
  for (const move of shift.moves) {
    const to = groups[move.to];
    if (connected.has(to) && !connected.has(groups[move.from])) newlyConnected.set(to, (newlyConnected.get(to) ?? 0) + move.persons);
  }
  const shocks: NonNullable<CgeScenario['shocks']> = [];
  for (const h of hh) if (pop1.get(h) !== pop0.get(h)) shocks.push({ parameter: 'POP', index: [h], set: pop1.get(h)! });
  for (const [h, persons] of [...newlyConnected].sort()) {
    const share = persons / pop1.get(h)!;
    for (const i of goods) {
      if (accq > 0 && param(prep, 'isTel', [i]) === 1) shocks.push({ parameter: 'acc', index: [i, h], set: accq * share });
      if (pdisc > 0 && param(prep, 'isOrd', [i]) === 1) shocks.push({ parameter: 'dpo', index: [i, h], set: pdisc * share });
    }
  }
  for (const f of factors) {
    for (const h of hh) {
      const v = ffh1.get(`${f}|${h}`)!;
      if (v !== param(prep, 'FFH', [f, h])) shocks.push({ parameter: 'FFH', index: [f, h], set: v });
    }
  }
  if (spill > 0 && con1 !== con0) {
    for (const j of goods) {
      shocks.push({ parameter: 'TFP', index: [j], set: 1 + spill * param(prep, 'dint', [j]) * ((con1 - con0) / con0) });
    }
  }
  return { name, description: shift.statement, shocks };
}
