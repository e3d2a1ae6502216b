/**
 * The wide posterior docs/model.md §10.3 reports (scenarios/posteriors/wide/) was drawn from its
 * calibration file as that file now reads, by the truncated kernel, over all 27 parameters: a change
 * to the file without a new draw fails here, so the section cannot describe a prior nobody ran.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPosterior } from '../../src/compare/posterior/read.js';
import { loadSweep } from '../../src/experiments/loadSweep.js';
import { ROOT } from '../helpers.js';

const FILE = join(ROOT, 'scenarios', 'calibration', 'china-russia-wide.yaml');
const POSTERIOR = join(ROOT, 'scenarios', 'posteriors', 'wide');

describe('the wide posterior', () => {
  it('was drawn from china-russia-wide.yaml as it reads now, over every parameter it frees', () => {
    const posterior = readPosterior(POSTERIOR);
    expect(posterior.calibration?.sha256).toBe(createHash('sha256').update(readFileSync(FILE)).digest('hex'));
    const sweep = loadSweep(FILE, { estimate: false });
    expect(sweep.sweep.calibration?.kernel).toBe('truncated');
    expect(posterior.paths).toEqual(sweep.parameters.map((p) => p.path));
    expect(posterior.paths).toHaveLength(27);
    expect(posterior.values).toHaveLength(1000);
  });
});
