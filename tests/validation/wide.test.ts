/**
 * The wide posteriors docs/model.md §10.3 reports (scenarios/posteriors/wide/ and wide-hard/) were
 * drawn from their calibration files as those files now read, by the truncated kernel, over all 27
 * parameters: a change to a file without a new draw fails here, so the section cannot describe a
 * prior nobody ran.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPosterior } from '../../src/compare/posterior/read.js';
import { loadSweep } from '../../src/experiments/loadSweep.js';
import { ROOT } from '../helpers.js';

const WIDE = [
  ['china-russia-wide.yaml', 'wide'],
  ['china-russia-wide-hard.yaml', 'wide-hard'],
] as const;

describe.each(WIDE)('the posterior of %s', (file, dir) => {
  it('was drawn from its calibration file as it reads now, over every parameter it frees', () => {
    const FILE = join(ROOT, 'scenarios', 'calibration', file);
    const posterior = readPosterior(join(ROOT, 'scenarios', 'posteriors', dir));
    expect(posterior.calibration?.sha256).toBe(createHash('sha256').update(readFileSync(FILE)).digest('hex'));
    const sweep = loadSweep(FILE, { estimate: false });
    expect(sweep.sweep.calibration?.kernel).toBe('truncated');
    expect(posterior.paths).toEqual(sweep.parameters.map((p) => p.path));
    expect(posterior.paths).toHaveLength(27);
    expect(posterior.values).toHaveLength(1000);
  });
});
