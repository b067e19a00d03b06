/**
 * Open-addressing hash index from exact numeric keys (integers below 2^53) to observation indexes:
 * two typed arrays instead of a `Map`, so that a million keys need no boxed numbers and little
 * garbage collection. Linear probing; deleted slots keep the probe chain (tombstones).
 */
export class KeyIndex {
  private keys: Float64Array;
  private vals: Int32Array;
  /** 0 empty, 1 used, 2 deleted. */
  private state: Uint8Array;
  private used = 0;
  private mask: number;

  constructor(capacity = 1024) {
    let cap = 1024;
    while (cap < capacity * 2) cap *= 2;
    this.keys = new Float64Array(cap);
    this.vals = new Int32Array(cap);
    this.state = new Uint8Array(cap);
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
    const { keys, state, mask } = this;
    for (let s = this.slot(k); ; s = (s + 1) & mask) {
      const st = state[s];
      if (st === 0) return undefined;
      if (st === 1 && keys[s] === k) return this.vals[s];
    }
  }

  /** Stores `v` under `k` (replacing). */
  set(k: number, v: number): void {
    if ((this.used + 1) * 2 > this.mask + 1) this.grow();
    const { keys, state, mask } = this;
    let free = -1;
    for (let s = this.slot(k); ; s = (s + 1) & mask) {
      const st = state[s];
      if (st === 1 && keys[s] === k) {
        this.vals[s] = v;
        return;
      }
      if (st === 2 && free < 0) free = s;
      if (st === 0) {
        const at = free >= 0 ? free : s;
        if (free < 0) this.used++;
        keys[at] = k;
        this.vals[at] = v;
        state[at] = 1;
        return;
      }
    }
  }

  /** Removes `k` if present. */
  delete(k: number): void {
    const { keys, state, mask } = this;
    for (let s = this.slot(k); ; s = (s + 1) & mask) {
      const st = state[s];
      if (st === 0) return;
      if (st === 1 && keys[s] === k) {
        state[s] = 2;
        return;
      }
    }
  }

  private grow(): void {
    const { keys, vals, state } = this;
    const cap = (this.mask + 1) * 2;
    this.keys = new Float64Array(cap);
    this.vals = new Int32Array(cap);
    this.state = new Uint8Array(cap);
    this.mask = cap - 1;
    this.used = 0;
    for (let s = 0; s < state.length; s++) if (state[s] === 1) this.set(keys[s], vals[s]);
  }
}
