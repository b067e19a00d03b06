/**
 * A family of stdcge-structure SAMs with N goods, balanced by construction, from a seeded PRNG
 * (mulberry32), for the CGE benchmark. Accounts: G001…GNNN, CAP, LAB, IDT, TRF, HOH, GOV, INV, EXT.
 */
import type { SamInput } from '../src/cge/sam-input.js';
export { mulberry32 } from '../src/util/random.js';
import { mulberry32 } from '../src/util/random.js';

/** A balanced random stdcge-structure SAM with `n` goods. */
export function randomStdcgeSam(n: number, seed = 20101): SamInput {
  const rnd = mulberry32(seed + n);
  const u = (lo: number, hi: number) => lo + (hi - lo) * rnd();
  const goods = Array.from({ length: n }, (_, k) => `G${String(k + 1).padStart(3, '0')}`);
  const labels = [...goods, 'CAP', 'LAB', 'IDT', 'TRF', 'HOH', 'GOV', 'INV', 'EXT'];
  const N = labels.length;
  const at = new Map(labels.map((l, k) => [l, k]));
  const v = new Float64Array(N * N);
  const set = (r: string, c: string, x: number) => (v[at.get(r)! * N + at.get(c)!] = x);
  const get = (r: string, c: string) => v[at.get(r)! * N + at.get(c)!];
  const colTotal = new Map<string, number>();
  for (const j of goods) {
    const cap = u(5, 30);
    const lab = u(5, 30);
    const va = cap + lab;
    set('CAP', j, cap);
    set('LAB', j, lab);
    let xs = 0;
    for (const i of goods) {
      const x = (u(0.2, 1.0) * va) / n;
      set(i, j, x);
      xs += x;
    }
    const m = u(0.1, 0.3) * va;
    const tz = 0.05 * (va + xs) * u(0.5, 1.5);
    const tm = 0.1 * m * u(0.5, 1.5);
    set('EXT', j, m);
    set('IDT', j, tz);
    set('TRF', j, tm);
    colTotal.set(j, xs + va + m + tz + tm);
  }
  for (const i of goods) {
    let xs = 0;
    for (const j of goods) xs += get(i, j);
    const fd = colTotal.get(i)! - xs;
    const wp = u(0.35, 0.45);
    const wg = u(0.12, 0.18);
    const wv = u(0.25, 0.31);
    const we = 1 - wp - wg - wv;
    set(i, 'HOH', wp * fd);
    set(i, 'GOV', wg * fd);
    set(i, 'INV', wv * fd);
    set(i, 'EXT', we * fd);
  }
  const sum = (f: (g: string) => number) => goods.reduce((s, g) => s + f(g), 0);
  const capTot = sum((j) => get('CAP', j));
  const labTot = sum((j) => get('LAB', j));
  set('HOH', 'CAP', capTot);
  set('HOH', 'LAB', labTot);
  const idt = sum((j) => get('IDT', j));
  const trf = sum((j) => get('TRF', j));
  set('GOV', 'IDT', idt);
  set('GOV', 'TRF', trf);
  const td = 0.12 * (capTot + labTot);
  set('GOV', 'HOH', td);
  const sp = capTot + labTot - sum((i) => get(i, 'HOH')) - td;
  set('INV', 'HOH', sp);
  const sg = idt + trf + td - sum((i) => get(i, 'GOV'));
  set('INV', 'GOV', sg);
  set('INV', 'EXT', sum((i) => get(i, 'INV')) - sp - sg);
  if (!(sp > 0 && sg > 0)) throw new Error(`random SAM with ${n} goods has non-positive savings (Sp ${sp}, Sg ${sg})`);
  return { accounts: labels.map((label) => ({ label })), values: v };
}

/** stdcge parameters (σ = ψ = 2 for every good) for a SAM's goods. */
export function stdcgeParams(sam: SamInput): Record<string, unknown> {
  const goods = sam.accounts.map((a) => a.label).filter((l) => /^G\d+$/.test(l) || l === 'BRD' || l === 'MLK');
  const two = Object.fromEntries(goods.map((g) => [g, 2]));
  return { armington_elasticity: two, transformation_elasticity: two, numeraire: { variable: 'pf', index: 'LAB', value: 1 } };
}
