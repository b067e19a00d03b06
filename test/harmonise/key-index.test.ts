import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeyIndex } from '../../src/harmonise/key-index.js';

describe('KeyIndex', () => {
  it('behaves as a Map for any sequence of set, delete and get on keys below 2^53', () => {
    const key = fc.oneof(
      fc.integer({ min: 0, max: 50 }),
      fc.maxSafeInteger().map((x) => Math.abs(x)),
    );
    const op = fc.tuple(fc.constantFrom('set', 'delete', 'get'), key, fc.integer({ min: 0, max: 1000 }));
    fc.assert(
      fc.property(fc.array(op, { maxLength: 3000 }), (ops) => {
        const ix = new KeyIndex(4);
        const ref = new Map<number, number>();
        for (const [o, k, v] of ops) {
          if (o === 'set') {
            ix.set(k, v);
            ref.set(k, v);
          } else if (o === 'delete') {
            ix.delete(k);
            ref.delete(k);
          } else expect(ix.get(k)).toBe(ref.get(k));
        }
        for (const [k, v] of ref) expect(ix.get(k)).toBe(v);
      }),
      { numRuns: 50, seed: 42 },
    );
  });
});
