/**
 * Why the swap-line target is not met (docs/model.md §8), measured rather than asserted in prose.
 * The observable reads the CNY 150 bn swap line's use as mutual finance commitment, the lesser of
 * China's and Russia's. Since Russia's finance ties gain only what they clear for a partner that
 * has lost dollar access (model/mechanisms/economicGain.ts), neither side's finance commitment
 * rises far, and the default calibration with the swap-line term weighted 20 times (every other
 * line as shipped) still draws less than 60% of the observed CNY 59.7 bn in 2023, while the
 * other targets pay for the attempt. Under this mapping no calibrated setting meets the figure;
 * the mapping (a standing facility whose capacity is China's and whose drawdown is Russia's
 * demand) is what model v3 replaces. If a change lets the weighted fit reach the figure, this
 * test fails, and the expected failure in china-russia.test.ts must be revisited.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { calibrate } from '../../src/calibration/calibrate.js';
import { loadSweep } from '../../src/experiments/loadSweep.js';
import { loadScenario } from '../../src/scenario/load.js';
import { DEFAULT_SCENARIO, fileIn, ROOT, tempDir } from '../helpers.js';
import { acrossRuns, runAll, yearMean } from './simulate.js';

const SHIPPED = join(ROOT, 'scenarios', 'calibration', 'china-russia.yaml');
const OBSERVED = join(ROOT, 'data', 'china-russia-observed.csv');
const SWAP_TARGET = '- { indicator: swap_line_drawdown, period: "2023", statistic: mean, scale: 15 }';

/** The shipped calibration file with the swap-line term weighted `weight` times, its paths made absolute. */
function weighted(weight: number): string {
  const text = readFileSync(SHIPPED, 'utf8');
  expect(text).toContain(SWAP_TARGET);
  const changed = text
    .replace(SWAP_TARGET, SWAP_TARGET.replace('scale: 15 }', `scale: 15, weight: ${weight} }`))
    .replace('scenario: ../china-russia-2022.yaml', `scenario: ${DEFAULT_SCENARIO}`)
    .replace('observed: ../../data/china-russia-observed.csv', `observed: ${OBSERVED}`);
  return fileIn(tempDir(), 'swap-weighted.yaml', changed);
}

/** The observed 2023 draw, CNY bn. */
function observedDraw(): number {
  const row = readFileSync(OBSERVED, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('swap_line_drawdown,2023,'));
  if (!row) throw new Error('no observed swap_line_drawdown 2023');
  return Number(row.split(',')[2]);
}

describe('the swap-line target under the mutual-finance mapping', () => {
  let drawn: number;
  let shipped: number;
  let tradeLoss: number;

  beforeAll(async () => {
    const sweep = loadSweep(weighted(20));
    const result = await calibrate(sweep, 2, true);
    const best = result.points[result.best.point] as readonly (string | number)[];
    const set = sweep.parameters.map((p, i) => `${p.path}=${best[i]}`);
    const drawIn2023 = (runs: ReturnType<typeof runAll>) =>
      acrossRuns(runs.series.swap_line_drawdown as Float64Array[], (row) => yearMean(row, 1));
    drawn = drawIn2023(runAll(loadScenario(DEFAULT_SCENARIO, { set }), {}));
    shipped = drawIn2023(runAll(loadScenario(DEFAULT_SCENARIO), {}));
    const trade = result.targets.flatMap((t, i) => (t.spec.indicator === 'bilateral_trade' ? [i] : []));
    tradeLoss = trade.reduce(
      (sum, i) => sum + ((result.best.simulated[i] - result.targets[i].observed) / result.targets[i].spec.scale) ** 2,
      0,
    );
  }, 120_000);

  it('weighted 20 times, the fit still draws less than 60% of the observed CNY 59.7 bn in 2023', () => {
    expect(drawn / observedDraw()).toBeLessThan(0.6);
  });

  it('it draws more than the shipped fit does, so the weight acts: the target, not the search, is out of reach', () => {
    expect(drawn).toBeGreaterThan(shipped);
  });

  it('and the trade targets pay for the attempt: their loss passes 3 (the shipped fit: about 1)', () => {
    expect(tradeLoss).toBeGreaterThan(3);
  });
});
