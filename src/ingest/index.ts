/**
 * Public API of the `ingest` stage: one reader per format (delimited text, XLSX, SDMX-CSV,
 * SDMX-JSON, World Bank API JSON), each returning rows located by file, sheet, row and column.
 * @module
 */
export type { RawRow, RawTable, RowSink } from './types.js';
export { readTextFile, decodeText, firstInvalidUtf8, lineOfOffset } from './decode.js';
export {
  readCsv,
  readCsvText,
  streamCsvFile,
  parseDelimited,
  sniffDelimiter,
  joinHeaders,
  type CsvOptions,
  type ParsedRecord,
} from './csv.js';
export { parseLocaleNumber, otherNumberFormat, type NumberFormat } from './numbers.js';
export { readXlsx, type XlsxOptions } from './xlsx.js';
export { readSdmxCsv, sdmxId, type SdmxCsvTable, type SdmxCsvVersion } from './sdmx-csv.js';
export { readSdmxJson, type SdmxJsonTable } from './sdmx-json.js';
export { readWorldBankApi, WB_API_COLUMNS } from './wb-api.js';
export { meltWide, type MeltedCell } from './melt.js';
