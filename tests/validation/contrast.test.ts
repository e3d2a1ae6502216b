/**
 * docs/model.md §11, fact 8: a NATO-like pair deepens under the same kind of shock
 * (one partner at war) that leaves China–Russia shallow; the deepening comes
 * from the threat the partners share (fear of abandonment), and the difference
 * from China–Russia from the actors' traits, not from their names or from any
 * code that knows the scenario.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load.js';
import { DEFAULT_SCENARIO, loadText, ROOT } from '../helpers.js';
import { acrossRuns, depth, runAll } from './simulate.js';

const NATO = join(ROOT, 'scenarios', 'nato-contrast.yaml');
const TRAITS = ['costAversion', 'exposureAversion', 'opportunism', 'commitmentNorm'] as const;

/** Mean over replications of the pair's final depth minus its initial depth. */
function deepening(loaded: ReturnType<typeof loadScenario>, a: string, b: string): number {
  const runs = runAll(loaded, { depth: depth(a, b) });
  return acrossRuns(runs.series.depth as Float64Array[], (row, r) => row[row.length - 1] - (runs.initial.depth?.[r] as number));
}

describe('the NATO-like contrast', () => {
  // In beforeAll, not the describe body: the runs count against the test timeout and are skipped when filtered out.
  let nato: ReturnType<typeof loadScenario>;
  let chinaRussia: ReturnType<typeof loadScenario>;
  let natoDeepening: number;
  beforeAll(() => {
    nato = loadScenario(NATO);
    chinaRussia = loadScenario(DEFAULT_SCENARIO);
    natoDeepening = deepening(nato, 'USA', 'POL');
  });

  it('runs on the model parameters fitted for China–Russia, so only traits and ties differ', () => {
    expect(nato.spec.model).toEqual(chinaRussia.spec.model);
  });

  // 0.03 of depth: several times what a month of the model's noise moves it.
  it('the NATO-like pair deepens its commitment under a war on one partner', () => {
    expect(natoDeepening).toBeGreaterThan(0.03);
  });

  // Fear of abandonment (Snyder 1984), not the market: remove the threat both partners share and most of it goes.
  it('without its shared threat, the NATO-like pair loses at least half of its deepening', () => {
    const set = ['actors.USA.grievance.RUS=0', 'actors.POL.grievance.RUS=0'];
    expect(deepening(loadScenario(NATO, { set }), 'USA', 'POL')).toBeLessThan(natoDeepening / 2);
  });

  it('China–Russia, under the same kind of war shock and more, deepens less than half as much', () => {
    expect(deepening(chinaRussia, 'CHN', 'RUS')).toBeLessThan(natoDeepening / 2);
  });

  it("given China's and Russia's traits, the NATO-like pair deepens less than half as much", () => {
    const actors = chinaRussia.spec.actors;
    const set = TRAITS.flatMap((trait) => [`actors.USA.${trait}=${actors.CHN?.[trait]}`, `actors.POL.${trait}=${actors.RUS?.[trait]}`]);
    expect(deepening(loadScenario(NATO, { set }), 'USA', 'POL')).toBeLessThan(natoDeepening / 2);
  });

  it('names change nothing: the NATO-like file with its actors renamed CHN and RUS gives the same numbers', () => {
    const text = readFileSync(NATO, 'utf8');
    const renamed = text
      .replace(/\bRUS\b/g, 'THREAT')
      .replace(/\bUSA\b/g, 'CHN')
      .replace(/\bPOL\b/g, 'RUS');
    const original = runAll(nato, { depth: depth('USA', 'POL') }, 5);
    const disguised = runAll(loadText(renamed, {}, 'renamed.yaml'), { depth: depth('CHN', 'RUS') }, 5);
    expect(disguised.series.depth).toEqual(original.series.depth);
  });
});
