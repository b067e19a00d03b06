import { InputError } from '../errors.js';
import { readTextFile } from './decode.js';
import type { RawRow, RawTable } from './types.js';

interface SjValue {
  id?: string;
  value?: unknown;
  name?: string;
}
interface SjComponent {
  id: string;
  values: SjValue[];
  keyPosition?: number;
}
interface SjLevels {
  dataSet?: SjComponent[];
  series?: SjComponent[];
  observation?: SjComponent[];
}
interface SjStructure {
  dimensions: SjLevels;
  attributes?: SjLevels;
}
interface SjSeries {
  attributes?: (number | null)[];
  observations?: Record<string, unknown[]>;
}
interface SjDataSet {
  structure?: number;
  attributes?: (number | null)[];
  series?: Record<string, SjSeries>;
  observations?: Record<string, unknown[]>;
}

/** Result of {@link readSdmxJson}: one row per observation, columns = dimensions, OBS_VALUE, attributes. */
export interface SdmxJsonTable extends RawTable {
  /** `1.0` (`structure` + `dataSets`) or `2.x` (`data.structures[]` + `data.dataSets[]`). */
  version: '1.0' | '2.x';
}

function valueText(v: SjValue | undefined): string {
  if (!v) return '';
  if (typeof v.id === 'string') return v.id;
  if (v.value === undefined || v.value === null) return '';
  return String(v.value);
}

/**
 * Reads an SDMX-JSON data message (1.0 or 2.x), series or flat layout: keys are colon-joined
 * 0-based indexes into each dimension's `values` (series-level dimensions in the series key,
 * observation-level ones in the observation key, dataSet-level ones fixed); observation arrays are
 * `[value, attributeIndex…]` of varying length (a missing index is an absent attribute). Each
 * observation is one row located by its JSON path; `row` counts observations from 1.
 * @param path file path
 * @param shown path as the user gave it
 * @throws InputError `JSON_INVALID`, `SDMX_JSON_STRUCTURE` (with the JSON path), `SDMX_JSON_KEY`
 */
export function readSdmxJson(path: string, shown: string = path): SdmxJsonTable {
  const text = readTextFile(path, shown);
  let doc: Record<string, unknown>;
  try {
    doc = JSON.parse(text) as Record<string, unknown>;
  } catch (err) {
    throw new InputError('JSON_INVALID', `${shown} is not valid JSON: ${(err as Error).message}`, { file: shown }, { cause: err });
  }
  const data = (doc.data ?? doc) as Record<string, unknown>;
  let version: '1.0' | '2.x';
  let structures: SjStructure[];
  let base: string;
  if (Array.isArray(data.structures)) {
    version = '2.x';
    structures = data.structures as SjStructure[];
    base = '/data';
  } else if (data.structure && typeof data.structure === 'object') {
    version = '1.0';
    structures = [data.structure as SjStructure];
    base = doc.data ? '/data' : '';
  } else
    throw new InputError('SDMX_JSON_STRUCTURE', 'no SDMX-JSON structure: expected data.structures[] (2.x) or structure (1.0)', {
      file: shown,
      jsonPath: '/data',
    });
  const dataSets = data.dataSets as SjDataSet[] | undefined;
  if (!Array.isArray(dataSets))
    throw new InputError('SDMX_JSON_STRUCTURE', 'no dataSets array', { file: shown, jsonPath: `${base}/dataSets` });
  const rows: RawRow[] = [];
  let header: string[] | null = null;
  let count = 0;
  dataSets.forEach((ds, di) => {
    const st = structures[ds.structure ?? 0];
    if (!st?.dimensions)
      throw new InputError('SDMX_JSON_STRUCTURE', `dataset ${di} refers to structure ${ds.structure ?? 0}, which has no dimensions`, {
        file: shown,
        jsonPath: `${base}/dataSets/${di}/structure`,
      });
    const dD = st.dimensions.dataSet ?? [];
    const sD = st.dimensions.series ?? [];
    const oD = st.dimensions.observation ?? [];
    const aD = st.attributes?.dataSet ?? [];
    const aS = st.attributes?.series ?? [];
    const aO = st.attributes?.observation ?? [];
    const dims = [...dD, ...sD, ...oD];
    const h = [...dims.map((d) => d.id), 'OBS_VALUE', ...aD.map((a) => a.id), ...aS.map((a) => a.id), ...aO.map((a) => a.id)];
    if (header && header.join() !== h.join())
      throw new InputError('SDMX_JSON_STRUCTURE', 'datasets of one file have different components', {
        file: shown,
        jsonPath: `${base}/dataSets/${di}`,
      });
    header = h;
    const fixed = dD.map((d) => valueText(d.values[0]));
    const dsAttr = aD.map((a, k) => {
      const ix = ds.attributes?.[k];
      return ix === null || ix === undefined ? '' : valueText(a.values[ix]);
    });
    const decode = (key: string, comps: SjComponent[], where: string): string[] => {
      if (comps.length === 0) return [];
      const parts = key.split(':');
      if (parts.length !== comps.length)
        throw new InputError(
          'SDMX_JSON_KEY',
          `key "${key}" has ${parts.length} parts; expected ${comps.length} (${comps.map((c) => c.id).join(':')})`,
          { file: shown, jsonPath: where },
        );
      return parts.map((p, k) => {
        const v = comps[k].values[Number(p)];
        if (!/^\d+$/.test(p) || !v)
          throw new InputError(
            'SDMX_JSON_KEY',
            `key part ${k} "${p}" is not an index into the ${comps[k].values.length} values of ${comps[k].id}`,
            { file: shown, jsonPath: where },
          );
        return valueText(v);
      });
    };
    const emit = (seriesKey: string[], seriesAttr: string[], obsKey: string, obs: unknown[], where: string): void => {
      count++;
      const oKey = decode(obsKey, oD, where);
      const value = obs[0];
      const oAttr = aO.map((a, k) => {
        const ix = obs[k + 1];
        return typeof ix === 'number' ? valueText(a.values[ix]) : '';
      });
      const cells = [
        ...fixed,
        ...seriesKey,
        ...oKey,
        value === null || value === undefined ? '' : String(value),
        ...dsAttr,
        ...seriesAttr,
        ...oAttr,
      ];
      rows.push({ row: count, cells, text: JSON.stringify(obs), jsonPath: where });
    };
    const dsPath = `${base}/dataSets/${di}`;
    if (ds.series) {
      for (const [sk, s] of Object.entries(ds.series)) {
        const sp = `${dsPath}/series/${sk}`;
        const key = decode(sk, sD, sp);
        const sAttr = aS.map((a, k) => {
          const ix = s.attributes?.[k];
          return ix === null || ix === undefined ? '' : valueText(a.values[ix]);
        });
        for (const [ok, o] of Object.entries(s.observations ?? {})) emit(key, sAttr, ok, o, `${sp}/observations/${ok}`);
      }
    } else if (ds.observations) {
      for (const [ok, o] of Object.entries(ds.observations)) emit([], [], ok, o, `${dsPath}/observations/${ok}`);
    }
  });
  return { file: shown, header: header ?? [], headerRow: 0, rows, version };
}
