/**
 * Why the swap-line target is not met (docs/model.md §8), measured rather than asserted in prose.
 * The observable reads the CNY 150 bn swap line's use as mutual finance commitment, so a draw of
 * 40% of capacity needs China's finance commitment near 0.4, and finance weighs 2 of depth's 11.5.
 * The default calibration with the swap-line term weighted 20 times (every other line as shipped)
 * reaches the target only with China's exposure aversion at the floor of its range, and then
 * CHN–RUS depth leaves the ±15% band the issue asks for. If a change to the model lets the swap
 * line and flat depth hold together, this test fails, and the expected failure in
 * china-russia.test.ts (and the paragraph in docs/model.md) must be revisited.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { calibrate } from '../../src/calibration/calibrate.js';
import { loadSweep } from '../../src/experiments/loadSweep.js';
import { loadScenario } from '../../src/scenario/load.js';
import { DEFAULT_SCENARIO, fileIn, ROOT, tempDir } from '../helpers.js';
import { acrossRuns, depth, runAll, yearMean } from './simulate.js';

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

describe('the swap-line target against flat depth', () => {
  let drawn: number;
  let band: number;
  let chinaAversion: number;
  let floor: number;

  beforeAll(async () => {
    const sweep = loadSweep(weighted(20));
    const result = await calibrate(sweep, 2, true);
    const best = result.points[result.best.point] as readonly (string | number)[];
    const set = sweep.parameters.map((p, i) => `${p.path}=${best[i]}`);
    const at = sweep.parameters.findIndex((p) => p.path === 'actors.CHN.exposureAversion');
    const aversion = sweep.parameters[at];
    if (!aversion) throw new Error("the calibration no longer varies China's exposure aversion");
    chinaAversion = best[at] as number;
    floor = (aversion.spec as { min: number }).min;
    const runs = runAll(loadScenario(DEFAULT_SCENARIO, { set }), { depthCR: depth('CHN', 'RUS') });
    drawn = acrossRuns(runs.series.swap_line_drawdown as Float64Array[], (row) => yearMean(row, 1));
    const depths = runs.series.depthCR as Float64Array[];
    const start = acrossRuns(depths, (row) => row[0]);
    band = Math.max(...Array.from({ length: depths[0]?.length ?? 0 }, (_, t) => Math.abs(acrossRuns(depths, (row) => row[t]) / start - 1)));
  }, 120_000);

  it('weighted 20 times, the fit draws within 25% of the observed CNY 59.7 bn in 2023', () => {
    expect(Math.abs(drawn / observedDraw() - 1)).toBeLessThan(0.25);
  });

  it("it gets there with China's exposure aversion within 0.05 of its range's floor", () => {
    expect(chinaAversion - floor).toBeLessThan(0.05);
  });

  it('and then CHN–RUS depth leaves the ±15% band around January 2022 (the two targets conflict)', () => {
    expect(band).toBeGreaterThan(0.15);
  });
});
