import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { DigicgeError, InputError } from '../errors.js';
import {
  aseanMembers,
  checkUrbanRuralConsistency,
  getAreaResolver,
  getIndicator,
  hasCodeInList,
  loadQualityRules,
  toCanonicalUnit,
  type AreaSystem,
  type Indicator,
} from '../guidelines/index.js';
import { readCsv, streamCsvFile } from '../ingest/csv.js';
import { otherNumberFormat, parseLocaleNumber, type NumberFormat } from '../ingest/numbers.js';
import { readSdmxCsv } from '../ingest/sdmx-csv.js';
import { readSdmxJson } from '../ingest/sdmx-json.js';
import type { RawRow, RawTable, RowSink } from '../ingest/types.js';
import { readWorldBankApi } from '../ingest/wb-api.js';
import { readXlsx } from '../ingest/xlsx.js';
import { displayPath } from '../guidelines/paths.js';
import { codeMapOf, isPeriod, keyBreakdowns, sourceDataset, sourcePriority } from './dimensions.js';
import { dsdBreakdowns } from '../guidelines/dsd.js';
import type { LoadedMapping, SourceMapping } from './mapping.js';
import { compileMarkers, resolveAreaText, type AreaReading, type CompiledMarkers } from './markers.js';
import { FirstNonZero } from './padding.js';
import { PERIOD_FORMATS } from './period.js';
import { compileHeader, mapCode, type HeaderPlan, type ValueColumnPlan } from './plan.js';
import { conflictReason, resolveConflicts, winnerOf } from './resolve.js';
import { UnmappedTally } from './unmapped.js';
import { findSeriesFlags, type Splice } from './vintages.js';
import { DROPPED_PADDING, ObservationStore } from './store.js';
import type { ConflictRecord, QualityWarning, RejectRecord, SourceCounts } from './types.js';

/** Facts about one source of a run, used for provenance and conflict resolution. */
export interface SourceInfo {
  id: string;
  mapping: string;
  file: string;
  sheet: string;
  releaseDate: string;
  priority: number;
  sha256: string;
  /** Whether provenance columns are JSON paths (JSON sources). */
  json: boolean;
  /** Dataset whose releases this source is one of (vintages share it). */
  dataset: string;
  /** Source class of the guideline, or '' when the mapping gives a priority only. */
  sourceClass: string;
  /** Date the file was retrieved, or ''. */
  retrievalDate: string;
}

interface Pending {
  src: number;
  area: string;
  ind: Indicator;
  codes: string[];
  time: string;
  value: number;
  unit: string;
  mult: number;
  status: string;
  row: RawRow;
  column: string;
  need: 'population' | 'exchangeRate';
  by: string;
}

/**
 * The harmonisation engine: reads each mapped source, turns every data cell into an observation,
 * a reject or a counted filter, resolves duplicates by source priority, and keeps the counts.
 * Used through {@link harmonise}; exposed for the benchmark and for tests of the invariant.
 */
export class Harmoniser {
  readonly store = new ObservationStore();
  readonly sources: SourceInfo[] = [];
  readonly counts: SourceCounts[] = [];
  readonly rejects: RejectRecord[] = [];
  readonly conflicts: ConflictRecord[] = [];
  readonly warnings: QualityWarning[] = [];
  private readonly pending: Pending[] = [];
  private readonly resolver = getAreaResolver();
  private readonly asean = new Set(aseanMembers());
  private readonly codeOk = new Map<string, Map<string, boolean>>();
  /** Sources whose leading zeros are padding: the first non-zero period of each of their series. */
  private readonly padding = new Map<number, FirstNonZero>();
  /** Flags (CL_OBS_FLAG) of observations, by store index, set by {@link finalise}. */
  obsFlags = new Map<number, string[]>();
  /** Series that splice vintages of one dataset, found by {@link finalise}. */
  splices: Splice[] = [];
  private order: Int32Array | null = null;
  /**
   * Indexes of the live observations in the order of observations.csv ({@link ObservationStore.sortedLive}),
   * computed once the run is finalised and shared by every writer.
   */
  liveOrder(): Int32Array {
    this.order ??= this.store.sortedLive();
    return this.order;
  }
  /** Cell markers of each source and the cells each matched (for the quality report). */
  readonly markerHits: { src: number; mapping: SourceMapping; hits: number[] }[] = [];

  /** Reads and harmonises one mapped source. */
  async add(lm: LoadedMapping): Promise<void> {
    const m = lm.mapping;
    const src = this.sources.length;
    let sha256: string;
    try {
      sha256 = fileSha256(lm.dataPath);
    } catch (err) {
      throw new InputError(
        'FILE_NOT_FOUND',
        `cannot read ${lm.dataShown} (file of mapping ${lm.path}): ${(err as Error).message}`,
        { file: lm.dataShown },
        { cause: err },
      );
    }
    const fmt = m.format;
    const info: SourceInfo = {
      id: m.source.id,
      mapping: lm.path,
      file: lm.dataShown,
      sheet: '',
      releaseDate: m.source.releaseDate,
      priority: sourcePriority(m.source),
      sha256,
      json: fmt.type === 'sdmx-json' || fmt.type === 'wb-api-json',
      dataset: sourceDataset(m.source),
      sourceClass: m.source.class ?? '',
      retrievalDate: m.source.retrievalDate ?? '',
    };
    const counts: SourceCounts = {
      sourceId: m.source.id,
      mapping: lm.path,
      file: lm.dataShown,
      releaseDate: m.source.releaseDate,
      cells: 0,
      observations: 0,
      rejected: 0,
      filtered: {},
    };
    this.sources.push(info);
    this.counts.push(counts);
    if (m.filters?.leadingZerosArePadding) this.padding.set(src, new FirstNonZero());
    const start = this.store.length;
    const pendingStart = this.pending.length;
    const sink = this.sink(lm, src, info, counts);
    let table: RawTable | null = null;
    switch (fmt.type) {
      case 'csv': {
        const opts = {
          delimiter: fmt.delimiter,
          quote: fmt.quote,
          encoding: fmt.encoding,
          skipRows: fmt.skipRows,
          headerRows: fmt.headerRows,
          maxLinesPerField: fmt.maxLinesPerField,
        };
        streamCsvFile(lm.dataPath, Object.fromEntries(Object.entries(opts).filter(([, v]) => v !== undefined)), sink, lm.dataShown);
        break;
      }
      case 'xlsx':
        table = await readXlsx(
          lm.dataPath,
          {
            ...(fmt.sheet !== undefined ? { sheet: fmt.sheet } : {}),
            ...(fmt.skipRows !== undefined ? { skipRows: fmt.skipRows } : {}),
            ...(fmt.headerRows !== undefined ? { headerRows: fmt.headerRows } : {}),
          },
          lm.dataShown,
        );
        break;
      case 'sdmx-csv':
        table = readSdmxCsv(
          lm.dataPath,
          { ...(fmt.encoding ? { encoding: fmt.encoding } : {}), ...(fmt.delimiter ? { delimiter: fmt.delimiter } : {}) },
          lm.dataShown,
        );
        break;
      case 'sdmx-json':
        table = readSdmxJson(lm.dataPath, lm.dataShown);
        break;
      case 'wb-api-json':
        table = readWorldBankApi(lm.dataPath, lm.dataShown);
        break;
    }
    if (table) {
      info.sheet = table.sheet ?? '';
      sink.onHeader(table.header, table.headerRow);
      for (const r of table.rows) sink.onRow(r);
    }
    const first = this.padding.get(src);
    if (first) this.dropPadding(src, first, start, pendingStart);
  }

  private codeKnown(list: string, code: string): boolean {
    let m = this.codeOk.get(list);
    if (!m) {
      m = new Map();
      this.codeOk.set(list, m);
    }
    let ok = m.get(code);
    if (ok === undefined) {
      ok = hasCodeInList(list, code);
      m.set(code, ok);
    }
    return ok;
  }

  private reject(src: number, row: RawRow, column: string, code: string, message: string, cells: number): void {
    const info = this.sources[src];
    // own copies: a text cut from a chunk of the file would keep the whole chunk alive
    this.rejects.push({
      sourceId: info.id,
      file: info.file,
      sheet: info.sheet,
      row: row.row,
      column: ownCopy(column),
      code,
      message: ownCopy(message),
      cells,
      text: ownCopy(row.text),
    });
    this.counts[src].rejected += cells;
  }

  private filter(src: number, reason: string, cells: number): void {
    const f = this.counts[src].filtered;
    f[reason] = (f[reason] ?? 0) + cells;
  }

  /** Compiles a mapping against the header into a row handler (the hot path: no closures per row). */
  private sink(lm: LoadedMapping, src: number, info: SourceInfo, counts: SourceCounts): RowSink {
    const m = lm.mapping;
    const self = this;
    const numFmt: NumberFormat = { decimal: m.format.decimal ?? '.', thousands: m.format.thousands ?? '' };
    const plainNumbers = numFmt.decimal === '.' && numFmt.thousands === '';
    if (numFmt.decimal === numFmt.thousands)
      throw new InputError('MAPPING_NUMBER_FORMAT', `the decimal mark and the thousands separator are both "${numFmt.decimal}"`, {
        file: lm.path,
        jsonPath: '/format/thousands',
      });
    const missing = missingMarkers(m.missing);
    const filters = m.filters ?? {};
    const projectedAfter = m.source.projectionsAfter !== undefined ? +m.source.projectionsAfter : Infinity;
    const keepAggregates = filters.aggregates === 'keep';
    const areaScope = filters.areas ?? 'asean';
    const scope: Set<string> | null =
      areaScope === 'all' ? null : areaScope === 'asean' || areaScope === 'asean-subnational' ? this.asean : new Set(areaScope);
    const withProvinces = areaScope === 'asean-subnational';
    const yearFrom = filters.years?.from ?? -Infinity;
    const yearTo = filters.years?.to ?? Infinity;
    const hasYearFilter = filters.years !== undefined;
    const padFirst = this.padding.get(src);
    let listedAggregates: Set<string> | null = null;
    if (filters.aggregateList) {
      const al = filters.aggregateList;
      const t = readCsv(join(lm.dir, al.file), {}, displayPath(join(lm.dir, al.file)));
      const ci = t.header.indexOf(al.codeColumn);
      const ei = t.header.indexOf(al.emptyColumn);
      if (ci < 0 || ei < 0)
        throw new InputError(
          'MAPPING_COLUMN_NOT_FOUND',
          `aggregate list ${t.file} has no column "${ci < 0 ? al.codeColumn : al.emptyColumn}"; its columns are ${t.header.join(', ')}`,
          { file: t.file, row: t.headerRow },
        );
      listedAggregates = new Set(t.rows.filter((r) => !r.error && r.cells[ei].trim() === '').map((r) => r.cells[ci].trim()));
    }
    const dims = m.dimensions;
    const reading: AreaReading = {
      resolver: this.resolver,
      system: dims.REF_AREA.system as AreaSystem | undefined,
      options: dims.REF_AREA.nameSource ? { source: dims.REF_AREA.nameSource } : {},
      map: codeMapOf(dims.REF_AREA.codeMap),
    };
    const areaCache = new Map<string, { code: string; kind: 'ok' | 'aggregate' | 'scope' } | null>();
    const indCache = new Map<string, Indicator | null>();
    const lookupInd = (code: string): Indicator | null => {
      let ind = indCache.get(code);
      if (ind === undefined) {
        ind = getIndicator(code) ?? null;
        indCache.set(code, ind);
      }
      return ind;
    };
    // compiled against the header
    let header: string[] = [];
    let plan: HeaderPlan | null = null;
    let values: ValueColumnPlan[] = [];
    let markers: CompiledMarkers | null = null;
    let unmapped: UnmappedTally | null = null;
    const dropIx: number[] = [];
    const dropRe: RegExp[] = [];
    const dropReason: string[] = [];
    let nValues = 0;
    const codes = keyBreakdowns().map(() => '_T');
    const cellCodes = codes.slice();

    return {
      onHeader(h: string[], r: number): void {
        header = h;
        plan = compileHeader(m, h, { file: info.file, sheet: info.sheet || undefined, row: r, mapping: lm.path });
        values = plan.values;
        markers = m.cellMarkers?.length ? compileMarkers(m, values, reading, lm.path) : null;
        unmapped = new UnmappedTally(h, plan.unmapped);
        counts.unmapped = unmapped.columns;
        if (markers) self.markerHits.push({ src, mapping: m, hits: markers.hits });
        for (const d of filters.dropRows ?? []) {
          dropIx.push(header.indexOf(d.column));
          dropRe.push(new RegExp(d.pattern));
          dropReason.push(d.reason ?? 'DROPPED_ROW');
        }
        nValues = values.length;
      },

      onRow(row: RawRow): void {
        const n = nValues;
        const p = plan!;
        counts.cells += n;
        if (row.error) {
          self.reject(src, row, '', row.error.code, row.error.message, n);
          return;
        }
        const cells = row.cells;
        unmapped!.count(cells);
        for (let d = 0; d < dropIx.length; d++) {
          if (dropRe[d].test(cells[dropIx[d]])) {
            self.filter(src, dropReason[d], n);
            return;
          }
        }
        // area
        const areaText = cells[p.areaIndex].trim();
        let area = areaCache.get(areaText);
        if (area === undefined) {
          const code = resolveAreaText(areaText, reading);
          const a = code === undefined ? undefined : self.resolver.area(code);
          if (a === undefined) area = null;
          else {
            const agg = a.type === 'aggregate' || (listedAggregates !== null && listedAggregates.has(areaText));
            const out =
              scope !== null &&
              !scope.has(a.code) &&
              !(withProvinces && a.type === 'subnational' && self.asean.has(self.resolver.entry(a.code)?.parent ?? ''));
            area = { code: a.code, kind: agg && !keepAggregates ? 'aggregate' : out ? 'scope' : 'ok' };
          }
          areaCache.set(areaText, area);
        }
        if (area === null) {
          const mapped = reading.map?.get(areaText);
          const look = self.resolver.lookup(mapped ?? areaText, mapped !== undefined ? 'id' : reading.system, reading.options);
          const why =
            mapped !== undefined
              ? `is mapped by dimensions.REF_AREA.codeMap to "${mapped}", which is not a CL_AREA code`
              : look.status === 'ambiguous'
                ? `is ambiguous (${look.candidates.join(', ')})`
                : 'is not a known area code or name';
          self.reject(
            src,
            row,
            header[p.areaIndex],
            'UNKNOWN_AREA',
            `"${areaText}" ${why}${reading.system && mapped === undefined ? ` in system ${reading.system}` : ''}`,
            n,
          );
          return;
        }
        if (area.kind === 'aggregate') {
          self.filter(src, 'AGGREGATE', n);
          return;
        }
        if (area.kind === 'scope') {
          self.filter(src, 'OUT_OF_SCOPE', n);
          return;
        }
        // indicator of the row
        let rowInd = p.fixedIndicator;
        if (p.indicatorIndex >= 0) {
          const t = cells[p.indicatorIndex].trim();
          rowInd = p.indicatorMap ? (p.indicatorMap.get(t) ?? p.indicatorDefault ?? '') : t;
          if (!rowInd) {
            self.reject(src, row, header[p.indicatorIndex], 'UNKNOWN_INDICATOR', `"${t}" is not in the mapping's INDICATOR code map`, n);
            return;
          }
        }
        // breakdowns given by the row
        for (let k = 0; k < codes.length; k++) codes[k] = '_T';
        for (const d of p.rowDims) {
          const v = d.index >= 0 ? mapCode(cells[d.index].trim(), d.map, d.fallback) : d.fixed;
          if (v !== '_T' && !self.codeKnown(d.list, v)) {
            self.reject(src, row, d.index >= 0 ? header[d.index] : '', 'UNKNOWN_CODE', `"${v}" is not a ${d.list} code (${d.dim})`, n);
            return;
          }
          if (d.keyPos >= 0) codes[d.keyPos] = v;
          else if (v !== '_T') {
            self.reject(
              src,
              row,
              d.index >= 0 ? header[d.index] : '',
              'BREAKDOWN_NOT_CARRIED',
              `${d.dim} "${v}": the catalogue declares this breakdown but the observation key does not carry it yet (it carries ${keyBreakdowns().join(', ')})`,
              n,
            );
            return;
          }
        }
        let status = p.fixedStatus;
        if (p.statusIndex >= 0) {
          const t = cells[p.statusIndex].trim();
          status = t === '' ? 'A' : p.statusMap ? (p.statusMap.get(t) ?? t) : t;
          if (!self.codeKnown('CL_OBS_STATUS', status)) {
            self.reject(src, row, header[p.statusIndex], 'UNKNOWN_CODE', `"${t}" is not a CL_OBS_STATUS code`, n);
            return;
          }
        }
        let rowTime = p.fixedTime;
        if (p.timeIndex >= 0) {
          rowTime = cells[p.timeIndex].trim();
          if (!isPeriod(rowTime)) {
            self.reject(src, row, header[p.timeIndex], 'BAD_TIME_PERIOD', `"${rowTime}" is not a period (${PERIOD_FORMATS})`, n);
            return;
          }
        }
        const marks = markers?.byArea.get(area.code);
        for (let v = 0; v < n; v++) {
          const vc = values[v];
          const ci = vc.index;
          const column = info.json ? `${row.jsonPath ?? ''}` : header[ci];
          if (vc.timeError) {
            self.reject(src, row, column, 'BAD_TIME_PERIOD', vc.timeError, 1);
            continue;
          }
          const time = vc.time || rowTime;
          if (hasYearFilter) {
            const year = +time.slice(0, 4);
            if (year < yearFrom || year > yearTo) {
              if (padFirst) {
                const t = cells[ci].trim();
                const ind0 = lookupInd(vc.indicator || rowInd);
                if (ind0 && !missing.has(t))
                  padFirst.note(
                    self.store.seriesKey(area.code, ind0.code, self.cellCodes(ind0, vc.codes, codes, cellCodes)),
                    time,
                    plainNumbers ? parsePlain(t) : parseLocaleNumber(t, numFmt),
                  );
              }
              self.filter(src, 'YEAR_RANGE', 1);
              continue;
            }
          }
          const indCode = vc.indicator || rowInd;
          const ind = lookupInd(indCode);
          if (ind === null) {
            self.reject(src, row, column, 'UNKNOWN_INDICATOR', `"${indCode}" is not an indicator of the catalogue`, 1);
            continue;
          }
          if (vc.notCarried) {
            self.reject(
              src,
              row,
              column,
              'BREAKDOWN_NOT_CARRIED',
              `${vc.notCarried}: the catalogue declares this breakdown but the observation key does not carry it yet (it carries ${keyBreakdowns().join(', ')})`,
              1,
            );
            continue;
          }
          for (let k = 0; k < codes.length; k++) cellCodes[k] = vc.codes[k] || codes[k];
          const notAllowed = breakdownsNotAllowed(ind, self.store.breakdowns, cellCodes);
          if (notAllowed) {
            self.reject(
              src,
              row,
              column,
              'BREAKDOWN_NOT_ALLOWED',
              `${ind.code} has no breakdown by ${notAllowed} (allowed: ${(ind.breakdowns ?? []).join(', ') || 'none'})`,
              1,
            );
            continue;
          }
          self.cellCodes(ind, vc.codes, codes, cellCodes);
          const text = cells[ci].trim();
          const mark = marks?.[v];
          let cellStatus = status === 'A' && +time.slice(0, 4) > projectedAfter ? 'F' : status;
          if (mark !== undefined) {
            markers!.hits[markers!.index.get(area.code)![v]]++;
            cellStatus = mark;
            if (Number.isNaN(plainNumbers ? parsePlain(text) : parseLocaleNumber(text, numFmt))) {
              self.insert(src, area.code, ind, cellCodes, time, NaN, mark, row, column);
              continue;
            }
          } else {
            const marker = missing.get(text);
            if (marker !== undefined) {
              if (marker === null) {
                self.filter(src, 'MISSING', 1);
                continue;
              }
              self.insert(src, area.code, ind, cellCodes, time, NaN, marker, row, column);
              continue;
            }
          }
          const raw = plainNumbers ? parsePlain(text) : parseLocaleNumber(text, numFmt);
          if (Number.isNaN(raw)) {
            self.rejectNumber(src, row, column, text, numFmt);
            continue;
          }
          let value = raw;
          const u = vc.unit;
          const mult = vc.mult;
          if (u !== ind.unit || mult !== 0) {
            const need =
              u === 'NUMBER' && ind.unit === 'PER_100_POP'
                ? 'population'
                : u === 'LCU' && ind.unit.startsWith('USD')
                  ? 'exchangeRate'
                  : undefined;
            if (need !== undefined) {
              const by = need === 'population' ? (m.conversions?.population ?? 'POP') : (m.conversions?.exchangeRate ?? 'EXR');
              self.pending.push({
                src,
                area: area.code,
                ind,
                codes: cellCodes.slice(),
                time,
                value: raw,
                unit: u,
                mult,
                status: cellStatus,
                row,
                column,
                need,
                by,
              });
              continue;
            }
            try {
              value = toCanonicalUnit(ind, raw, u, mult).value;
            } catch (err) {
              if (err instanceof DigicgeError) {
                self.reject(src, row, column, err.code, err.message, 1);
                continue;
              }
              throw err;
            }
          }
          self.finish(src, area.code, ind, cellCodes, time, value, cellStatus, row, column);
        }
      },
    };
  }

  /** All breakdowns at their total, in key order. */
  private readonly totals: readonly string[] = keyBreakdowns().map(() => '_T');
  /** Key positions of the breakdowns that describe a person (DSD `personal`): not applicable (_Z) to households. */
  private readonly personal: readonly number[] = dsdBreakdowns().flatMap((d, k) => (d.personal ? [k] : []));

  /**
   * The breakdown codes of one cell into `out`: the value column's own code, else the row's; a
   * person's characteristic of an indicator that counts households is `_Z` (not applicable).
   * @returns `out`
   */
  private cellCodes(ind: Indicator, own: readonly string[], row: readonly string[], out: string[]): string[] {
    for (let k = 0; k < row.length; k++) out[k] = own[k] || row[k];
    if (ind.scope.unit === 'households') for (const k of this.personal) out[k] = '_Z';
    return out;
  }

  /** Rejects a cell that is not a number in the source's declared format, saying when it is one in another. */
  private rejectNumber(src: number, row: RawRow, column: string, text: string, fmt: NumberFormat): void {
    const declared = `decimal "${fmt.decimal}", thousands ${fmt.thousands ? `"${fmt.thousands}"` : 'none'}`;
    const other = otherNumberFormat(text, fmt);
    if (other) {
      this.reject(
        src,
        row,
        column,
        'NUMBER_FORMAT_MISMATCH',
        `"${text}" does not match the declared number format (${declared}); it would read as a number only with decimal "${other.decimal}" and thousands ${other.thousands ? `"${other.thousands}"` : 'none'}, and is not reinterpreted`,
        1,
      );
    } else {
      this.reject(src, row, column, 'NON_NUMERIC', `"${text}" is not a number (${declared})`, 1);
    }
  }

  /** Range check then insert (the value is in the canonical unit). */
  private finish(
    src: number,
    area: string,
    ind: Indicator,
    codes: readonly string[],
    time: string,
    value: number,
    status: string,
    row: RawRow,
    column: string,
  ): void {
    if (!Number.isFinite(value)) {
      this.reject(src, row, column, 'NON_NUMERIC', `${ind.code}: ${value} is not a finite number`, 1);
      return;
    }
    const r = ind.range;
    if (value < r.min || (r.max !== null && r.max !== undefined && value > r.max)) {
      this.reject(
        src,
        row,
        column,
        'OUT_OF_RANGE',
        `${ind.code}: ${value} ${ind.unit} is outside the valid range ${r.min} to ${r.max ?? 'no upper bound'}`,
        1,
      );
      return;
    }
    this.insert(src, area, ind, codes, time, value, status, row, column);
  }

  /**
   * Stores a candidate for its key. A key the same source already gave is a duplicate (rejected);
   * keys given by several sources are resolved once every source is read ({@link finalise}).
   */
  private insert(
    src: number,
    area: string,
    ind: Indicator,
    codes: readonly string[],
    time: string,
    value: number,
    status: string,
    row: RawRow,
    column: string,
  ): void {
    const s = this.store;
    const key = s.keyAndIntern(area, ind.code, codes, time);
    for (let c = s.byKey.get(key) ?? -1; c >= 0; c = s.prev[c]) {
      if (s.source[c] !== src) continue;
      this.reject(
        src,
        row,
        column,
        'DUPLICATE_KEY',
        `${area} ${ind.code} ${time}${breakdownLabel(s.breakdowns, codes)} already given by row ${s.row[c]} of the same source`,
        1,
      );
      return;
    }
    s.push(key, value, ind.unit, status, src, row.row, column);
    this.counts[src].observations++;
  }

  /** Drops the padding zeros among the candidates and pending conversions one source has just given. */
  private dropPadding(src: number, first: FirstNonZero, start: number, pendingStart: number): void {
    const s = this.store;
    const pend = this.pending;
    const pendSeries = (p: Pending): number => s.seriesKey(p.area, p.ind.code, p.codes);
    for (let i = start; i < s.length; i++) first.note(s.seriesOf(i), s.timeOf(i), s.value[i]);
    for (let k = pendingStart; k < pend.length; k++) first.note(pendSeries(pend[k]), pend[k].time, pend[k].value);
    for (let i = start; i < s.length; i++) {
      if (s.dropped[i] || !first.isPadding(s.seriesOf(i), s.timeOf(i), s.value[i])) continue;
      s.dropped[i] = DROPPED_PADDING;
      this.counts[src].observations--;
      this.filter(src, 'LEADING_ZERO_PADDING', 1);
    }
    let keep = pendingStart;
    for (let k = pendingStart; k < pend.length; k++) {
      if (first.isPadding(pendSeries(pend[k]), pend[k].time, pend[k].value)) this.filter(src, 'LEADING_ZERO_PADDING', 1);
      else pend[keep++] = pend[k];
    }
    pend.length = keep;
  }

  /** Logs a candidate that lost its key to another source's, and moves it from observations to SUPERSEDED. */
  private superseded(winner: number, loser: number): void {
    const s = this.store;
    const a = this.sources[s.source[winner]];
    const b = this.sources[s.source[loser]];
    const k: Record<string, string> = { REF_AREA: s.areaOf(loser), INDICATOR: s.indicatorOf(loser) };
    s.breakdowns.forEach((d, j) => {
      k[d] = s.codes(loser)[j];
    });
    k.TIME_PERIOD = s.timeOf(loser);
    this.conflicts.push({
      key: k,
      keptSource: a.id,
      keptRelease: a.releaseDate,
      keptValue: s.value[winner],
      droppedSource: b.id,
      droppedRelease: b.releaseDate,
      droppedValue: s.value[loser],
      droppedFile: b.file,
      droppedRow: s.row[loser],
      droppedColumn: s.columnOf(loser),
      reason: conflictReason(s, this.sources, winner, loser),
    });
    this.counts[s.source[loser]].observations--;
    this.filter(s.source[loser], 'SUPERSEDED', 1);
  }

  /**
   * Finishes the run: conversions that need another indicator (counts → per 100 inhabitants with
   * POP, LCU → USD with EXR, taking the value that wins that key), then one value per key across
   * sources (the others logged as conflicts), the urban/rural consistency warnings, and the
   * flags of series that splice vintages or run across a boundary change.
   */
  finalise(): void {
    this.order = null;
    const s = this.store;
    for (const p of this.pending) {
      const k = s.keyOf(p.area, p.by, this.totals, p.time);
      const i = k < 0 ? -1 : winnerOf(s, this.sources, k);
      const ctx = i < 0 || Number.isNaN(s.value[i]) ? undefined : s.value[i];
      try {
        const v = toCanonicalUnit(
          p.ind,
          p.value,
          p.unit,
          p.mult,
          p.need === 'population' ? (ctx === undefined ? {} : { population: ctx }) : ctx === undefined ? {} : { exchangeRate: ctx },
        );
        this.finish(p.src, p.area, p.ind, p.codes, p.time, v.value, p.status, p.row, p.column);
      } catch (err) {
        if (!(err instanceof DigicgeError)) throw err;
        this.reject(p.src, p.row, p.column, err.code, `${err.message} (looked for ${p.by} ${p.area} ${p.time})`, 1);
      }
    }
    this.pending.length = 0;
    resolveConflicts(s, this.sources, (w, l) => this.superseded(w, l));
    this.checkUrbanRural();
    const f = findSeriesFlags(this.store, this.sources);
    this.obsFlags = f.flags;
    this.splices = f.splices;
    this.warnings.push(...f.warnings);
  }

  private checkUrbanRural(): void {
    const s = this.store;
    const val = (j: number | undefined): number | undefined =>
      j === undefined || s.dropped[j] || Number.isNaN(s.value[j]) ? undefined : s.value[j];
    const urbAt = s.breakdowns.indexOf('URBANISATION');
    // the weights are the totals of POP_URB and POP_RUR (-2: never seen, so no weight)
    const totals = s.comboIdOf(s.breakdowns.map(() => '_T'));
    const popU = s.indicators.find('POP_URB'),
      popR = s.indicators.find('POP_RUR');
    const survey = new Map<string, boolean>();
    const noWeights = new Map<string, number>();
    for (let i = 0; i < s.length; i++) {
      if (s.dropped[i] || Number.isNaN(s.value[i])) continue;
      const c = s.comboOf(i);
      if (s.comboCodesOf(c)[urbAt] !== '_T') continue;
      const ind = s.indicatorOf(i);
      let isSurvey = survey.get(ind);
      if (isSurvey === undefined) {
        isSurvey = getIndicator(ind)?.kind === 'survey';
        survey.set(ind, isSurvey);
      }
      if (!isSurvey) continue;
      const u = val(s.withParts(i, -1, s.comboWith(c, urbAt, 'U')));
      const r = val(s.withParts(i, -1, s.comboWith(c, urbAt, 'R')));
      if (u === undefined || r === undefined) continue;
      const wu = val(s.withParts(i, popU < 0 ? -2 : popU, totals));
      const wr = val(s.withParts(i, popR < 0 ? -2 : popR, totals));
      if (wu === undefined || wr === undefined) {
        noWeights.set(ind, (noWeights.get(ind) ?? 0) + 1);
        continue;
      }
      const f = checkUrbanRuralConsistency(s.value[i], u, r, wu, wr);
      if (f)
        this.warnings.push({
          rule: f.rule,
          message: `${s.areaOf(i)} ${ind} ${s.timeOf(i)}${breakdownLabel(s.breakdowns, s.codes(i))}: ${f.message}`,
        });
    }
    for (const [ind, n] of [...noWeights].sort(([a], [b]) => (a < b ? -1 : 1))) {
      this.warnings.push({
        rule: 'QR_BREAKDOWN_URBANISATION',
        message: `${ind}: ${n} totals with urban and rural values could not be checked: no POP_URB/POP_RUR of the same area and year in this run`,
      });
    }
  }
}

/**
 * A flat copy of a string that shares no memory with the text it was cut from (V8 keeps the
 * parent of a sliced or concatenated string alive: a reject's row text would hold its 4 MiB
 * chunk of the file).
 */
function ownCopy(s: string): string {
  return s.length < 13 ? s : Buffer.from(s, 'utf8').toString('utf8');
}

/** SHA-256 (hex) of a file, read in 4 MiB pieces: a large source is never held whole for its hash. */
function fileSha256(path: string): string {
  const h = createHash('sha256');
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(4 << 20);
    for (let n = readSync(fd, buf, 0, buf.length, null); n > 0; n = readSync(fd, buf, 0, buf.length, null)) h.update(buf.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return h.digest('hex');
}

/**
 * Missing-value markers of a source: the guideline's (chapter 5, `guidelines/quality/rules.json`)
 * by default, except the empty cell, which is no observation at all unless the mapping says so;
 * the mapping's own markers override (keys starting with `$` are comments).
 */
function missingMarkers(own: Record<string, string | null> | undefined): Map<string, string | null> {
  const out = new Map<string, string | null>(loadQualityRules().missingMarkers.map((mk) => [mk.marker, mk.obsStatus]));
  out.set('', null);
  for (const [k, v] of Object.entries(own ?? {})) if (!k.startsWith('$')) out.set(k, v);
  return out;
}

const PLAIN = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
/** Fast parse for `.` decimals and no thousands mark; NaN when not a plain number. */
function parsePlain(text: string): number {
  return PLAIN.test(text) ? +text : NaN;
}

/** The breakdowns (by id, comma-separated) that are broken down but not declared for the indicator, or ''. */
function breakdownsNotAllowed(ind: Indicator, dims: readonly string[], codes: readonly string[]): string {
  const b = ind.breakdowns ?? [];
  let out = '';
  for (let k = 0; k < dims.length; k++) if (codes[k] !== '_T' && !b.includes(dims[k])) out += `${out ? ', ' : ''}${dims[k]}`;
  return out;
}

/** ` (F,_T,U,…)` for an observation broken down by something, '' for a total. */
function breakdownLabel(dims: readonly string[], codes: readonly string[]): string {
  return codes.some((c) => c !== '_T')
    ? ` (${dims
        .map((d, k) => `${d}=${codes[k]}`)
        .filter((_, k) => codes[k] !== '_T')
        .join(',')})`
    : '';
}
