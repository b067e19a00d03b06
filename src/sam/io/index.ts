/** Readers and writers of SAM files (CSV, XLSX, JSON, GAMS). @module */
export { parseSamCsv, readSamCsv, formatSamCsv, writeSamCsv, type SamCsvWriteOptions } from './csv.js';
export { samFromLabelledGrid, columnLetter, type LabelledGridOptions, type GridCell } from './grid.js';
export { readSamXlsx, formatSamXlsx, writeSamXlsx, type SamXlsxReadOptions } from './xlsx.js';
export { parseSamJson, readSamJson, formatSamJson, writeSamJson, SAM_SCHEMA_PATH } from './json.js';
export { parseSamGams, readSamGams, formatSamGams, writeSamGams, GAMS_GROUP_SETS, type SamGamsWriteOptions } from './gams.js';
export { readSam, samFormatOf, type SamFormat, type SamReadOptions } from './read.js';
export { locateSamLayout, groupFromHeading, isTotalLabel, type SamGridLayout } from './layout.js';
export { writeSam } from './write.js';
