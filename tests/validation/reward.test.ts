/**
 * docs/model.md §11, fact 9, second half: a conditional reward is a choice against the
 * partnership's value (Crawford 2011). The target takes the reward only while it is
 * worth more than what complying would cost it (model/shocks.ts, complianceCost),
 * so over a range of reward sizes the effect on CHN–RUS depth is flat below a size
 * the model derives from China's own valuations, and steep above it. The threshold
 * is read from the model, from the state on the baseline path when the offer is made.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { deriveSeed, makeRandom } from '../../src/model/rng.js';
import { complianceCost, counterBidWorth } from '../../src/model/shocks.js';
import { simulateTicks } from '../../src/model/simulate.js';
import { createState } from '../../src/model/state.js';
import { loadScenario } from '../../src/scenario/load.js';
import { DEFAULT_SCENARIO, loadText } from '../helpers.js';
import { acrossRuns, depth, mean, runAll } from './simulate.js';

const REPLICATIONS = 10;
const TEXT = readFileSync(DEFAULT_SCENARIO, 'utf8');
const OFFER = '        size: 0.3\n        condition: { partner: RUS, domains: [finance, defense, military], max: 0.05 }';

/** The default scenario's conditional reward to China, at another size; with Russia's counter-bid β when given. */
function withReward(size: number, counterBid?: number) {
  if (!TEXT.includes(OFFER)) throw new Error('the default scenario no longer holds the reward lever this test resizes');
  return loadText(
    TEXT.replace(OFFER, OFFER.replace('size: 0.3', `size: ${size}`)),
    { lever: 'rewardWedge', replications: REPLICATIONS, ...(counterBid !== undefined ? { set: [`model.counterBid=${counterBid}`] } : {}) },
    DEFAULT_SCENARIO,
  );
}

const finalDepth = (loaded: ReturnType<typeof loadScenario>) =>
  acrossRuns(runAll(loaded, { d: depth('CHN', 'RUS') }).series.d as Float64Array[], (row) => row[row.length - 1]);

describe('a conditional reward has a threshold set by the target’s valuation of the partnership', () => {
  let threshold: number;
  let baseline: number;
  const effect = (factor: number) => finalDepth(withReward(factor * threshold)) - baseline;

  beforeAll(() => {
    const lever = withReward(0.3).config;
    const offer = lever.shocks.find((sh) => sh.kind === 'inducement' && sh.conditionPartner >= 0);
    if (!offer) throw new Error('no conditional inducement');
    // What complying costs China when the offer is made, on each baseline replication's path; in units of size.
    const base = loadScenario(DEFAULT_SCENARIO, { replications: REPLICATIONS });
    const costs = Array.from({ length: REPLICATIONS }, (_, r) => {
      const s = createState(base.config);
      for (const t of simulateTicks(base.config, s, makeRandom(deriveSeed(base.seed, 0, r)))) if (t === offer.at - 1) break;
      return complianceCost(base.config, s, offer);
    });
    threshold = mean(costs) / lever.params.inducementPrice;
    baseline = finalDepth(base);
  });

  it('the threshold comes from the model and lies inside the range of offers tried', () => {
    expect(threshold).toBeGreaterThan(0.01);
    expect(threshold).toBeLessThan(0.3); // the lever's own size is above it
  });

  it('below the threshold the reward changes depth by less than 0.005', () => {
    for (const factor of [0.25, 0.5, 0.75]) expect(Math.abs(effect(factor)), `${factor} × threshold`).toBeLessThan(0.005);
  });

  // Model v3: once taken, the reward presses in proportion to its size (rewardCondition), so above the
  // threshold (0.025 of size) the effect grows with the offer, −0.0041 at 1.25 times the threshold,
  // −0.0057 at 1.75 times, −0.040 at the lever's 0.3, instead of jumping: crossing the threshold still
  // does more than twice what the next step does, but falls just short of the minimum effect
  // (docs/model.md §11, fact 9).
  it.fails('KNOWN FAILURE (model v3): above it the effect is steep: crossing the threshold does more than twice what the same step beyond it does', () => {
    const below = effect(0.75);
    const above = effect(1.25);
    const further = effect(1.75);
    expect(above).toBeLessThan(-0.005);
    expect(below - above).toBeGreaterThan(2 * (above - further));
  });

  // Item 4 of model v3: the partner bids back. With β > 0 Russia promises China a discount of
  // β · need · (the offer's size), paid if China turns the offer down, and China weighs what it
  // would forgo: the threshold moves from L / p_I to L / (p_I − b), b the bid's worth to China
  // per unit of offer, read from the model (below the cap of 1, so evaluated at a small offer).
  describe("with Russia's counter-bid", () => {
    const BETA = 1;
    let raised: number;
    beforeAll(() => {
      const lever = withReward(0.3, BETA).config;
      const offer = lever.shocks.find((sh) => sh.kind === 'inducement' && sh.conditionPartner >= 0);
      if (!offer) throw new Error('no conditional inducement');
      const base = loadScenario(DEFAULT_SCENARIO, { replications: REPLICATIONS, set: [`model.counterBid=${BETA}`] });
      const at = Array.from({ length: REPLICATIONS }, (_, r) => {
        const s = createState(base.config);
        for (const t of simulateTicks(base.config, s, makeRandom(deriveSeed(base.seed, 0, r)))) if (t === offer.at - 1) break;
        return { cost: complianceCost(base.config, s, offer), bid: counterBidWorth(base.config, s, offer, 0.01) / 0.01 }; // per unit of offer, below the cap of 1
      });
      // A bid worth as much as the reward per unit is never outbid: the threshold is then infinite.
      const margin = lever.params.inducementPrice - mean(at.map((x) => x.bid));
      raised = margin > 0 ? mean(at.map((x) => x.cost)) / margin : Number.POSITIVE_INFINITY;
    });

    it('the threshold rises: the bid is worth something to China, and less than the reward per unit', () => {
      expect(raised).toBeGreaterThan(1.2 * threshold);
      expect(raised).toBeLessThan(0.3);
    });

    it('an offer above the bare threshold and below the raised one is turned down: the bid keeps China', () => {
      const size = (threshold + raised) / 2;
      expect(finalDepth(withReward(size)) - baseline, 'without a counter-bid').toBeLessThan(-0.005);
      const bidBaseline = finalDepth(loadScenario(DEFAULT_SCENARIO, { replications: REPLICATIONS, set: [`model.counterBid=${BETA}`] }));
      expect(Math.abs(finalDepth(withReward(size, BETA)) - bidBaseline), 'with it').toBeLessThan(0.005);
    });

    it('above the raised threshold the wedge works again: it depends on both offers', () => {
      const bidBaseline = finalDepth(loadScenario(DEFAULT_SCENARIO, { replications: REPLICATIONS, set: [`model.counterBid=${BETA}`] }));
      expect(finalDepth(withReward(1.5 * raised, BETA)) - bidBaseline).toBeLessThan(-0.005);
    });
  });
});
