import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeBytesAtomic } from '../../src/harmonise/csv-out.js';
import { harmonise, OBSERVATION_COLUMNS, writeOutputs } from '../../src/harmonise/index.js';
import { factsLayout, factsRow, observationRowWriter } from '../../src/harmonise/obs-fields.js';
import { writeFactsFile } from '../../src/harmonise/output.js';
import { DATA, tmp } from './helpers.js';

type Piece = { kind: 'text'; t: string } | { kind: 'int'; x: number } | { kind: 'bytes'; t: string } | { kind: 'byte'; c: number };

const piece: fc.Arbitrary<Piece> = fc.oneof(
  fc.record({
    kind: fc.constant('text' as const),
    t: fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('Việt Nam', '\u{1F600}', '70.3')),
  }),
  fc.record({ kind: fc.constant('text' as const), t: fc.string({ minLength: 300_000, maxLength: 400_000 }) }),
  fc.record({ kind: fc.constant('int' as const), x: fc.oneof(fc.nat(), fc.constantFrom(0, 9, 10, 4294967295, 4294967296, -1, 2.5)) }),
  fc.record({ kind: fc.constant('bytes' as const), t: fc.string({ maxLength: 200 }) }),
  fc.record({ kind: fc.constant('byte' as const), c: fc.integer({ min: 0, max: 127 }) }),
);

describe('ByteSink (the buffered writer of observations.csv)', () => {
  it('writes every piece as its UTF-8 text (integers as String(x)), across buffer flushes', () => {
    const dir = tmp();
    const path = join(dir, 'out.bin');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        writeBytesAtomic(path, (sink) => {
          for (const p of pieces)
            if (p.kind === 'text') sink.text(p.t);
            else if (p.kind === 'int') sink.int(p.x);
            else if (p.kind === 'bytes') sink.bytes(Buffer.from(p.t, 'utf8'));
            else sink.byte(p.c);
        });
        // the independent answer: Node's own encoder of the joined text
        const expected = pieces.map((p) => (p.kind === 'int' ? String(p.x) : p.kind === 'byte' ? String.fromCharCode(p.c) : p.t)).join('');
        expect(readFileSync(path).equals(Buffer.from(expected, 'utf8'))).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});

describe('the byte writers of observations.csv and of the database facts', () => {
  it('give the same lines as the text writers (observationRowWriter, factsRow), alone or in one pass', async () => {
    const root = join(import.meta.dirname, '../..');
    const mappings = [join(DATA, 'wdi2018/wdi2018_internet_users.json'), join(root, 'datasets/mappings/wdi2024_internet_users.json')];
    const h = (await harmonise({ mappings })).engine;
    const dir = tmp();
    const out = writeOutputs(h, dir, join(dir, 'facts-one-pass.csv'));
    writeFactsFile(h, join(dir, 'facts-alone.csv'));
    const row = observationRowWriter(h);
    const layout = factsLayout(h);
    const order = [...h.liveOrder()];
    expect(order.length).toBeGreaterThan(300);
    expect(readFileSync(out.observations, 'utf8')).toBe(`${OBSERVATION_COLUMNS.join(',')}\n${order.map(row).join('')}`);
    const facts = `${layout.header}${order.map((i) => factsRow(h, layout, i)).join('')}`;
    expect(readFileSync(join(dir, 'facts-one-pass.csv'), 'utf8')).toBe(facts);
    expect(readFileSync(join(dir, 'facts-alone.csv'), 'utf8')).toBe(facts);
  });
});
