/**
 * Column store of harmonised observations: one array per field, so that a million observations
 * are a dozen arrays rather than a million objects. Values are in the indicator's canonical unit
 * with UNIT_MULT 0; `NaN` is a missing value (its OBS_STATUS says why).
 */
export class ObservationStore {
  /** Series key + period joined with U+0001 (sort order of the output). */
  readonly key: string[] = [];
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
  /** key → index of the live observation. */
  readonly byKey = new Map<string, number>();

  /** Number of slots (live and dropped). */
  get length(): number {
    return this.key.length;
  }

  /** Appends an observation and returns its index. */
  push(key: string, area: string, indicator: string, sex: string, age: string, urb: string, q: string, time: string, value: number, unit: string, status: string, source: number, row: number, column: string): number {
    const i = this.key.length;
    this.key.push(key); this.area.push(area); this.indicator.push(indicator); this.sex.push(sex); this.age.push(age);
    this.urbanisation.push(urb); this.quantile.push(q); this.time.push(time); this.value.push(value); this.unit.push(unit);
    this.status.push(status); this.source.push(source); this.row.push(row); this.column.push(column); this.dropped.push(0);
    this.byKey.set(key, i);
    return i;
  }

  /** Indexes of live observations sorted by key (plain code-unit order: deterministic everywhere). */
  sortedLive(): number[] {
    const idx: number[] = [];
    for (let i = 0; i < this.key.length; i++) if (!this.dropped[i]) idx.push(i);
    const k = this.key;
    idx.sort((a, b) => (k[a] < k[b] ? -1 : k[a] > k[b] ? 1 : 0));
    return idx;
  }
}

/** Joins the key fields of an observation (the order of the output sort). */
export function obsKey(area: string, indicator: string, sex: string, age: string, urb: string, q: string, time: string): string {
  return `${area}\u0001${indicator}\u0001${sex}\u0001${age}\u0001${urb}\u0001${q}\u0001A\u0001${time}`;
}
