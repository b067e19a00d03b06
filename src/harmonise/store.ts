import { InputError } from '../errors.js';
import { KeyIndex } from './key-index.js';

/** Capacity (bits) of each key dimension in the numeric key: 53 bits in all, exact in a double. */
const BITS = [11, 9, 5, 7, 4, 5, 12] as const;
const BASE = BITS.map((b) => 2 ** b);
const NAMES = ['REF_AREA', 'INDICATOR', 'SEX', 'AGE', 'URBANISATION', 'INCOME_WEALTH_QUANTILE', 'TIME_PERIOD'] as const;

/**
 * Column store of harmonised observations: one array per field, so that a million observations
 * are a dozen arrays rather than a million objects. Key dimensions are interned (each distinct code
 * is stored once) and the key is one exact number (53 bits: up to 2048 areas, 512 indicators,
 * 32 sex, 128 age, 16 urbanisation, 32 quantile codes and 4096 periods per run). Values are in the
 * indicator's canonical unit with UNIT_MULT 0; `NaN` is a missing value (its OBS_STATUS says why).
 */
export class ObservationStore {
  /** Numeric key of each observation (see the class comment). */
  readonly key: number[] = [];
  readonly area: string[] = [];
  readonly indicator: string[] = [];
  readonly sex: string[] = [];
  readonly age: string[] = [];
  readonly urbanisation: string[] = [];
  readonly quantile: string[] = [];
  readonly time: string[] = [];
  readonly value: number[] = [];
  readonly unit: string[] = [];
  readonly status: string[] = [];
  /** Index of the source (mapping) in the run. */
  readonly source: number[] = [];
  readonly row: number[] = [];
  readonly column: string[] = [];
  /** 1 when the observation was dropped after insertion (superseded, padding). */
  readonly dropped: number[] = [];
  /** Previous candidate with the same key (another source's value for it), or -1. */
  readonly prev: number[] = [];
  /**
   * key → index of an observation. While sources are read, the last candidate of the key (the head
   * of its chain through {@link prev}); once conflicts are resolved, the winner.
   */
  readonly byKey = new KeyIndex();
  private readonly ids: Map<string, number>[] = BITS.map(() => new Map());
  private readonly texts: string[][] = BITS.map(() => []);

  /** Number of slots (live and dropped). */
  get length(): number {
    return this.key.length;
  }

  /** The interned copy of `text` for dimension `d` (0 = REF_AREA … 6 = TIME_PERIOD), adding it when new. */
  intern(d: number, text: string): string {
    const id = this.ids[d].get(text);
    if (id !== undefined) return this.texts[d][id];
    this.idOf(d, text, true);
    return text;
  }

  private idOf(d: number, text: string, add: boolean): number {
    let id = this.ids[d].get(text);
    if (id === undefined) {
      if (!add) return -1;
      id = this.texts[d].length;
      if (id >= 2 ** BITS[d]) throw new InputError('TOO_MANY_CODES', `more than ${2 ** BITS[d]} distinct ${NAMES[d]} values in one run`);
      this.ids[d].set(text, id);
      this.texts[d].push(text);
    }
    return id;
  }

  /** Interned strings of the last {@link keyAndIntern} call, by dimension. */
  readonly scratch: string[] = new Array<string>(7).fill('');

  /**
   * Numeric key of a combination, adding new codes; the interned strings are left in {@link scratch}
   * (the insertion hot path: 7 map lookups, no allocation).
   */
  keyAndIntern(area: string, indicator: string, sex: string, age: string, urb: string, q: string, time: string): number {
    const T = this.texts, sc = this.scratch;
    const a = this.idOf(0, area, true), i = this.idOf(1, indicator, true), s = this.idOf(2, sex, true), g = this.idOf(3, age, true);
    const u = this.idOf(4, urb, true), q2 = this.idOf(5, q, true), t = this.idOf(6, time, true);
    sc[0] = T[0][a]; sc[1] = T[1][i]; sc[2] = T[2][s]; sc[3] = T[3][g]; sc[4] = T[4][u]; sc[5] = T[5][q2]; sc[6] = T[6][t];
    return (((((a * 512 + i) * 32 + s) * 128 + g) * 16 + u) * 32 + q2) * 4096 + t;
  }

  /** Numeric key of a combination, or -1 when one of its codes was never seen (so it has no observation). */
  keyOf(area: string, indicator: string, sex: string, age: string, urb: string, q: string, time: string, add = false): number {
    const a = this.idOf(0, area, add), i = this.idOf(1, indicator, add), s = this.idOf(2, sex, add), g = this.idOf(3, age, add);
    const u = this.idOf(4, urb, add), q2 = this.idOf(5, q, add), t = this.idOf(6, time, add);
    if (a < 0 || i < 0 || s < 0 || g < 0 || u < 0 || q2 < 0 || t < 0) return -1;
    return (((((a * 512 + i) * 32 + s) * 128 + g) * 16 + u) * 32 + q2) * 4096 + t;
  }

  /** Index of the live observation with this combination, or undefined. */
  find(area: string, indicator: string, sex: string, age: string, urb: string, q: string, time: string): number | undefined {
    const k = this.keyOf(area, indicator, sex, age, urb, q, time);
    return k < 0 ? undefined : this.byKey.get(k);
  }

  /**
   * Index of the live observation that differs from observation `i` only in the given dimensions
   * (e.g. the urban value of a total, or the POP_URB of the same area and period), or undefined.
   * @param i an observation
   * @param change code by dimension number (0 = REF_AREA … 6 = TIME_PERIOD); undefined = unchanged
   */
  sibling(i: number, change: readonly (string | undefined)[]): number | undefined {
    let k = this.key[i];
    const ids = this.sib;
    for (let d = 6; d >= 0; d--) { const b = BASE[d]; const r = k % b; ids[d] = r; k = (k - r) / b; }
    for (let d = 0; d < 7; d++) {
      const code = change[d];
      if (code === undefined) continue;
      const id = this.ids[d].get(code);
      if (id === undefined) return undefined;
      ids[d] = id;
    }
    let key = 0;
    for (let d = 0; d < 7; d++) key = key * BASE[d] + ids[d];
    return this.byKey.get(key);
  }
  private readonly sib = new Int32Array(7);

  /** Key of the series (all dimensions but the period). */
  seriesOf(i: number): number {
    return Math.floor(this.key[i] / 2 ** BITS[6]);
  }

  /** Series key (as {@link seriesOf}) of a combination without its period, adding new codes. */
  seriesKey(area: string, indicator: string, sex: string, age: string, urb: string, q: string): number {
    const a = this.idOf(0, area, true), i = this.idOf(1, indicator, true), s = this.idOf(2, sex, true), g = this.idOf(3, age, true);
    const u = this.idOf(4, urb, true), q2 = this.idOf(5, q, true);
    return ((((a * 512 + i) * 32 + s) * 128 + g) * 16 + u) * 32 + q2;
  }

  /** Indexes of every candidate stored under `key` (all sources, dropped ones included), oldest first. */
  candidates(key: number): number[] {
    const out: number[] = [];
    for (let i = this.byKey.get(key) ?? -1; i >= 0; i = this.prev[i]) out.push(i);
    return out.reverse();
  }

  /**
   * Appends a candidate observation (strings should be interned) at the head of its key's chain
   * and returns its index. Which candidate of a key wins is decided once every source is read.
   */
  push(key: number, area: string, indicator: string, sex: string, age: string, urb: string, q: string, time: string, value: number, unit: string, status: string, source: number, row: number, column: string): number {
    const i = this.key.length;
    this.key.push(key); this.area.push(area); this.indicator.push(indicator); this.sex.push(sex); this.age.push(age);
    this.urbanisation.push(urb); this.quantile.push(q); this.time.push(time); this.value.push(value); this.unit.push(unit);
    this.status.push(status); this.source.push(source); this.row.push(row); this.column.push(column); this.dropped.push(0);
    this.prev.push(this.byKey.get(key) ?? -1);
    this.byKey.set(key, i);
    return i;
  }

  /**
   * Indexes of live observations sorted by REF_AREA, INDICATOR, SEX, AGE, URBANISATION,
   * INCOME_WEALTH_QUANTILE, TIME_PERIOD, each in plain code-unit order (deterministic everywhere).
   */
  sortedLive(): number[] {
    const rank = this.texts.map((t) => {
      const order = t.map((_, i) => i).sort((a, b) => (t[a] < t[b] ? -1 : t[a] > t[b] ? 1 : 0));
      const r = new Int32Array(t.length);
      order.forEach((id, k) => { r[id] = k; });
      return r;
    });
    const idx: number[] = [];
    for (let i = 0; i < this.key.length; i++) if (!this.dropped[i]) idx.push(i);
    // dense widths: bits needed for the codes actually seen, and for the observation index
    const width = this.texts.map((t) => Math.max(0, Math.ceil(Math.log2(Math.max(1, t.length)))));
    // the packed index is a slot of the store (live or dropped), so its width covers every slot
    const idxBits = Math.max(1, Math.ceil(Math.log2(this.key.length + 1)));
    const ids = new Int32Array(7);
    const dense = width.map((w) => 2 ** w);
    const packed = new Float64Array(idx.length);
    const fits = width.reduce((a, b) => a + b, 0) + idxBits <= 53;
    for (let n = 0; n < idx.length; n++) {
      const i = idx[n];
      let k = this.key[i];
      for (let d = 6; d >= 0; d--) { const b = BASE[d]; const r = k % b; ids[d] = r; k = (k - r) / b; }
      let v = 0;
      for (let d = 0; d < 7; d++) v = v * dense[d] + rank[d][ids[d]];
      packed[n] = fits ? v * 2 ** idxBits + i : v;
    }
    if (fits) {
      // one native numeric sort of (sort key, index) packed in an exact double
      packed.sort();
      const mod = 2 ** idxBits;
      const out = new Array<number>(idx.length);
      for (let n = 0; n < packed.length; n++) out[n] = packed[n] % mod;
      return out;
    }
    const byPos = new Float64Array(this.key.length);
    for (let n = 0; n < idx.length; n++) byPos[idx[n]] = packed[n];
    const out = idx.sort((a, b) => byPos[a] - byPos[b]);
    return out;
  }
}
