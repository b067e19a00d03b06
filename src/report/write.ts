import { join } from 'node:path';
import { writeFileAtomic } from '../util/atomic-write.js';
import type { ReportDocument } from './document.js';
import { renderReportHtml } from './html.js';
import { renderSummaryMarkdown } from './markdown.js';
import { buildWorkbook, type WorkbookOptions } from './workbook.js';

/** Paths of the report deliverables. */
export interface ReportFiles {
  html: string;
  workbook: string;
  summary: string;
}

/**
 * Writes the three renderings of a report into `dir`, atomically: `report.html` (self-contained),
 * `results.xlsx` (a README sheet, a sheet per table, and the workbook's own sheets) and `summary.md`
 * (tables capped at 15 rows).
 * @param readmeLines extra lines for the workbook's README sheet (provenance, how it was made)
 * @param workbook the workbook's own tables and SAM sheets, and its date
 */
export async function writeReport(
  dir: string,
  doc: ReportDocument,
  readmeLines: readonly string[] = [],
  workbook: WorkbookOptions = {},
): Promise<ReportFiles> {
  const files: ReportFiles = { html: join(dir, 'report.html'), workbook: join(dir, 'results.xlsx'), summary: join(dir, 'summary.md') };
  await writeFileAtomic(files.html, renderReportHtml(doc));
  await writeFileAtomic(files.workbook, await buildWorkbook(doc, readmeLines, workbook));
  await writeFileAtomic(files.summary, renderSummaryMarkdown(doc, { maxRows: 15 }));
  return files;
}
