import { join } from 'node:path';
import { writeFileAtomic } from '../../util/atomic-write.js';
import { renderClassification } from './classification.js';
import { renderCodeLists } from './code-lists.js';
import { renderFrameworks } from './frameworks.js';
import { renderIndicators } from './indicators.js';
import { renderMethods } from './methods.js';
import { renderRequirements } from './requirements.js';
import { renderShocks } from './shocks.js';
import { renderQuality } from './quality.js';
import { renderScope } from './scope.js';
import { renderSubmitting } from './submitting.js';

/** The chapters of the rendered guideline, in order: file name and title. */
export const GUIDELINE_CHAPTERS: readonly { file: string; title: string }[] = [
  { file: '01-scope.md', title: '1. Scope' },
  { file: '02-indicators.md', title: '2. Indicators' },
  { file: '03-code-lists.md', title: '3. Code lists' },
  { file: '04-digital-sector-classification.md', title: '4. Digital-sector classification' },
  { file: '05-quality-rules.md', title: '5. Quality rules' },
  { file: '06-submitting-data.md', title: '6. Submitting data' },
  { file: '07-data-requirements.md', title: '7. Data requirements by SAM block' },
  { file: '08-methods.md', title: '8. Methods: from statistics to the CGE database' },
  { file: '09-scenario-shocks.md', title: '9. Translating indicator targets into model shocks' },
  { file: '10-frameworks.md', title: '10. Alignment with the international frameworks' },
];

/** Default output folder of the rendered guideline, relative to the package root. */
export const GUIDELINE_DOCS_DIR = 'docs/guideline';

/**
 * Renders the human-readable guideline from the machine-readable one, in memory: file name →
 * Markdown. Deterministic: the same guideline files give byte-identical documents.
 */
export function renderGuideline(): Map<string, string> {
  const render: Record<string, () => string> = {
    '01-scope.md': () => renderScope(GUIDELINE_CHAPTERS),
    '02-indicators.md': renderIndicators,
    '03-code-lists.md': renderCodeLists,
    '04-digital-sector-classification.md': renderClassification,
    '05-quality-rules.md': renderQuality,
    '06-submitting-data.md': renderSubmitting,
    '07-data-requirements.md': renderRequirements,
    '08-methods.md': renderMethods,
    '09-scenario-shocks.md': renderShocks,
    '10-frameworks.md': renderFrameworks,
  };
  return new Map(GUIDELINE_CHAPTERS.map((c) => [c.file, render[c.file]()]));
}

/**
 * Renders the guideline and writes each chapter atomically into `outDir`.
 * @returns the paths written
 */
export async function writeGuideline(outDir: string): Promise<string[]> {
  const written: string[] = [];
  for (const [name, text] of renderGuideline()) {
    const path = join(outDir, name);
    await writeFileAtomic(path, text);
    written.push(path);
  }
  return written;
}
