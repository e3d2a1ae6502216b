/**
 * Model v3, item 5: can each lever of the default scenario move CHN–RUS depth either way? Over
 * 400 worlds drawn from the model's allowed ranges (the calibration's ranges, every mechanism's
 * weight on by default from 0 to twice its default, Russia's counter-bid from 0 to 3, a third
 * party's resentment of secondary sanctions from 0 to 1, rivalry over a vacated orbit from 0 to 2,
 * blame of the partnership for coercion of both from 0 to 1, the Kazakh challenge's intensity and
 * China's stake in Kazakhstan from 0 to 1, and China's and Russia's other traits from 0 to 1), each
 * lever's effect on final depth is counted as closer (> 0.005), apart (< −0.005) or neither. Every
 * lever must take both signs somewhere: a lever that could not would need a channel the other
 * way, or docs/model.md's argument from the world why none exists.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runReplications } from '../../src/experiments/runner.js';
import { pairDepth } from '../../src/model/depth.js';
import { DEFAULT_MECHANISM_WEIGHTS } from '../../src/model/parameters.js';
import { makeRandom } from '../../src/model/rng.js';
import { createState } from '../../src/model/state.js';
import { type LoadedScenario, loadScenario } from '../../src/scenario/load.js';
import { DEFAULT_SCENARIO, ROOT } from '../helpers.js';

const WORLDS = 400;
const MIN_EFFECT = 0.005;
type Count = { closer: number; apart: number; neither: number };

/** Each parameter the worlds vary, with its range. */
function ranges(): [string, number, number][] {
  const calibration = readFileSync(join(ROOT, 'scenarios', 'calibration', 'china-russia.yaml'), 'utf8');
  const out = [...calibration.matchAll(/^ {2}([\w.]+): \{ ?min: ([\d.]+), max: ([\d.]+)/gm)].map((m): [string, number, number] => [
    m[1] as string,
    Number(m[2]),
    Number(m[3]),
  ]);
  // A mechanism off by default (autonomy, a rival structure: docs/model.md §10.2) stays off: 0 to twice 0.
  for (const [name, weight] of Object.entries(DEFAULT_MECHANISM_WEIGHTS))
    if (weight > 0) out.push([`model.mechanisms.${name}`, 0, 2 * weight]);
  // Russia's counter-bid, from none to one that outbids the reward lever's offer (docs/model.md §5.2).
  out.push(['model.counterBid', 0, 3]);
  // A third party's resentment of secondary sanctions, up to what a direct target feels (docs/model.md §5.2).
  out.push(['model.secondaryGrievance', 0, 1]);
  // Rivalry over the place a conditional reward leaves in the partner's orbit, up to twice a challenge's divergence per unit.
  out.push(['model.orbitRivalry', 0, 2]);
  // Blame of the partnership for coercion of both, up to a secondary sanction's pressure per unit (docs/model.md §5.2).
  out.push(['model.sanctionBlame', 0, 1]);
  // What the record does not pin about Central Asia: the challenge's bite and China's stake in Kazakh sovereignty, over their whole ranges.
  out.push(['shocks.kazakhChallenge.intensity', 0, 1]);
  out.push(['actors.CHN.stakes.KAZ', 0, 1]);
  for (const actor of ['CHN', 'RUS'])
    for (const trait of ['costAversion', 'exposureAversion', 'opportunism', 'commitmentNorm'])
      if (!out.some(([path]) => path === `actors.${actor}.${trait}`)) out.push([`actors.${actor}.${trait}`, 0, 1]);
  return out;
}

/** CHN–RUS depth at the last tick of one replication. */
function finalDepth(loaded: LoadedScenario): number {
  const cfg = loaded.config;
  const p = cfg.pairOf[cfg.actorIds.indexOf('CHN') * cfg.n + cfg.actorIds.indexOf('RUS')];
  let depth = Number.NaN;
  runReplications({ config: cfg, seed: loaded.seed, point: 0, replications: 1 }, createState(cfg), {
    end: (_run, s) => {
      depth = pairDepth(cfg, s.commitment, p);
    },
  });
  return depth;
}

const LEVERS = Object.keys(loadScenario(DEFAULT_SCENARIO).spec.levers ?? {});
const counts = new Map<string, Count>();

beforeAll(() => {
  const varied = ranges();
  const random = makeRandom(7);
  for (const lever of LEVERS) counts.set(lever, { closer: 0, apart: 0, neither: 0 });
  for (let w = 0; w < WORLDS; w++) {
    const set = varied.map(([path, lo, hi]) => `${path}=${lo + (hi - lo) * random()}`);
    const base = finalDepth(loadScenario(DEFAULT_SCENARIO, { set, replications: 1 }));
    for (const lever of LEVERS) {
      const effect = finalDepth(loadScenario(DEFAULT_SCENARIO, { set, replications: 1, lever })) - base;
      const count = counts.get(lever) as Count;
      count[effect > MIN_EFFECT ? 'closer' : effect < -MIN_EFFECT ? 'apart' : 'neither']++;
    }
  }
}, 120_000);

describe('each lever can move depth either way somewhere in the allowed ranges', () => {
  it('the scenario has the levers this test knows', () => {
    expect(LEVERS.length).toBe(6);
  });

  it.each(LEVERS)('%s: closer in some worlds, apart in others', (lever) => {
    const count = counts.get(lever) as Count;
    expect(count.closer, JSON.stringify(count)).toBeGreaterThan(0);
    expect(count.apart, JSON.stringify(count)).toBeGreaterThan(0);
  });
});
