import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from '../../src/util/index.js';

describe('an output that cannot be written', () => {
  it('is a typed error naming the path when a file stands where a folder is needed, and leaves nothing behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'digicge-atomic-'));
    writeFileSync(join(dir, 'file'), 'x');
    const target = join(dir, 'file', 'out.csv');
    await expect(writeFileAtomic(target, 'a')).rejects.toMatchObject({
      name: 'OutputError',
      code: 'OUTPUT_NOT_WRITABLE',
      location: { file: target },
    });
    await expect(writeFileAtomic(join(dir, 'file', 'deeper', 'out.csv'), 'a')).rejects.toMatchObject({ code: 'OUTPUT_NOT_WRITABLE' });
    expect(readdirSync(dir)).toEqual(['file']);
  });
  it('is a typed error when the target is a folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'digicge-atomic-'));
    await expect(writeFileAtomic(dir, 'a')).rejects.toMatchObject({
      code: 'OUTPUT_NOT_WRITABLE',
      message: expect.stringContaining('folder stands where the output file goes'),
    });
  });
});
