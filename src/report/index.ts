/**
 * Public API of the `report` stage: the document model, and its renderings — the self-contained
 * HTML report, the Markdown summary, the Excel workbook and safe CSV exports — plus charts rendered
 * to SVG in Node from Vega-Lite specifications.
 * @module
 */
export type {
  CellValue,
  FlatColumn,
  ReportNumberFormat,
  ReportPair,
  ReportBlock,
  ReportColumn,
  ReportDocument,
  ReportFigure,
  ReportList,
  ReportParagraph,
  ReportSection,
  ReportTable,
} from './document.js';
export { flatColumns, formatCellText, formatDisplayNumber, isPair, reportTables } from './document.js';

export { toSafeCsv } from './csv.js';
export { renderChartSvg } from './chart.js';
export { escapeHtml, renderReportHtml } from './html.js';
export { renderSummaryMarkdown } from './markdown.js';
export { buildWorkbook, excelNumberFormat, workbookDate, type WorkbookOptions, type WorkbookSam } from './workbook.js';
export { cgeSheets, samSheets, SAM_UNIT } from './workbook-appendix.js';
export {
  dataVintage,
  formatMethodNotes,
  METHOD_NOTES_FILE,
  readMethodNotes,
  writePipelineReport,
  type PipelineReportWriteOptions,
} from './pipeline-write.js';
export { normaliseZipTimestamps } from './zip-timestamps.js';
export {
  buildPipelineReport,
  coverageSection,
  divideSection,
  provenanceSection,
  samSection,
  type PipelineReportOptions,
} from './pipeline-report.js';
export { writeReport, type ReportFiles } from './write.js';
export { scenarioSection } from './scenario-section.js';
