/**
 * Two checks of different kinds, named as such:
 * - a regression pin, not validation: running scenarios/calibration/china-russia.yaml
 *   again picks the values the default scenario holds (rounded as --apply writes
 *   them), whatever the worker count; it fails when the model or the calibration
 *   changes, and says nothing about fit;
 * - the fit's quality: at the best point every target is met within 3 of its
 *   scales, which a model that cannot reproduce the record fails.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fittedValue } from '../../src/calibration/apply.js';
import { calibrate } from '../../src/calibration/calibrate.js';
import { loadSweep } from '../../src/experiments/loadSweep.js';
import { resolvePath } from '../../src/scenario/paths.js';
import { ROOT } from '../helpers.js';

const FILE = join(ROOT, 'scenarios', 'calibration', 'china-russia.yaml');

describe('calibration of the default scenario', () => {
  it('regression pin: picks the values the scenario ships, the same on 1 and 2 workers; fit: every target within 3 scales', async () => {
    const loaded = loadSweep(FILE);
    const result = await calibrate(loaded, 2);
    const best = result.points[result.best.point] as readonly (string | number)[];
    loaded.parameters.forEach((p, i) => {
      const { parent, key } = resolvePath({ ...loaded.scenario } as unknown as Record<string, unknown>, p.path);
      expect(parent[key], p.path).toBe(fittedValue(best[i]));
    });
    // Every target is met within 3 of its scales (loss terms under 9); the loss is reported in docs/model.md §10.
    result.targets.forEach((t, i) => {
      expect(Math.abs((result.best.simulated[i] - t.observed) / t.spec.scale), t.label).toBeLessThan(3);
    });
    const one = await calibrate(loaded, 1);
    expect(one.scores).toEqual(result.scores);
  }, 120_000);
});
