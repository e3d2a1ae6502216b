/**
 * docs/model.md §11, fact 10: out of sample. scenarios/calibration/china-russia-to-2023.yaml fits the
 * model to the observations dated up to December 2023 only (EO 14114's enforcement held at its
 * prior); this test runs that calibration from scratch, applies its best point to the default
 * scenario and checks the 2024 figures it never saw. Tolerances, stated before the check was
 * first run (docs/model.md §11), the same as in sample:
 *   - trade growth in 2024 within 10 points of the observed +1.9%;
 *   - trade growth in 2024 below half of 2023's (the stall after EO 14114);
 *   - China's finance ties to Russia at least 20% lower three months after EO 14114 than the
 *     month before it (Chinese banks stopped payments from January 2024).
 * There is no 2024 discount figure in the observed data, so the discount is not checked.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { calibrate } from '../../src/calibration/calibrate.js';
import { loadSweep } from '../../src/experiments/loadSweep.js';
import { loadScenario } from '../../src/scenario/load.js';
import { DEFAULT_SCENARIO, ROOT } from '../helpers.js';
import { acrossRuns, commitment, runAll, yearMean } from './simulate.js';

const FILE = join(ROOT, 'scenarios', 'calibration', 'china-russia-to-2023.yaml');

function observed(indicator: string, period: string): number {
  const row = readFileSync(join(ROOT, 'data', 'china-russia-observed.csv'), 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${indicator},${period},`));
  if (!row) throw new Error(`no observed ${indicator} ${period}`);
  return Number(row.split(',')[2]);
}

/** Mean 2024 trade growth over the runs (annual means, year on year). */
function growth2024(runs: ReturnType<typeof runAll>): number {
  return acrossRuns(runs.series.bilateral_trade as Float64Array[], (row) => yearMean(row, 2) / yearMean(row, 1) - 1);
}

describe('out of sample: calibrated on data to December 2023, checked on 2024', () => {
  let runs: ReturnType<typeof runAll>;
  let eo14114: number;
  let fitted: string[];

  beforeAll(async () => {
    const sweep = loadSweep(FILE);
    // No target may look past the cut-off.
    for (const t of sweep.sweep.calibration?.targets ?? []) expect(t.period <= '2023-12', `${t.indicator} ${t.period}`).toBe(true);
    const result = await calibrate(sweep, 2);
    const best = result.points[result.best.point] as readonly (string | number)[];
    const set = sweep.parameters.map((p, i) => `${p.path}=${best[i]}`);
    fitted = set;
    const loaded = loadScenario(DEFAULT_SCENARIO, { set });
    eo14114 = loaded.config.shocks.find((s) => s.id === 'eo14114')?.at as number;
    runs = runAll(loaded, { financeCR: commitment('CHN', 'RUS', 'finance') });
  }, 120_000);

  const growth = (y: number) =>
    acrossRuns(runs.series.bilateral_trade as Float64Array[], (row, r) => {
      const before = y === 0 ? (runs.initial.bilateral_trade?.[r] as number) : yearMean(row, y - 1);
      return yearMean(row, y) / before - 1;
    });

  // Failed by model v2 (−11% predicted against +2%), met by model v3 (−5%), whose market was built after
  // this check was known: it is no longer blind (docs/model.md §8), and `entente validate` is where
  // blind figures are scored.
  it('trade growth in 2024 is within 10 points of the observed (no longer blind: see above)', () => {
    const observed2024 = observed('bilateral_trade', '2024') / observed('bilateral_trade', '2023') - 1;
    expect(Math.abs(growth(2) - observed2024)).toBeLessThan(0.1);
  });

  it('trade growth in 2024 is below half that of 2023', () => {
    expect(growth(2)).toBeLessThan(growth(1) / 2);
  });

  it("China's finance ties fall at least 20% within three months of EO 14114", () => {
    const before = acrossRuns(runs.series.financeCR as Float64Array[], (row) => row[eo14114 - 1]);
    const after = acrossRuns(runs.series.financeCR as Float64Array[], (row) => row[eo14114 + 3]);
    expect(after).toBeLessThan(0.8 * before);
  });

  // What the forecast hangs on (docs/model.md §8): EO 14114's enforcement, which nothing before the
  // cut-off identifies. With none, the same fit predicts +5.1%; from 0.2 up China's finance ties are
  // gone and every enforcement predicts the same −5.4%. Both are within 10 points of the observed +2.0%:
  // the payment channel that model v3 fits (informal routes clear most of what dollars no longer do)
  // leaves little for bank-level secondary sanctions to cut.
  it('the forecast is within 10 points at every enforcement from 0 to 1, and the same from 0.3 up', () => {
    const at = (enforcement: number) =>
      growth2024(runAll(loadScenario(DEFAULT_SCENARIO, { set: [...fitted, `shocks.eo14114.enforcement=${enforcement}`] }), {}));
    const observed2024 = observed('bilateral_trade', '2024') / observed('bilateral_trade', '2023') - 1;
    const [none, moderate, full] = [at(0), at(0.3), at(1)];
    for (const g of [none, moderate, full]) expect(Math.abs(g - observed2024)).toBeLessThan(0.1);
    expect(Math.abs(full - moderate)).toBeLessThan(0.01);
  });
});
