/**
 * The error-code catalogue (src/error-codes.ts) is complete and current: every code that src/ gives
 * a user is in it, every code in it is given somewhere, the rendered docs/errors.md is what the
 * catalogue and the sources give today, and the library's own lookup answers from it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeErrorCode, ERROR_CODES } from '../../src/errors.js';
import { findCodeSites } from '../../scripts/error-code-sites.js';
import { ERROR_DOC, renderErrorCatalogue } from '../../scripts/error-catalogue.js';

const ROOT = join(import.meta.dirname, '../..');
const sites = findCodeSites(ROOT);

describe('the error-code catalogue', () => {
  it('finds the codes where they are given: thrown errors, rejected rows, codes handed to a helper', () => {
    const kinds = new Set(sites.map((s) => s.kind));
    for (const k of ['InputError', 'NumericError', 'ModelError', 'UsageError', 'SchemaError', 'SingularMatrixError', 'reject', 'code'])
      expect(kinds).toContain(k);
    expect(sites.find((s) => s.code === 'CSV_UNBALANCED_QUOTE')?.kind).toBe('reject');
    expect(sites.some((s) => s.code === 'NOT_CONVERGED' && s.where.startsWith('src/cge/solve/newton.ts'))).toBe(true);
  });

  it('holds every code that src/ gives', () => {
    const missing = sites.filter((s) => !(s.code in ERROR_CODES)).map((s) => `${s.code} (${s.kind}) at ${s.where}`);
    expect(missing, 'add each code with its meaning to src/error-codes.ts, then run `npm run docs:errors`').toEqual([]);
  });

  it('holds no code that src/ no longer gives', () => {
    const given = new Set(sites.map((s) => s.code));
    const stale = Object.keys(ERROR_CODES).filter((c) => !given.has(c));
    expect(stale, 'remove these codes from src/error-codes.ts (or give them again), then run `npm run docs:errors`').toEqual([]);
  });

  it('gives every code a meaning of its own', () => {
    const meanings = Object.values(ERROR_CODES);
    expect(meanings.filter((m) => m.trim().length < 20)).toEqual([]);
    const repeated = meanings.filter((m, k) => meanings.indexOf(m) !== k);
    expect(repeated, 'two codes with one meaning are one code').toEqual([]);
    expect(describeErrorCode('CSV_UNBALANCED_QUOTE')).toMatch(/quoted field is never closed/);
    expect(describeErrorCode('NO_SUCH_CODE')).toBeUndefined();
    expect(describeErrorCode('toString')).toBeUndefined();
  });

  it(`is rendered in ${ERROR_DOC} as it stands`, () => {
    expect(readFileSync(join(ROOT, ERROR_DOC), 'utf8'), `${ERROR_DOC} is stale: run \`npm run docs:errors\``).toBe(
      renderErrorCatalogue(ROOT),
    );
  });
});
