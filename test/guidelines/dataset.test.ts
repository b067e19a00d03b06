import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SchemaError } from '../../src/errors.js';
import { describeSourceFile, writeDatasetMetadata, type DatasetMetadata } from '../../src/guidelines/index.js';
import { sha256File, sha256Hex, stableJson } from '../../src/guidelines/dataset.js';

describe('dataset metadata', () => {
  it('hashes the exact bytes of a file (FIPS 180-2 test vector "abc")', () => {
    const dir = mkdtempSync(join(tmpdir(), 'digicge-ds-'));
    const f = join(dir, 'abc.txt');
    writeFileSync(f, 'abc');
    const want = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
    expect(sha256Hex('abc')).toBe(want);
    expect(sha256File(f)).toBe(want);
    expect(describeSourceFile(f, { publisher: 'test' })).toEqual({ publisher: 'test', path: f, sha256: want });
    expect(() => sha256File(join(dir, 'missing.csv'))).toThrowError(
      expect.objectContaining({ code: 'FILE_NOT_FOUND', location: { file: join(dir, 'missing.csv') } }),
    );
  });

  it('writes valid metadata as stable JSON and rejects invalid metadata with its JSON path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'digicge-ds-'));
    const meta: DatasetMetadata = {
      version: '1',
      id: 'wdi-internet',
      release: '2024-11',
      sources: [{ sha256: 'a'.repeat(64), path: 'wdi.csv' }],
      createdBy: { version: '0.1.0', tool: 'digicge' },
    };
    await writeDatasetMetadata(join(dir, 'a.json'), meta);
    const text = readFileSync(join(dir, 'a.json'), 'utf8');
    expect(text).toBe(stableJson(meta));
    expect(text.indexOf('"createdBy"')).toBeLessThan(text.indexOf('"id"'));
    const bad: DatasetMetadata = { ...meta, release: 'last week' };
    await expect(writeDatasetMetadata(join(dir, 'b.json'), bad)).rejects.toBeInstanceOf(SchemaError);
    await expect(writeDatasetMetadata(join(dir, 'b.json'), bad)).rejects.toMatchObject({ location: { jsonPath: '/release' } });
  });
});
