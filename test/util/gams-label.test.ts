import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { gamsLabelProblem, GAMS_LABEL_MAX_LENGTH } from '../../src/util/gams-label.js';
import { formatSamGams, parseSamGams } from '../../src/sam/io/gams.js';
import { Sam } from '../../src/sam/index.js';
import { gamsElement, formatScenarioGams } from '../../src/cge/gams.js';
import { CgeModel } from '../../src/cge/model/model.js';

const sam = (labels: string[]) => new Sam(labels, Float64Array.from(labels.flatMap((_, i) => labels.map((__, j) => (i === j ? 0 : 1)))));

describe('GAMS writers refuse labels GAMS would read as code', () => {
  it('a SAM label with a line break is an error naming the account, not a `$call` line', () => {
    const evil = 'BRD\n$call rm -rf x';
    expect(() => formatSamGams(sam([evil, 'MLK']))).toThrow(
      expect.objectContaining({ code: 'GAMS_BAD_LABEL', location: { account: 'BRD\\u000a$call rm -rf x' } }),
    );
    expect(gamsLabelProblem('')).toBeDefined();
    for (const bad of ['A\rB', 'A\tB', 'A\u0000B', 'A\u2028B', `'"`, 'x'.repeat(GAMS_LABEL_MAX_LENGTH + 1)]) {
      expect(gamsLabelProblem(bad), JSON.stringify(bad)).toBeDefined();
      expect(() => formatSamGams(sam([bad, 'MLK']))).toThrow(expect.objectContaining({ code: 'GAMS_BAD_LABEL' }));
    }
    // a unit with a line break would break out of its comment line
    expect(() => formatSamGams(new Sam(['A', 'B'], Float64Array.from([0, 1, 1, 0]), { unit: 'US$\n$call x' }))).toThrow(
      expect.objectContaining({ code: 'GAMS_BAD_TEXT' }),
    );
  });
  it('the model and scenario writers refuse them too', () => {
    expect(() => gamsElement('TEL\n$call x')).toThrow(expect.objectContaining({ code: 'GAMS_BAD_LABEL' }));
    const m = new CgeModel('m');
    m.set('i', ['BRD', 'MLK']);
    m.parameter('taum', ['i']);
    expect(() => formatScenarioGams(m, { name: 's', shocks: [{ parameter: 'taum', index: ['BRD\n$call x'], set: 0 }] })).toThrow(
      expect.objectContaining({ code: 'GAMS_BAD_LABEL' }),
    );
    expect(() => formatScenarioGams(m, { name: 's', description: 'no tariffs\n$call x', shocks: [] })).toThrow(
      expect.objectContaining({ code: 'GAMS_BAD_TEXT', location: { jsonPath: '/description' } }),
    );
    expect(formatScenarioGams(m, { name: 's', description: 'no tariffs', shocks: [{ parameter: 'taum', set: 0 }] })).toBe(
      '* Scenario s written by digicge: no tariffs\ntaum(i) = 0;\nSolve m using cns;\n',
    );
  });
  it('any label GAMS reads is written and read back unchanged', () => {
    const label = fc
      .stringMatching(/^[A-Za-z0-9][A-Za-z0-9_+\-. ']{0,40}$/)
      .map((s) => s.trim())
      .filter((s) => s.length > 0);
    fc.assert(
      fc.property(fc.uniqueArray(label, { minLength: 2, maxLength: 5 }), (labels) => {
        expect(labels.every((l) => gamsLabelProblem(l) === undefined)).toBe(true);
        expect(parseSamGams(formatSamGams(sam(labels))).labels).toEqual(labels);
      }),
      { numRuns: 100 },
    );
  });
});
