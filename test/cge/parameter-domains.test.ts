import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { prepareModel } from '../../src/cge/run.js';
import { stdcge } from '../../src/cge/models/stdcge.js';
import { ddcge } from '../../src/cge/digital/ddcge.js';
import { applyDraws, ddcgeParameterVector } from '../../src/cge/digital/recalibrate.js';
import { prepareDatabase } from '../../src/cge/digital/simulate.js';
import { loadSam, STDCGE_DIR } from './helpers/sam.js';
import { fixtureDatabase } from './digital/db-fixture.js';

const params = JSON.parse(readFileSync(join(STDCGE_DIR, 'parameters.json'), 'utf8')) as Record<string, Record<string, number>>;
const withValue = (key: string, el: string, v: number) => ({ ...params, [key]: { ...params[key], [el]: v } });

describe('economic input outside its domain', () => {
  it('an Armington elasticity of −2 (or 1, or 0) is a located error, not a solved model', async () => {
    const sam = await loadSam(join(STDCGE_DIR, 'sam.csv'));
    for (const v of [-2, 0, 1]) {
      expect(() => prepareModel(stdcge, sam, withValue('armington_elasticity', 'BRD', v), {}, 'parameters.json')).toThrow(
        expect.objectContaining({
          code: 'PARAMETER_OUT_OF_DOMAIN',
          location: expect.objectContaining({ file: 'parameters.json', jsonPath: '/armington_elasticity/BRD' }),
        }),
      );
    }
    expect(() => prepareModel(stdcge, sam, withValue('transformation_elasticity', 'MLK', -1))).toThrow(
      expect.objectContaining({ code: 'PARAMETER_OUT_OF_DOMAIN' }),
    );
    expect(() => prepareModel(stdcge, sam, withValue('world_import_price', 'MLK', 0))).toThrow(
      expect.objectContaining({ code: 'PARAMETER_OUT_OF_DOMAIN' }),
    );
    // inside the domain the same model calibrates
    expect(() => prepareModel(stdcge, sam, withValue('armington_elasticity', 'BRD', 0.5))).not.toThrow();
  });
  it('the digital-divide model and its fast recalibration refuse it too', () => {
    const db = fixtureDatabase();
    const bad = applyDraws(db.params, ['armington_elasticity.*'], [-2]);
    expect(() => prepareModel(ddcge, db.sam, bad)).toThrow(expect.objectContaining({ code: 'PARAMETER_OUT_OF_DOMAIN' }));
    expect(() => ddcgeParameterVector(prepareDatabase(db).prep, bad)).toThrow(expect.objectContaining({ code: 'PARAMETER_OUT_OF_DOMAIN' }));
  });
});
