/**
 * Facts checked over the posterior the verdicts average over, not only at the fitted point
 * (docs/model.md §11): each of the shipped posterior's particles runs once, and a fact holds
 * where it holds in at least 90% of the posterior's weight. Fact 1's flat depth (CHN–RUS depth
 * within 15% of January 2022 in every month), fact 2 (China no more committed than Russia in
 * finance, defence and military, every month) and fact 11 (neither side's cost-weighted
 * commitment rising more than 20%, January 2022 to December 2025). Russia's side of fact 11
 * fails across the posterior as at the fitted point, and so does flat depth: China's trade and
 * energy commitments fall as the payment channel narrows (docs/model.md §8). Both are expected
 * failures. Fact 2 holds in finance now that China's finance ties gain only the trade no
 * informal route clears.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPosterior } from '../../src/compare/posterior/read.js';
import { runReplications } from '../../src/experiments/runner.js';
import { pairDepth, tieCommitted } from '../../src/model/depth.js';
import { D, DOMAINS } from '../../src/model/domains.js';
import { createState } from '../../src/model/state.js';
import { loadScenario } from '../../src/scenario/load.js';
import { DEFAULT_SCENARIO, ROOT } from '../helpers.js';

const STRATEGIC = ['finance', 'defense', 'military'] as const;
const SHARE = 0.9;

interface World {
  readonly weight: number;
  /** China's and Russia's change of cost-weighted commitment to the other, end on start. */
  readonly rise: readonly [number, number];
  /** Depth's largest move either way on its January 2022 value. */
  readonly depthMove: number;
  /** Per strategic domain: China's commitment never above Russia's by 0.005 or more. */
  readonly reluctant: Readonly<Record<string, boolean>>;
}

let worlds: World[];
beforeAll(() => {
  const posterior = readPosterior(join(ROOT, 'scenarios', 'posteriors', 'china-russia-2022'));
  worlds = posterior.values.map((values, i) => {
    const set = posterior.paths.map((path, j) => `${path}=${values[j]}`);
    const loaded = loadScenario(DEFAULT_SCENARIO, { set, replications: 1 });
    const cfg = loaded.config;
    const [chn, rus] = [cfg.actorIds.indexOf('CHN'), cfg.actorIds.indexOf('RUS')];
    const [cr, rc] = [cfg.tieOf[chn * cfg.n + rus], cfg.tieOf[rus * cfg.n + chn]];
    const pair = cfg.tiePair[cr];
    let first: [number, number] = [Number.NaN, Number.NaN];
    let last: [number, number] = first;
    let depth0 = Number.NaN;
    let depthMove = 0;
    const reluctant: Record<string, boolean> = { finance: true, defense: true, military: true };
    // Each particle its own seed, as the pattern judge gives it (src/patterns/judge.ts): noise integrated over, not one draw shared.
    runReplications({ config: cfg, seed: loaded.seed, point: i, replications: 1 }, createState(cfg), {
      tick: (t, s) => {
        last = [tieCommitted(cfg, s.commitment, cr), tieCommitted(cfg, s.commitment, rc)];
        const depth = pairDepth(cfg, s.commitment, pair);
        if (t === 0) {
          first = last;
          depth0 = depth;
        }
        depthMove = Math.max(depthMove, Math.abs(depth / depth0 - 1));
        for (const name of STRATEGIC) {
          const d = DOMAINS.indexOf(name);
          if (s.commitment[cr * D + d] - s.commitment[rc * D + d] >= 0.005) reluctant[name] = false;
        }
      },
    });
    return { weight: posterior.weights[i], rise: [last[0] / first[0] - 1, last[1] / first[1] - 1], depthMove, reluctant };
  });
}, 120_000);

/** The posterior weight of the worlds where `holds`. */
const weightWhere = (holds: (w: World) => boolean) => worlds.reduce((sum, w) => sum + (holds(w) ? w.weight : 0), 0);

describe('facts over the shipped posterior', () => {
  it('every particle ran (the check cannot pass on an empty posterior)', () => {
    expect(worlds.length).toBeGreaterThanOrEqual(1000);
    expect(weightWhere(() => true)).toBeCloseTo(1, 9);
  });

  // One run per particle: the tolerance, 0.005, is a month of noise, as at the fitted point (means of 30 runs there).
  it.each(['defense', 'military'])('fact 2: China is no more committed than Russia in %s, every month', (domain) => {
    expect(weightWhere((w) => w.reluctant[domain] === true)).toBeGreaterThanOrEqual(SHARE);
  });

  it('fact 2: China is no more committed than Russia in finance, every month', () => {
    expect(weightWhere((w) => w.reluctant.finance === true)).toBeGreaterThanOrEqual(SHARE);
  });

  it.fails('KNOWN FAILURE (model v3): fact 1, CHN–RUS depth within 15% of January 2022 in every month', () => {
    expect(weightWhere((w) => w.depthMove <= 0.15)).toBeGreaterThanOrEqual(SHARE);
  });

  it("fact 11: China's cost-weighted commitment to Russia rises by no more than 20%", () => {
    expect(weightWhere((w) => w.rise[0] <= 0.2)).toBeGreaterThanOrEqual(SHARE);
  });

  it.fails("KNOWN FAILURE (model v3): fact 11, Russia's to China rises by no more than 20%", () => {
    expect(weightWhere((w) => w.rise[1] <= 0.2)).toBeGreaterThanOrEqual(SHARE);
  });
});
