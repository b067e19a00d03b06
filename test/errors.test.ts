import { describe, expect, it } from 'vitest';
import { DigicgeError, InputError, ModelError, formatLocation } from '../src/errors.js';

describe('typed errors', () => {
  it('formats a file location as file:row:column', () => {
    expect(formatLocation({ file: 'a.csv', row: 12, column: 'OBS_VALUE' })).toBe('a.csv:12:OBS_VALUE');
  });
  it('formats sheet, JSON path and equation with its index', () => {
    expect(formatLocation({ file: 'io.xlsx', sheet: 'Tabel', row: 3 })).toBe('io.xlsx [sheet Tabel]:3');
    expect(formatLocation({ file: 'm.json', jsonPath: '/columns/2/code' })).toBe('m.json at /columns/2/code');
    expect(formatLocation({ equation: 'eqpz', index: ['BRD'] })).toBe('eqpz(BRD)');
  });
  it('gives one located line with the code, and keeps the subclass name', () => {
    const e = new InputError('CSV_UNBALANCED_QUOTE', 'quote opened here is never closed', { file: 'x.csv', row: 4 });
    expect(e.located()).toBe('x.csv:4: quote opened here is never closed [CSV_UNBALANCED_QUOTE]');
    expect(e).toBeInstanceOf(DigicgeError);
    expect(e.name).toBe('InputError');
    expect(new ModelError('NOT_SQUARE', 'm').located()).toBe('m [NOT_SQUARE]');
  });
});
