/**
 * The files users write carry the version of their format: each user-written kind's JSON Schema
 * states the version this digicge reads, a file without `schemaVersion` is version 1, and a file
 * written for a newer version is refused, naming the file, the JSON path and what to do — by every
 * loader of that kind.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDigitalScenario } from '../../src/cge/digital/index.js';
import { parseScenarios } from '../../src/cge/index.js';
import { validateIndexConfig } from '../../src/divide/index.js';
import { checkSchemaVersion, currentSchemaVersion, USER_FILE_KINDS } from '../../src/guidelines/index.js';
import { loadMapping } from '../../src/harmonise/index.js';

const ROOT = join(import.meta.dirname, '../..');
const json = (p: string): Record<string, unknown> => JSON.parse(readFileSync(join(ROOT, p), 'utf8')) as Record<string, unknown>;
const newer = { code: 'SCHEMA_VERSION_NEWER', location: expect.objectContaining({ jsonPath: '/schemaVersion' }) };

describe('schemaVersion of user-written files', () => {
  it.each(USER_FILE_KINDS)('the %s schema states the version it reads, as an optional integer ≥ 1', (kind) => {
    const schema = json(`guidelines/schemas/${kind}.schema.json`) as {
      properties: Record<string, { type?: string; minimum?: number; maximum?: number }>;
      required?: string[];
    };
    expect(schema.properties.schemaVersion).toMatchObject({ type: 'integer', minimum: 1 });
    expect(Number.isInteger(schema.properties.schemaVersion!.maximum)).toBe(true);
    expect(currentSchemaVersion(kind)).toBe(schema.properties.schemaVersion!.maximum);
    expect(schema.required ?? []).not.toContain('schemaVersion');
  });

  it('reads a file without schemaVersion as version 1, and refuses one of a newer version', () => {
    expect(checkSchemaVersion('scenario', { name: 'x' })).toBe(1);
    expect(checkSchemaVersion('scenario', { schemaVersion: 1 })).toBe(1);
    const next = currentSchemaVersion('scenario') + 1;
    expect(() => checkSchemaVersion('scenario', [{ schemaVersion: 1 }, { schemaVersion: next }], 'sc.json')).toThrow(
      expect.objectContaining({
        ...newer,
        location: { file: 'sc.json', jsonPath: '/schemaVersion' },
        message: expect.stringMatching(/upgrade digicge/),
      }),
    );
  });

  it('every loader of a user-written file refuses a newer version before anything else', () => {
    const scenario = json('datasets/models/stdcge/scenarios/tariff-abolition.json');
    expect(parseScenarios(scenario, 's.json')[0]!.name).toBe('tariff-abolition');
    expect(() => parseScenarios({ ...scenario, schemaVersion: 99 }, 's.json')).toThrow(expect.objectContaining(newer));

    const digital = json('datasets/ddcge/scenarios/rural-connectivity.json');
    expect(parseDigitalScenario({ ...digital, schemaVersion: 1 }).name).toBe(digital.name);
    expect(() => parseDigitalScenario({ ...digital, schemaVersion: 99 })).toThrow(expect.objectContaining(newer));

    const index = json('guidelines/indices/asean-digital-access.json');
    expect(validateIndexConfig(index, 'i.json').id).toBe('asean-digital-access');
    expect(() => validateIndexConfig({ ...index, schemaVersion: 99 }, 'i.json')).toThrow(expect.objectContaining(newer));

    const dir = mkdtempSync(join(tmpdir(), 'digicge-schema-version-'));
    const mapping = json('datasets/mappings/wdi2024_internet_users.json');
    delete mapping.$schema;
    mapping.file = join(ROOT, 'datasets/mappings', mapping.file as string);
    delete (mapping.filters as Record<string, unknown>).aggregateList;
    for (const [name, v] of [
      ['ok.json', 1],
      ['new.json', 99],
      ['bad.json', '1'],
    ] as const)
      writeFileSync(join(dir, name), JSON.stringify({ ...mapping, schemaVersion: v }));
    expect(loadMapping(join(dir, 'ok.json')).mapping.schemaVersion).toBe(1);
    expect(() => loadMapping(join(dir, 'new.json'))).toThrow(expect.objectContaining(newer));
    expect(() => loadMapping(join(dir, 'bad.json'))).toThrow(
      expect.objectContaining({ code: 'SCHEMA_INVALID', location: expect.objectContaining({ jsonPath: '/schemaVersion' }) }),
    );
  });

  it('every shipped user-written file is of a version this digicge reads', () => {
    const files: [string, (typeof USER_FILE_KINDS)[number]][] = [
      ...readdirSync(join(ROOT, 'datasets/mappings')).map(
        (f) => [`datasets/mappings/${f}`, 'source-mapping'] as [string, 'source-mapping'],
      ),
      ...readdirSync(join(ROOT, 'datasets/models/stdcge/scenarios')).map(
        (f) => [`datasets/models/stdcge/scenarios/${f}`, 'scenario'] as [string, 'scenario'],
      ),
      ...readdirSync(join(ROOT, 'datasets/ddcge/scenarios')).map(
        (f) => [`datasets/ddcge/scenarios/${f}`, 'digital-scenario'] as [string, 'digital-scenario'],
      ),
      ...readdirSync(join(ROOT, 'guidelines/indices'))
        .filter((f) => f.endsWith('.json'))
        .map((f) => [`guidelines/indices/${f}`, 'composite-index'] as [string, 'composite-index']),
    ];
    expect(files.length).toBeGreaterThan(10);
    for (const [f, kind] of files) expect(checkSchemaVersion(kind, json(f), f), f).toBeLessThanOrEqual(currentSchemaVersion(kind));
  });
});
