/**
 * `npm run docs:errors`: renders the error-code catalogue (src/error-codes.ts) into
 * docs/errors.md — each code with its meaning, where it is given (the error class, or a rejected
 * row or cell) and an example of its message as the code writes it (`‹…›` is filled in at run time).
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ERROR_CODES } from '../src/error-codes.js';
import { findCodeSites, type CodeSite } from './error-code-sites.js';

/** Where the rendered catalogue is written, relative to the repository root. */
export const ERROR_DOC = 'docs/errors.md';

const KIND: Readonly<Record<string, string>> = {
  reject: 'a rejected row or cell (`rejects.csv`)',
  code: 'a typed error raised by a helper',
};

/** docs/errors.md for the repository at `root`. */
export function renderErrorCatalogue(root: string): string {
  const sites = new Map<string, CodeSite[]>();
  for (const s of findCodeSites(root)) sites.set(s.code, [...(sites.get(s.code) ?? []), s]);
  const lines = [
    '# Error codes',
    '',
    'Every code digicge gives: the `code` of each typed error (the CLI prints it in brackets at the end of the',
    'message, and exits 1, or 2 for a wrong command line) and the reason code of each rejected row or cell in',
    '`rejects.csv`. Codes are stable: a code keeps its meaning across versions. Generated from',
    '`src/error-codes.ts` and the places in `src/` that give each code by `npm run docs:errors`; do not edit.',
    '',
    `${Object.keys(ERROR_CODES).length} codes.`,
    '',
  ];
  for (const code of Object.keys(ERROR_CODES).sort()) {
    const here = sites.get(code) ?? [];
    const kinds = [...new Set(here.map((s) => KIND[s.kind] ?? `\`${s.kind}\``))].join(', ');
    const files = [...new Set(here.map((s) => s.where.replace(/:\d+$/, '')))];
    const example = here.find((s) => s.message)?.message;
    lines.push(`## ${code}`, '', ERROR_CODES[code]!, '');
    lines.push(`Given as ${kinds || '(nowhere in src/)'} in ${files.map((f) => `\`${f}\``).join(', ') || '—'}.`, '');
    if (example) lines.push(`Example: \`${example.replace(/`/g, "'").replace(/\s+/g, ' ')}\``, '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(import.meta.dirname, '..');
  writeFileSync(join(root, ERROR_DOC), renderErrorCatalogue(root));
  process.stdout.write(`wrote ${ERROR_DOC}\n`);
}
