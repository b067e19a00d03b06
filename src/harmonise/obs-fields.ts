import { DigicgeError } from '../errors.js';
import { observationColumns, SUBFIELD_SEPARATOR } from '../guidelines/dsd-columns.js';
import { dataflowRef } from '../guidelines/dsd.js';
import { roundTripNumber } from '../util/number-text.js';
import { csvTextField, type ByteSink } from './csv-out.js';
import type { Harmoniser } from './engine.js';
import { periodFrequency } from './period.js';

/**
 * What a column of observations.csv depends on: nothing (`const`), one interned part of the
 * observation (area, indicator, breakdown combination, period, unit, status, source, provenance
 * column), or the observation itself (`slot`: value, row, flags). Columns of an interned part are
 * written once per distinct part, not once per row.
 */
export type FieldPart = 'const' | 'area' | 'indicator' | 'combo' | 'time' | 'unit' | 'status' | 'source' | 'column' | 'slot';

/** One column of observations.csv: its DSD id, what it depends on, and its CSV field text. */
export interface ObservationField {
  id: string;
  part: FieldPart;
  /** The field as written in the CSV file, for the id of its part (the slot for `slot`, anything for `const`). */
  text: (id: number) => string;
}

/** The dataflow of the harmonised dataset, `AGENCY:ID(VERSION)` (from the DSD). */
export const OBSERVATION_STRUCTURE_ID = dataflowRef();
/**
 * SDMX-CSV 2.0.0 action of every row: `I` (information: data disseminated for information, to be
 * appended when loaded into a database). The actions of version 2.0.0 are I, A, R and D; M (merge)
 * came with SDMX-CSV 2.1.
 */
export const OBSERVATION_ACTION = 'I';

/** OBS_VALUE text: the round-trip decimal, and an empty field for a missing value (its OBS_STATUS says why). */
export function obsValueText(x: number): string {
  return Number.isNaN(x) ? '' : roundTripNumber(x);
}

/** The id of part `part` of observation `i` (the slot itself for `slot` and `const`). */
export function partId(h: Harmoniser, part: FieldPart, i: number): number {
  const s = h.store;
  switch (part) {
    case 'area':
      return s.areaIdOf(i);
    case 'indicator':
      return s.indicatorIdOf(i);
    case 'combo':
      return s.comboOf(i);
    case 'time':
      return s.timeIdOf(i);
    case 'unit':
      return s.unitId[i];
    case 'status':
      return s.statusId[i];
    case 'source':
      return s.source[i];
    case 'column':
      return s.columnId[i];
    default:
      return i;
  }
}

/**
 * The columns of observations.csv in the order of {@link observationColumns} (structure,
 * dimensions, measure, attributes, provenance), each with the part it depends on and its text.
 * @throws DigicgeError `DSD_COLUMN_UNKNOWN` for a DSD column the stage does not write
 */
export function observationFields(h: Harmoniser): ObservationField[] {
  const s = h.store;
  const src = (k: number) => h.sources[k];
  const known: Record<string, [FieldPart, (id: number) => string]> = {
    STRUCTURE: ['const', () => 'dataflow'],
    STRUCTURE_ID: ['const', () => OBSERVATION_STRUCTURE_ID],
    ACTION: ['const', () => OBSERVATION_ACTION],
    REF_AREA: ['area', (a) => s.areas.texts[a]],
    INDICATOR: ['indicator', (k) => s.indicators.texts[k]],
    FREQ: ['time', (t) => periodFrequency(s.times.texts[t])!],
    TIME_PERIOD: ['time', (t) => csvTextField(s.times.texts[t])],
    OBS_VALUE: ['slot', (i) => obsValueText(s.value[i])],
    UNIT_MEASURE: ['unit', (u) => s.units.texts[u]],
    UNIT_MULT: ['const', () => '0'],
    OBS_STATUS: ['status', (k) => s.statuses.texts[k]],
    OBS_FLAG: ['slot', (i) => (h.obsFlags.size === 0 ? '' : (h.obsFlags.get(i)?.join(SUBFIELD_SEPARATOR) ?? ''))],
    SOURCE_ID: ['source', (k) => csvTextField(src(k).id)],
    RELEASE_DATE: ['source', (k) => src(k).releaseDate],
    PROV_FILE: ['source', (k) => csvTextField(src(k).file)],
    PROV_SHEET: ['source', (k) => csvTextField(src(k).sheet)],
    PROV_ROW: ['slot', (i) => String(s.row[i])],
    PROV_COLUMN: ['column', (c) => csvTextField(s.columns.texts[c])],
    PROV_MAPPING: ['source', (k) => csvTextField(src(k).mapping)],
    PROV_SHA256: ['source', (k) => src(k).sha256],
  };
  return observationColumns().map((c) => {
    const k = s.breakdowns.indexOf(c.id);
    if (k >= 0) return { id: c.id, part: 'combo' as const, text: (id: number) => s.comboCodesOf(id)[k] };
    const f = known[c.id];
    if (!f)
      throw new DigicgeError(
        'DSD_COLUMN_UNKNOWN',
        `the data structure definition has a column ${c.id} that the harmonise stage does not write`,
        {
          file: 'guidelines/dsd/DSD_DIGITAL.json',
        },
      );
    return { id: c.id, part: f[0], text: f[1] };
  });
}

/**
 * A function writing one line of observations.csv for a stored observation. Consecutive columns
 * of one interned part are joined once per distinct part and cached (a million rows of one source
 * build that source's provenance text once).
 * @param slots when given, receives the texts of the observation's own fields (`slot` part, in
 *   column order) of the last line written, for {@link factsRow}
 */
export function observationRowWriter(h: Harmoniser, slots?: string[]): (i: number) => string {
  const fields = observationFields(h);
  const groups: { part: FieldPart; fields: ObservationField[] }[] = [];
  for (const f of fields) {
    const last = groups[groups.length - 1];
    if (last && last.part === f.part && f.part !== 'slot') last.fields.push(f);
    else groups.push({ part: f.part, fields: [f] });
  }
  let slot = 0;
  const parts: ((i: number) => string)[] = groups.map((g) => {
    const join = (id: number): string => g.fields.map((f) => f.text(id)).join(',');
    if (g.part === 'slot') {
      const text = g.fields[0].text;
      if (!slots) return text;
      const j = slot++;
      return (i) => (slots[j] = text(i));
    }
    if (g.part === 'const') {
      const t = join(0);
      return () => t;
    }
    const cache: (string | undefined)[] = [];
    const part = g.part;
    return (i) => {
      const id = partId(h, part, i);
      let t = cache[id];
      if (t === undefined) cache[id] = t = join(id);
      return t;
    };
  });
  const n = parts.length;
  return (i) => {
    let line = parts[0](i);
    for (let p = 1; p < n; p++) line += `,${parts[p](i)}`;
    return `${line}\n`;
  };
}

/** How the database's narrow file of observation facts is laid out (see {@link factsRow}). */
export interface FactsLayout {
  /** Header line (with its line end). */
  header: string;
  /** Interned parts whose ids each row carries, in column order (P_area, P_indicator, …). */
  parts: Exclude<FieldPart, 'slot' | 'const'>[];
  /** The observation's own fields (OBS_VALUE, OBS_FLAG, PROV_ROW), in column order. */
  own: ObservationField[];
}

/** The layout of the facts file: SLOT, STATE, the id of every interned part, the own fields. */
export function factsLayout(h: Harmoniser): FactsLayout {
  const fields = observationFields(h);
  const own = fields.filter((f) => f.part === 'slot');
  const order: FactsLayout['parts'] = ['area', 'indicator', 'combo', 'time', 'unit', 'status', 'source', 'column'];
  const parts = order.filter((p) => fields.some((f) => f.part === p));
  return { header: `SLOT,STATE,${parts.map((p) => `P_${p}`).join(',')}${own.map((f) => `,${f.id}`).join('')}\n`, parts, own };
}

/**
 * One line of the facts file for observation `i`.
 * @param own the texts of its own fields when already built (by {@link observationRowWriter}), else built here
 */
export function factsRow(h: Harmoniser, layout: FactsLayout, i: number, own?: readonly string[]): string {
  let line = `${i},${h.store.dropped[i]}`;
  for (const p of layout.parts) line += `,${partId(h, p, i)}`;
  for (let j = 0; j < layout.own.length; j++) line += `,${own ? own[j] : layout.own[j].text(i)}`;
  return `${line}\n`;
}

/**
 * A function writing the line of observations.csv of a stored observation into `sink`, and, when
 * `facts` is given, its line of the facts file into `facts` (the same bytes as
 * {@link observationRowWriter} and {@link factsRow}). Each run of columns of one interned part is
 * encoded once per distinct part (with its leading comma) and copied as bytes afterwards; the
 * observation's own fields are the only text built per row.
 */
export function observationBytesWriter(
  h: Harmoniser,
  sink: ByteSink,
  facts?: { sink: ByteSink; layout: FactsLayout },
): (i: number) => void {
  const s = h.store;
  const fields = observationFields(h);
  const groups: { part: FieldPart; fields: ObservationField[] }[] = [];
  for (const f of fields) {
    const last = groups[groups.length - 1];
    if (last && last.part === f.part && f.part !== 'slot') last.fields.push(f);
    else groups.push({ part: f.part, fields: [f] });
  }
  const own: string[] = [];
  let slot = 0;
  const parts: ((i: number) => void)[] = groups.map((g, n) => {
    const lead = n === 0 ? '' : ',';
    if (g.part === 'slot') {
      const f = g.fields[0];
      const j = slot++;
      if (f.id === 'PROV_ROW')
        return (i) => {
          if (lead) sink.byte(44);
          sink.int(s.row[i]);
        };
      return (i) => {
        const t = f.text(i);
        own[j] = t;
        if (lead) sink.byte(44);
        if (t !== '') sink.text(t);
      };
    }
    const join = (id: number): Buffer => Buffer.from(lead + g.fields.map((f) => f.text(id)).join(','), 'utf8');
    if (g.part === 'const') {
      const b = join(0);
      return () => sink.bytes(b);
    }
    const cache: (Buffer | undefined)[] = [];
    const part = g.part;
    return (i) => {
      const id = partId(h, part, i);
      let b = cache[id];
      if (b === undefined) cache[id] = b = join(id);
      sink.bytes(b);
    };
  });
  const n = parts.length;
  const row = (i: number): void => {
    for (let p = 0; p < n; p++) parts[p](i);
    sink.byte(10);
  };
  if (!facts) return row;
  const f = facts.sink;
  const ownIds = facts.layout.own.map((x) => x.id);
  const slotOf = ownIds.map((id) => fields.filter((x) => x.part === 'slot').findIndex((x) => x.id === id));
  const ids = facts.layout.parts;
  return (i) => {
    row(i);
    f.int(i);
    f.byte(44);
    f.int(s.dropped[i]);
    for (let p = 0; p < ids.length; p++) {
      f.byte(44);
      f.int(partId(h, ids[p], i));
    }
    for (let j = 0; j < ownIds.length; j++) {
      f.byte(44);
      if (ownIds[j] === 'PROV_ROW') f.int(s.row[i]);
      else f.text(own[slotOf[j]]);
    }
    f.byte(10);
  };
}

/**
 * A function writing the line of the facts file of a stored observation into `sink` (the same
 * bytes as {@link factsRow}), its own fields built here.
 */
export function factsBytesWriter(h: Harmoniser, layout: FactsLayout, sink: ByteSink): (i: number) => void {
  const s = h.store;
  const ids = layout.parts;
  const own = layout.own;
  return (i) => {
    sink.int(i);
    sink.byte(44);
    sink.int(s.dropped[i]);
    for (let p = 0; p < ids.length; p++) {
      sink.byte(44);
      sink.int(partId(h, ids[p], i));
    }
    for (let j = 0; j < own.length; j++) {
      sink.byte(44);
      if (own[j].id === 'PROV_ROW') sink.int(s.row[i]);
      else {
        const t = own[j].text(i);
        if (t !== '') sink.text(t);
      }
    }
    sink.byte(10);
  };
}
