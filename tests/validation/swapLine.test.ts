/**
 * The swap facility (model v3, docs/model.md §8 and §9): the PBoC–CBR line is a standing
 * facility whose capacity is China's finance commitment (CNY 150 bn at the start's commitment)
 * and whose drawdown is Russia's demand for yuan liquidity, need × lost dollar access of the
 * facility as agreed, capped by the capacity. Both mappings are the scenario's observables,
 * stated before any run; no calibration target reads them (a test below checks that). The checks
 * and their tolerances were fixed before the run, by the model-v3 issue:
 * - capacity does not rise: at most 10% above CNY 150 bn in any month of any run;
 * - the 2023 draw within ×/÷ 1.5 of CNY 59.7 bn (AidData);
 * - the yuan share of Russia's import settlement (Bank of Russia) within 10 points of 23% in
 *   December 2022 (January's 4% is not a check: before the sanctions the reading is 0 by
 *   construction, so it could not miss).
 * That the draw never exceeds the capacity is the reading's own min(), not a check either.
 * A check the model misses stays here as an expected failure, with the reason docs/model.md gives.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load.js';
import { DEFAULT_SCENARIO, ROOT } from '../helpers.js';
import { acrossRuns, runAll, yearMean } from './simulate.js';

const OBSERVED = join(ROOT, 'data', 'china-russia-observed.csv');
const DECEMBER_2022 = 11; // ticks count months from January 2022

function observed(indicator: string, period: string): number {
  const row = readFileSync(OBSERVED, 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${indicator},${period},`));
  if (!row) throw new Error(`no observed ${indicator} ${period}`);
  return Number(row.split(',')[2]);
}

describe('the swap facility and the yuan, held out', () => {
  let s: Record<string, Float64Array[]>;
  beforeAll(() => {
    s = runAll(loadScenario(DEFAULT_SCENARIO), {}).series as Record<string, Float64Array[]>;
  });

  it('no calibration file targets the swap line, the yuan share or the energy shares', () => {
    const dir = join(ROOT, 'scenarios', 'calibration');
    const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const file of files) {
      expect(readFileSync(join(dir, file), 'utf8'), file).not.toMatch(/indicator: (swap_line|yuan_share|\w+_share_of_russian_crude)/);
    }
  });

  it('capacity never rises more than 10% above CNY 150 bn', () => {
    const capacity = observed('swap_line_capacity', '2014-10');
    const peak = Math.max(...(s.swap_line_capacity as Float64Array[]).map((row) => Math.max(...row)));
    expect(peak).toBeLessThanOrEqual(1.1 * capacity);
  });

  // China's finance commitment falls through 2022 (partner risk on a stressed Russia outweighs the
  // little trade its banks alone clear, informal routes clearing most of it), so the capacity
  // China keeps, and with it the draw, is far below the record's (docs/model.md §8).
  it.fails('KNOWN FAILURE: the 2023 draw is within ×/÷ 1.5 of the observed CNY 59.7 bn', () => {
    const drawn = acrossRuns(s.swap_line_drawdown as Float64Array[], (row) => yearMean(row, 1));
    const ratio = drawn / observed('swap_line_drawdown', '2023');
    expect(ratio).toBeGreaterThanOrEqual(1 / 1.5);
    expect(ratio).toBeLessThanOrEqual(1.5);
  });

  // The mapping reads all of Russia's non-dollar trade with China as yuan and none of its trade
  // with others; the record's 23% has part of the China trade in rubles (docs/model.md §8).
  it.fails('KNOWN FAILURE: the yuan share in December 2022 is within 10 points of 23%', () => {
    const december = acrossRuns(s.yuan_share_russia_import_settlement as Float64Array[], (row) => row[DECEMBER_2022] as number);
    expect(Math.abs(december - observed('yuan_share_russia_import_settlement', '2022-12'))).toBeLessThanOrEqual(10);
  });
});
