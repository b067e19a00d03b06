import { InputError } from '../errors.js';
import { dsdBreakdowns } from '../guidelines/dsd.js';
import { KeyIndex } from './key-index.js';

/** Capacity (bits) of the parts of the numeric key: 48 bits in all, exact in a double. */
const AREA_BITS = 11,
  IND_BITS = 9,
  COMBO_BITS = 16,
  TIME_BITS = 12;
const CAP = { area: 2 ** AREA_BITS, indicator: 2 ** IND_BITS, combo: 2 ** COMBO_BITS, time: 2 ** TIME_BITS };
/** Initial capacity (observations) of the typed arrays. */
const INITIAL = 1024;

/** {@link ObservationStore.dropped}: another source's value won the key. */
export const DROPPED_SUPERSEDED = 1;
/** {@link ObservationStore.dropped}: a zero before its series starts (leading-zero padding). */
export const DROPPED_PADDING = 2;

/** A key dimension a change of {@link ObservationStore.sibling} may name: a DSD dimension id but FREQ. */
export type KeyChange = Readonly<Record<string, string>>;

/**
 * Column store of harmonised observations: one typed array per field, so that a million
 * observations are a few flat arrays (about 35 bytes each) rather than a million objects. The key
 * dimensions are those of the data structure definition (`guidelines/dsd/DSD_DIGITAL.json`):
 * REF_AREA, INDICATOR, every breakdown and TIME_PERIOD. Codes are interned (each distinct code is
 * stored once); the breakdown codes of an observation are interned together as one combination,
 * so that the key is one exact number (48 bits: up to 2048 areas, 512 indicators, 65536 breakdown
 * combinations and 4096 periods per run) from which each code is read back. Values are in the
 * indicator's canonical unit with UNIT_MULT 0; `NaN` is a missing value (its OBS_STATUS says why).
 * The typed arrays are longer than {@link length} (room to grow): read them below it only.
 */
export class ObservationStore {
  /** Breakdown dimensions in key order (from the DSD). */
  readonly breakdowns: readonly string[] = dsdBreakdowns().map((d) => d.id);
  private n = 0;
  /** Numeric key of each observation (see the class comment). */
  key = new Float64Array(INITIAL);
  /** Value in the canonical unit, `NaN` when missing. */
  value = new Float64Array(INITIAL);
  /** Interned UNIT_MEASURE (see {@link unitOf}). */
  unitId = new Uint16Array(INITIAL);
  /** Interned OBS_STATUS (see {@link statusOf}). */
  statusId = new Uint16Array(INITIAL);
  /** Index of the source (mapping) in the run. */
  source = new Uint16Array(INITIAL);
  /** Row of the source file (provenance). */
  row = new Int32Array(INITIAL);
  /** Interned provenance column (see {@link columnOf}). */
  columnId = new Int32Array(INITIAL);
  /** 0 live; {@link DROPPED_SUPERSEDED} or {@link DROPPED_PADDING} when dropped after insertion. */
  dropped = new Uint8Array(INITIAL);
  /** Previous candidate with the same key (another source's value for it), or -1. */
  prev = new Int32Array(INITIAL);
  /**
   * key → index of an observation. While sources are read, the last candidate of the key (the head
   * of its chain through {@link prev}); once conflicts are resolved, the winner.
   */
  readonly byKey = new KeyIndex();
  /** Interned REF_AREA codes (id = the key's area part). */
  readonly areas = new Interner('REF_AREA', CAP.area);
  /** Interned INDICATOR codes (id = the key's indicator part). */
  readonly indicators = new Interner('INDICATOR', CAP.indicator);
  /** Interned TIME_PERIOD values (id = the key's period part). */
  readonly times = new Interner('TIME_PERIOD', CAP.time);
  /** Interned UNIT_MEASURE codes. */
  readonly units = new Interner('UNIT_MEASURE', 2 ** 16);
  /** Interned OBS_STATUS codes. */
  readonly statuses = new Interner('OBS_STATUS', 2 ** 16);
  /** Interned provenance columns. */
  readonly columns = new Interner('provenance columns', 2 ** 31 - 1);
  private readonly combos = new Interner('breakdown combinations', CAP.combo);
  private readonly comboCodes: (readonly string[])[] = [];
  private lastColumn: string | undefined;
  private lastUnit: string | undefined;
  private lastStatus: string | undefined;
  private lastUnitId = 0;
  private lastStatusId = 0;
  private lastColumnId = 0;

  /** Interned REF_AREA id of observation `i`. */
  areaIdOf(i: number): number {
    return Math.floor(this.key[i] / (CAP.indicator * CAP.combo * CAP.time));
  }
  /** Interned INDICATOR id of observation `i`. */
  indicatorIdOf(i: number): number {
    return Math.floor(this.key[i] / (CAP.combo * CAP.time)) % CAP.indicator;
  }
  /** REF_AREA of observation `i`. */
  areaOf(i: number): string {
    return this.areas.texts[Math.floor(this.key[i] / (CAP.indicator * CAP.combo * CAP.time))];
  }
  /** INDICATOR of observation `i`. */
  indicatorOf(i: number): string {
    return this.indicators.texts[Math.floor(this.key[i] / (CAP.combo * CAP.time)) % CAP.indicator];
  }
  /** Breakdown combination id of observation `i` (see {@link codes}). */
  comboOf(i: number): number {
    return Math.floor(this.key[i] / CAP.time) % CAP.combo;
  }
  /** Interned TIME_PERIOD id of observation `i`. */
  timeIdOf(i: number): number {
    return this.key[i] % CAP.time;
  }
  /** TIME_PERIOD of observation `i`. */
  timeOf(i: number): string {
    return this.times.texts[this.key[i] % CAP.time];
  }
  /** UNIT_MEASURE of observation `i`. */
  unitOf(i: number): string {
    return this.units.texts[this.unitId[i]];
  }
  /** OBS_STATUS of observation `i`. */
  statusOf(i: number): string {
    return this.statuses.texts[this.statusId[i]];
  }
  /** Provenance column (or JSON path) of observation `i`. */
  columnOf(i: number): string {
    return this.columns.texts[this.columnId[i]];
  }
  /** The breakdown codes of combination `id` (shared: do not change). */
  comboCodesOf(id: number): readonly string[] {
    return this.comboCodes[id];
  }
  /** Number of breakdown combinations seen. */
  get comboCount(): number {
    return this.comboCodes.length;
  }

  /** Number of slots (live and dropped). */
  get length(): number {
    return this.n;
  }

  /** The breakdown codes of observation `i`, in {@link breakdowns} order (shared: do not change). */
  codes(i: number): readonly string[] {
    return this.comboCodes[this.comboOf(i)];
  }

  /** The code of breakdown `dim` (e.g. `URBANISATION`) of observation `i`. */
  code(i: number, dim: string): string {
    return this.comboCodes[this.comboOf(i)][this.breakdowns.indexOf(dim)];
  }

  private lastCodes: string[] = [];
  private lastComboId = -1;

  private comboId(codes: readonly string[], add: boolean): number {
    // consecutive cells mostly share their breakdowns: the last combination is checked first
    const last = this.lastCodes;
    if (this.lastComboId >= 0 && last.length === codes.length) {
      let k = 0;
      while (k < codes.length && codes[k] === last[k]) k++;
      if (k === codes.length) return this.lastComboId;
    }
    const id = this.comboIdOfText(codes, add);
    if (id >= 0) {
      this.lastCodes = codes.slice();
      this.lastComboId = id;
    }
    return id;
  }

  private comboIdOfText(codes: readonly string[], add: boolean): number {
    const text = codes.join('\u0001');
    const id = add ? this.combos.id(text) : this.combos.find(text);
    if (id === this.comboCodes.length) this.comboCodes.push(codes.slice());
    return id;
  }

  private pack(a: number, i: number, c: number, t: number): number {
    return ((a * CAP.indicator + i) * CAP.combo + c) * CAP.time + t;
  }

  /**
   * Numeric key of a combination, adding new codes.
   * @param codes breakdown codes in {@link breakdowns} order
   */
  keyAndIntern(area: string, indicator: string, codes: readonly string[], time: string): number {
    return this.pack(this.areas.id(area), this.indicators.id(indicator), this.comboId(codes, true), this.times.id(time));
  }

  /** Numeric key of a combination, or -1 when one of its codes was never seen (so it has no observation). */
  keyOf(area: string, indicator: string, codes: readonly string[], time: string): number {
    const a = this.areas.find(area),
      i = this.indicators.find(indicator),
      t = this.times.find(time),
      c = this.comboId(codes, false);
    return a < 0 || i < 0 || t < 0 || c < 0 ? -1 : this.pack(a, i, c, t);
  }

  private readonly comboWithCache = new Map<string, Int32Array>();

  /**
   * The combination that differs from combination `c` only in breakdown `k` (its code `code`), or
   * -1 when it was never seen (cached: the same question is asked of every observation).
   */
  comboWith(c: number, k: number, code: string): number {
    const tag = `${k}\u0001${code}`;
    let m = this.comboWithCache.get(tag);
    if (!m || m.length < this.comboCodes.length) {
      const old = m;
      m = new Int32Array(this.comboCodes.length).fill(-2);
      if (old) m.set(old);
      this.comboWithCache.set(tag, m);
    }
    if (m[c] === -2) {
      const codes = this.comboCodes[c].slice();
      codes[k] = code;
      m[c] = this.comboIdOfText(codes, false);
    }
    return m[c];
  }

  /**
   * Index (as {@link byKey} holds it) of the observation with the key of observation `i` but
   * indicator id `ind` (-1: the same) and combination `combo`, or undefined; `combo` or `ind` -2
   * (never seen) gives undefined.
   */
  withParts(i: number, ind: number, combo: number): number | undefined {
    if (ind === -2 || combo < 0) return undefined;
    const a = this.areaIdOf(i);
    const t = this.timeIdOf(i);
    return this.byKey.get(this.pack(a, ind === -1 ? this.indicatorIdOf(i) : ind, combo, t));
  }

  /** The combination id of `codes` (breakdown codes in key order), or -1 when never seen. */
  comboIdOf(codes: readonly string[]): number {
    return this.comboIdOfText(codes, false);
  }

  /** Index of the live observation with this combination, or undefined. */
  find(area: string, indicator: string, codes: readonly string[], time: string): number | undefined {
    const k = this.keyOf(area, indicator, codes, time);
    return k < 0 ? undefined : this.byKey.get(k);
  }

  /**
   * Index of the observation (as {@link byKey} holds it) that differs from observation `i` only
   * in the given dimensions (e.g. the urban value of a total: `{ URBANISATION: 'U' }`), or undefined.
   * @param i an observation
   * @param change code by DSD dimension id (REF_AREA, INDICATOR, a breakdown, TIME_PERIOD)
   */
  sibling(i: number, change: KeyChange): number | undefined {
    const codes = this.breakdowns.map((d, k) => change[d] ?? this.codes(i)[k]);
    return this.find(
      change.REF_AREA ?? this.areaOf(i),
      change.INDICATOR ?? this.indicatorOf(i),
      codes,
      change.TIME_PERIOD ?? this.timeOf(i),
    );
  }

  /** Key of the series (all dimensions but the period). */
  seriesOf(i: number): number {
    return Math.floor(this.key[i] / CAP.time);
  }

  /** Series key (as {@link seriesOf}) of a combination without its period, adding new codes. */
  seriesKey(area: string, indicator: string, codes: readonly string[]): number {
    return Math.floor(this.pack(this.areas.id(area), this.indicators.id(indicator), this.comboId(codes, true), 0) / CAP.time);
  }

  /** Indexes of every candidate stored under `key` (all sources, dropped ones included), oldest first. */
  candidates(key: number): number[] {
    const out: number[] = [];
    for (let i = this.byKey.get(key) ?? -1; i >= 0; i = this.prev[i]) out.push(i);
    return out.reverse();
  }

  /**
   * Appends a candidate observation at the head of its key's chain and returns its index (the key
   * from {@link keyAndIntern}). Which candidate of a key wins is decided once every source is read.
   */
  push(key: number, value: number, unit: string, status: string, source: number, row: number, column: string): number {
    const i = this.n;
    if (i === this.key.length) this.grow();
    this.key[i] = key;
    this.value[i] = value;
    if (unit !== this.lastUnit || status !== this.lastStatus) {
      this.lastUnit = unit;
      this.lastStatus = status;
      this.lastUnitId = this.units.id(unit);
      this.lastStatusId = this.statuses.id(status);
    }
    this.unitId[i] = this.lastUnitId;
    this.statusId[i] = this.lastStatusId;
    if (source > 0xffff) throw new InputError('TOO_MANY_CODES', 'more than 65535 sources in one run');
    this.source[i] = source;
    this.row[i] = row;
    if (column !== this.lastColumn) {
      this.lastColumn = column;
      this.lastColumnId = this.columns.id(column);
    }
    this.columnId[i] = this.lastColumnId;
    this.dropped[i] = 0;
    const head = this.byKey.get(key);
    this.prev[i] = head ?? -1;
    this.byKey.set(key, i);
    this.n = i + 1;
    return i;
  }

  /** Makes room for more observations (half as many again: little slack, and copies in place of many small arrays). */
  private grow(): void {
    const cap = Math.ceil(this.key.length * 1.5);
    const more = <T extends Float64Array | Int32Array | Uint16Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(cap);
      b.set(a);
      return b;
    };
    this.key = more(this.key, (n) => new Float64Array(n));
    this.value = more(this.value, (n) => new Float64Array(n));
    this.unitId = more(this.unitId, (n) => new Uint16Array(n));
    this.statusId = more(this.statusId, (n) => new Uint16Array(n));
    this.source = more(this.source, (n) => new Uint16Array(n));
    this.row = more(this.row, (n) => new Int32Array(n));
    this.columnId = more(this.columnId, (n) => new Int32Array(n));
    this.dropped = more(this.dropped, (n) => new Uint8Array(n));
    this.prev = more(this.prev, (n) => new Int32Array(n));
  }

  /**
   * Indexes of live observations sorted by REF_AREA, INDICATOR, each breakdown in DSD order, then
   * TIME_PERIOD, each in plain code-unit order (deterministic everywhere).
   */
  sortedLive(): Int32Array {
    const rankOf = (texts: readonly string[], cmp: (a: number, b: number) => number): Int32Array => {
      const order = texts.map((_, i) => i).sort(cmp);
      const r = new Int32Array(texts.length);
      order.forEach((id, k) => {
        r[id] = k;
      });
      return r;
    };
    const byText =
      (t: readonly string[]) =>
      (a: number, b: number): number =>
        t[a] < t[b] ? -1 : t[a] > t[b] ? 1 : 0;
    const cc = this.comboCodes;
    const byCodes = (a: number, b: number): number => {
      for (let k = 0; k < this.breakdowns.length; k++) if (cc[a][k] !== cc[b][k]) return cc[a][k] < cc[b][k] ? -1 : 1;
      return 0;
    };
    const parts = [this.areas.texts, this.indicators.texts, cc.map((c) => c.join('\u0001')), this.times.texts];
    const ranks = [
      rankOf(parts[0], byText(parts[0])),
      rankOf(parts[1], byText(parts[1])),
      rankOf(parts[2], byCodes),
      rankOf(parts[3], byText(parts[3])),
    ];
    const caps = [CAP.indicator, CAP.combo, CAP.time];
    const width = parts.map((t) => Math.max(0, Math.ceil(Math.log2(Math.max(1, t.length)))));
    const dense = width.map((w) => 2 ** w);
    let live = 0;
    for (let i = 0; i < this.n; i++) if (!this.dropped[i]) live++;
    const idx = new Int32Array(live);
    for (let i = 0, k = 0; i < this.n; i++) if (!this.dropped[i]) idx[k++] = i;
    // the packed index is a slot of the store (live or dropped), so its width covers every slot
    const idxBits = Math.max(1, Math.ceil(Math.log2(this.n + 1)));
    const fits = width.reduce((a, b) => a + b, 0) + idxBits <= 53;
    const packed = new Float64Array(idx.length);
    const ids = [0, 0, 0, 0];
    for (let n = 0; n < idx.length; n++) {
      const i = idx[n];
      let k = this.key[i];
      for (let d = 3; d >= 1; d--) {
        const r = k % caps[d - 1];
        ids[d] = r;
        k = (k - r) / caps[d - 1];
      }
      ids[0] = k;
      let v = 0;
      for (let d = 0; d < 4; d++) v = v * dense[d] + ranks[d][ids[d]];
      packed[n] = fits ? v * 2 ** idxBits + i : v;
    }
    if (fits) {
      // one native numeric sort of (sort key, index) packed in an exact double
      packed.sort();
      const mod = 2 ** idxBits;
      for (let n = 0; n < packed.length; n++) idx[n] = packed[n] % mod;
      return idx;
    }
    const byPos = new Float64Array(this.n);
    for (let n = 0; n < idx.length; n++) byPos[idx[n]] = packed[n];
    return idx.sort((a, b) => byPos[a] - byPos[b]);
  }
}

/** Interns the texts of one field: each distinct text gets the next id, up to a capacity. */
export class Interner {
  private readonly ids = new Map<string, number>();
  readonly texts: string[] = [];
  constructor(
    private readonly what: string,
    private readonly cap: number,
  ) {}

  /** Id of `text`, adding it when new. */
  id(text: string): number {
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.texts.length;
      if (id >= this.cap) throw new InputError('TOO_MANY_CODES', `more than ${this.cap} distinct ${this.what} values in one run`);
      this.ids.set(text, id);
      this.texts.push(text);
    }
    return id;
  }

  /** Id of `text`, or -1 when it was never seen. */
  find(text: string): number {
    return this.ids.get(text) ?? -1;
  }

  /** The interned copy of id `id`. */
  text(id: number): string {
    return this.texts[id];
  }
}
