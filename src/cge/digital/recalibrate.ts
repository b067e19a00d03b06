/**
 * Fast recalibration of ddcge to new elasticities and channel parameters, for systematic
 * sensitivity analysis: the benchmark levels (the SAM) do not depend on elasticities, nor does the
 * compiled structure (the `$` conditions depend only on which SAM cells are non-zero), so a draw
 * only needs the elasticity-dependent calibrated parameters recomputed into a copy of the
 * benchmark parameter vector — no new model, no recompilation. The formulas are those of
 * `calibrateDdcge`; a test checks the vector equals a full calibration's.
 * @module
 */
import { ModelError } from '../../errors.js';
import type { PreparedModel } from '../run.js';
import { channelsOf } from './ddcge.js';
import { calibrateLes } from './les.js';
import { elementValue } from '../models/params.js';

/** The parameter-file values a draw may change (by key, then element). */
export interface DdcgeUncertainValues {
  armington_elasticity?: Record<string, number>;
  transformation_elasticity?: Record<string, number>;
  va_elasticity?: Record<string, number>;
  income_elasticity?: Record<string, number>;
  frisch?: Record<string, number>;
  channels?: { access_quantity?: number; price_discount?: number; spillover?: number; productivity_premium?: Record<string, number> };
}

/**
 * The calibrated parameter vector of a prepared ddcge model under the parameter file `params`
 * (same SAM, so the same benchmark levels): every elasticity-dependent parameter is recomputed,
 * all others copied from `prep.p0`.
 */
export function ddcgeParameterVector(prep: PreparedModel, params: Readonly<Record<string, unknown>>): Float64Array {
  const m = prep.calibrated.model;
  const cm = prep.compiled;
  const p = Float64Array.from(prep.p0);
  const x0 = prep.x0;
  const goods = m.getSet('i').elements;
  const factors = m.getSet('f').elements;
  const hh = m.getSet('hh').elements;
  const labour = m.getSet('lab').elements;
  const po = (name: string) => cm.params.offset.get(name)!;
  const vo = (name: string) => cm.vars.offset.get(name)!;
  const pidx = (name: string, index: readonly string[]) => po(name) + m.flatIndex(m.getParameter(name), index);
  const lv = (name: string, index: readonly string[] = []) => x0[vo(name) + m.flatIndex(m.getVariable(name), index)]!;
  const setP = (name: string, index: readonly string[], v: number) => {
    if (!Number.isFinite(v))
      throw new ModelError('CALIBRATION_NOT_FINITE', `recalibration gives ${name}(${index.join(',')}) = ${v}`, {
        equation: name,
        index: [...index],
      });
    p[pidx(name, index)] = v;
  };
  // the same reading, with the same economic domains, as a full calibration
  const get = (key: string, el: string): number => elementValue(params, key, el, undefined, { code: 'MISSING_PARAMETER' });
  // value added
  for (const j of goods) {
    const s = get('va_elasticity', j);
    if (!(s > 0) || Math.abs(s - 1) < 1e-9)
      throw new ModelError('BAD_ELASTICITY', `the value-added elasticity of ${j} must be positive and not 1 (CES), got ${s}`, {
        jsonPath: `/va_elasticity/${j}`,
        index: [j],
      });
    const rho = (s - 1) / s;
    setP('rho', [j], rho);
    let s1 = 0;
    for (const f of factors) if (lv('F', [f, j]) > 0) s1 += Math.pow(lv('F', [f, j]), 1 - rho);
    let inner = 0;
    for (const f of factors) {
      const F0 = lv('F', [f, j]);
      const beta = F0 > 0 ? Math.pow(F0, 1 - rho) / s1 : 0;
      setP('beta', [f, j], beta);
      if (F0 > 0) inner += beta * Math.pow(F0, rho);
    }
    setP('b', [j], lv('Y', [j]) / Math.pow(inner, 1 / rho));
  }
  // Armington and CET
  for (const i of goods) {
    const M0 = lv('M', [i]);
    const E0 = lv('E', [i]);
    const D0 = lv('D', [i]);
    const Q0 = lv('Q', [i]);
    const Z0 = lv('Z', [i]);
    const taum = prep.p0[pidx('taum', [i])]!;
    if (M0 > 0) {
      const sig = get('armington_elasticity', i);
      const eta = (sig - 1) / sig;
      const dm = (1 + taum) * Math.pow(M0, 1 - eta);
      const dd = Math.pow(D0, 1 - eta);
      const deltam = dm / (dm + dd);
      const deltad = dd / (dm + dd);
      setP('eta', [i], eta);
      setP('deltam', [i], deltam);
      setP('deltad', [i], deltad);
      setP('gamma', [i], Q0 / Math.pow(deltam * Math.pow(M0, eta) + deltad * Math.pow(D0, eta), 1 / eta));
    }
    if (E0 > 0) {
      const psi = get('transformation_elasticity', i);
      const phi = (psi + 1) / psi;
      const xe = Math.pow(E0, 1 - phi);
      const xd = Math.pow(D0, 1 - phi);
      const xie = xe / (xe + xd);
      const xid = xd / (xe + xd);
      setP('phi', [i], phi);
      setP('xie', [i], xie);
      setP('xid', [i], xid);
      setP('theta', [i], Z0 / Math.pow(xie * Math.pow(E0, phi) + xid * Math.pow(D0, phi), 1 / phi));
    }
  }
  // LES
  const etas = goods.map((i) => get('income_elasticity', i));
  for (const h of hh) {
    const pop = prep.p0[pidx('POP', [h])]!;
    const q = goods.map((i) => lv('XH', [i, h]) / pop);
    const les = calibrateLes(
      q,
      goods.map(() => 1),
      etas,
      get('frisch', h),
      goods,
    );
    goods.forEach((i, k) => {
      setP('bet', [i, h], les.beta[k]!);
      setP('gam', [i, h], les.gamma[k]!);
    });
  }
  // channels
  const ch = channelsOf(params, labour);
  setP('accq', [], ch.accessQuantity);
  setP('pdisc', [], ch.priceDiscount);
  setP('spill', [], ch.spillover);
  for (const f of labour) setP(`prem_${f}`, [], ch.productivityPremium[f] ?? 0);
  return p;
}

/**
 * Applies draws of uncertain parameters to a parameter file: names `key.element`, `key.*` (every
 * element of the key at once), `channels.spillover`, `channels.productivity_premium.LAB_DS`.
 */
export function applyDraws(
  params: Readonly<Record<string, unknown>>,
  names: readonly string[],
  values: ArrayLike<number>,
): Record<string, unknown> {
  const out = structuredClone(params) as Record<string, unknown>;
  names.forEach((name, k) => {
    const v = values[k]!;
    const parts = name.split('.');
    if (parts[0] === 'channels') {
      const ch = (out.channels ??= {}) as Record<string, unknown>;
      if (parts[1] === 'productivity_premium') {
        const pp = (ch.productivity_premium ??= {}) as Record<string, number>;
        const labour = (out.labour as string[] | undefined) ?? Object.keys(pp);
        if (parts[2] === '*') for (const f of labour) pp[f] = v;
        else pp[parts[2]!] = v;
      } else ch[parts[1]!] = v;
      return;
    }
    const table = out[parts[0]!] as Record<string, number> | undefined;
    if (!table || typeof table !== 'object')
      throw new ModelError('UNKNOWN_PARAMETER', `uncertain parameter ${name}: the parameter file has no table "${parts[0]}"`, {
        jsonPath: `/${parts[0]}`,
      });
    if (parts[1] === '*') for (const el of Object.keys(table)) table[el] = v;
    else {
      if (!(parts[1]! in table))
        throw new ModelError('UNKNOWN_ELEMENT', `uncertain parameter ${name}: "${parts[1]}" is not an element of ${parts[0]}`, {
          jsonPath: `/${parts[0]}/${parts[1]}`,
        });
      table[parts[1]!] = v;
    }
  });
  return out;
}
