/** The guideline as a static HTML site and a PDF (`digicge guidelines site`). @module */
export { writeGuidelineSite, sitePages, type SitePage } from './build.js';
export { printGuidelinePdf, stampPdfDates, CHROMIUM } from './pdf.js';
export { readCitation, type Citation } from './citation.js';
export { markdownToHtml, escapeHtml, slug, type Heading } from './markdown-html.js';
