import type { DataStructureDefinition } from './generated/dsd.js';
import { loadDsd } from './dsd.js';

/** What a column of the harmonised SDMX-CSV file holds. */
export type ObservationColumnKind = 'structure' | 'dimension' | 'measure' | 'attribute' | 'custom';

/** One column of observations.csv, derived from the data structure definition. */
export interface ObservationColumn {
  /** Component id, the field of the typed observation (`OBS_FLAG`). */
  id: string;
  /** Header as written (`OBS_FLAG[]` for a multi-valued attribute, `STRUCTURE[;]` with one). */
  header: string;
  kind: ObservationColumnKind;
  /** A reader fails, naming the column, when a required one is absent. */
  required: boolean;
  /** Value a reader takes when an optional column is absent. */
  default: string;
  /** Values are numbers (OBS_VALUE, UNIT_MULT, PROV_ROW). */
  numeric: boolean;
  /** Several codes separated by the sub-field separator. */
  multiValued: boolean;
}

/** Sub-field separator of multi-valued components (declared in the STRUCTURE header as `STRUCTURE[;]`). */
export const SUBFIELD_SEPARATOR = ';';

/**
 * The columns of the harmonised dataset as SDMX-CSV 2.0.0 writes them, in order: STRUCTURE,
 * STRUCTURE_ID, ACTION, the dimensions in key order, the measure, the attributes, then the custom
 * provenance columns. Required for a reader: the structure columns, the area, indicator and period,
 * the measure and UNIT_MEASURE; every breakdown defaults to its total, FREQ to the one of the
 * period, ACTION to I (information), and the other attributes and custom columns to their defaults.
 * @param d the data structure definition
 */
export function observationColumns(d: DataStructureDefinition = loadDsd()): ObservationColumn[] {
  const multi = d.attributes.some((a) => a.multiValued);
  const col = (
    id: string,
    kind: ObservationColumnKind,
    required: boolean,
    dflt = '',
    numeric = false,
    multiValued = false,
    header = id,
  ): ObservationColumn => ({ id, header, kind, required, default: dflt, numeric, multiValued });
  return [
    col('STRUCTURE', 'structure', true, '', false, false, multi ? `STRUCTURE[${SUBFIELD_SEPARATOR}]` : 'STRUCTURE'),
    col('STRUCTURE_ID', 'structure', true),
    col('ACTION', 'structure', false, 'I'),
    ...d.dimensions.map((c) => col(c.id, 'dimension', c.role === 'area' || c.role === 'indicator' || c.role === 'time', c.total ?? '')),
    col(d.measure.id, 'measure', true, '', true),
    ...d.attributes.map((a) =>
      col(
        a.id,
        'attribute',
        a.id === 'UNIT_MEASURE',
        a.default ?? '',
        a.type === 'integer' || a.codelist === 'CL_UNIT_MULT',
        a.multiValued === true,
        a.multiValued ? `${a.id}[]` : a.id,
      ),
    ),
    ...d.customColumns.map((c) => col(c.id, 'custom', false, '', c.type === 'integer')),
  ];
}
