import { readFileSync } from 'node:fs';
import { InputError } from '../errors.js';

/**
 * Reads and parses a JSON file synchronously. A missing file throws `InputError` `FILE_NOT_FOUND`;
 * a syntax error throws `InputError` `JSON_SYNTAX` naming the line and column.
 * @param file path to read
 * @param shown the path to name in messages (defaults to `file`)
 */
export function readJsonFile(file: string, shown: string = file): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new InputError('FILE_NOT_FOUND', `cannot read ${shown}: ${(err as Error).message}`, { file: shown }, { cause: err });
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    const message = (err as Error).message;
    const pos = /position (\d+)/.exec(message);
    let row: number | undefined;
    let column: number | undefined;
    if (pos) {
      const before = text.slice(0, Number(pos[1]));
      row = before.split('\n').length;
      column = Number(pos[1]) - before.lastIndexOf('\n');
    }
    throw new InputError('JSON_SYNTAX', `${shown} is not valid JSON: ${message}`, { file: shown, row, column }, { cause: err });
  }
}
