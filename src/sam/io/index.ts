/** Readers and writers of SAM files (CSV, XLSX, JSON, GAMS). @module */
export { parseSamCsv, readSamCsv, formatSamCsv, writeSamCsv, formatSamNumber, type SamCsvWriteOptions } from './csv.js';
export { samFromLabelledGrid, columnLetter, type LabelledGridOptions, type GridCell } from './grid.js';
