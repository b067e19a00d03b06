/**
 * The citation metadata of the guideline, from CITATION.cff at the package root (version, release
 * date, title, DOI when one is minted): the site and the PDF print it, so an edition is citable.
 * @module
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../../errors.js';
import { packageRoot } from '../paths.js';

/** What the site prints of CITATION.cff. */
export interface Citation {
  title: string;
  version: string;
  dateReleased: string;
  license: string;
  authors: string[];
  /** DOI, when identifiers list one. */
  doi: string | null;
}

/** Reads the top-level scalar fields, author names and DOI identifiers of CITATION.cff (the subset of YAML it uses). */
export function readCitation(path = join(packageRoot(), 'CITATION.cff')): Citation {
  if (!existsSync(path))
    throw new InputError('CITATION_MISSING', 'CITATION.cff is missing: the guideline cannot be published without its citation', {
      file: path,
    });
  const text = readFileSync(path, 'utf8');
  const field = (k: string) => {
    const m = new RegExp(`^${k}:\\s*(.*)$`, 'm').exec(text);
    return m ? m[1]!.trim().replace(/^"(.*)"$/, '$1') : '';
  };
  const authors = [...text.matchAll(/^\s+- name:\s*"?([^"\n]+)"?\s*$/gm)].map((m) => m[1]!);
  const doi = /^\s+value:\s*"?(10\.[^"\s]+)"?/m.exec(text)?.[1] ?? null;
  const c = {
    title: field('title'),
    version: field('version'),
    dateReleased: field('date-released'),
    license: field('license'),
    authors,
    doi,
  };
  for (const k of ['title', 'version', 'dateReleased'] as const)
    if (!c[k])
      throw new InputError('CITATION_INVALID', `CITATION.cff has no ${k === 'dateReleased' ? 'date-released' : k}`, { file: path });
  return c;
}
