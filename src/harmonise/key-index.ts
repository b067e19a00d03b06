/** {@link KeyIndex} slot states, kept in the value array (an observation index is never negative). */
const EMPTY = -1,
  DELETED = -2;

/**
 * Open-addressing hash index from exact numeric keys (integers below 2^53) to observation indexes
 * (non-negative 32-bit integers): two typed arrays instead of a `Map`, so that a million keys need
 * no boxed numbers and little garbage collection (12 bytes a slot, filled up to three quarters).
 * Linear probing; deleted slots keep the probe chain (tombstones).
 */
export class KeyIndex {
  private keys: Float64Array;
  /** Observation index, or {@link EMPTY} / {@link DELETED}. */
  private vals: Int32Array;
  private used = 0;
  private mask: number;

  constructor(capacity = 1024) {
    let cap = 1024;
    while (cap * 3 < capacity * 4) cap *= 2;
    this.keys = new Float64Array(cap);
    this.vals = new Int32Array(cap).fill(EMPTY);
    this.mask = cap - 1;
  }

  private slot(k: number): number {
    const lo = k % 4294967296;
    const hi = (k - lo) / 4294967296;
    let h = Math.imul(lo | 0, 0x9e3779b1) ^ Math.imul(hi | 0, 0x85ebca6b);
    h ^= h >>> 15;
    return h & this.mask;
  }

  /** Observation index stored under `k`, or undefined. */
  get(k: number): number | undefined {
    const { keys, vals, mask } = this;
    for (let s = this.slot(k); ; s = (s + 1) & mask) {
      const v = vals[s];
      if (v === EMPTY) return undefined;
      if (v >= 0 && keys[s] === k) return v;
    }
  }

  /** Stores `v` (a non-negative 32-bit integer) under `k`, replacing. */
  set(k: number, v: number): void {
    if ((this.used + 1) * 4 > (this.mask + 1) * 3) this.grow();
    const { keys, vals, mask } = this;
    let free = -1;
    for (let s = this.slot(k); ; s = (s + 1) & mask) {
      const st = vals[s];
      if (st >= 0 && keys[s] === k) {
        vals[s] = v;
        return;
      }
      if (st === DELETED && free < 0) free = s;
      if (st === EMPTY) {
        const at = free >= 0 ? free : s;
        if (free < 0) this.used++;
        keys[at] = k;
        vals[at] = v;
        return;
      }
    }
  }

  /** Removes `k` if present. */
  delete(k: number): void {
    const { keys, vals, mask } = this;
    for (let s = this.slot(k); ; s = (s + 1) & mask) {
      const st = vals[s];
      if (st === EMPTY) return;
      if (st >= 0 && keys[s] === k) {
        vals[s] = DELETED;
        return;
      }
    }
  }

  private grow(): void {
    const { keys, vals } = this;
    const cap = (this.mask + 1) * 2;
    this.keys = new Float64Array(cap);
    this.vals = new Int32Array(cap).fill(EMPTY);
    this.mask = cap - 1;
    this.used = 0;
    for (let s = 0; s < vals.length; s++) if (vals[s] >= 0) this.set(keys[s], vals[s]);
  }
}
