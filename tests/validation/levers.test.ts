/**
 * docs/model.md §11, fact 9: every lever of the default scenario moves CHN–RUS depth (none is zero by
 * construction), and it does so through the mechanism the README's lever paragraph names:
 * switching that mechanism off (its weight to 0, in baseline and lever alike) removes at least
 * half of the lever's effect on depth, or reverses it. The effect is on mean depth over the run
 * (January 2022 to December 2025), the whole path: a lever that only brings a move forward
 * (early bank sanctions cut China's finance ties a year before EO 14114 does) leaves no trace
 * in final depth, and a channel is about how the lever acts, not where the run happens to end. A knock-out rather than a sum of
 * recorded terms: where a commitment is held at a bound (China's military aid stays at 0) the
 * terms pressing on it move nothing, so summed terms can point the wrong way; a knock-out asks
 * the model itself. Paired runs (same seeds), 5 replications. "Not zero by construction" means
 * above 1e-6: a lever with no path to the pair moves it by exactly 0 (or rounding, ~1e-16);
 * how large an effect is, and whether it matters, is what `entente compare` reports.
 */
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load.js';
import { DEFAULT_SCENARIO } from '../helpers.js';
import { acrossRuns, depth, mean, runAll } from './simulate.js';

/** What the README's lever paragraph says carries each lever. */
const CARRIED_BY: Readonly<Record<string, string>> = {
  coerciveWedge: 'strategicValue',
  targetedCoercion: 'sanctionExposure',
  rewardWedge: 'rewardCondition',
  earlyBankSanctions: 'sanctionExposure',
  energyDiversification: 'partnerRisk',
  kazakhSovereigntySupport: 'divergence',
};

const meanDepth = (lever: string | undefined, set: string[] = []) =>
  acrossRuns(
    runAll(loadScenario(DEFAULT_SCENARIO, { lever, set, replications: 5 }), { d: depth('CHN', 'RUS') }).series.d as Float64Array[],
    mean,
  );

describe('every lever moves CHN–RUS depth, through the mechanism the README names', () => {
  it.each(Object.entries(CARRIED_BY))('%s, through %s', (lever, mechanism) => {
    const effect = meanDepth(lever) - meanDepth(undefined);
    expect(Math.abs(effect), 'a measured effect, not zero by construction').toBeGreaterThan(1e-6);
    const off = [`model.mechanisms.${mechanism}=0`];
    const without = meanDepth(lever, off) - meanDepth(undefined, off);
    expect(without / effect, `effect ${effect}, without ${mechanism} ${without}`).toBeLessThan(0.5);
  });
});
