/**
 * DESIGN §6 fact 9: every lever of the default scenario moves CHN–RUS depth (none is zero by
 * construction), and its sign is explained by the mechanisms' terms (what contributions.csv
 * records): the lever's change in each mechanism's term on China's ties to Russia — the side
 * that sets depth — summed over months and domains, each weighted as depth weights it (domain
 * cost) and as the decision step moves it (the step gain). The README's lever paragraph names,
 * for each lever, the mechanism that carries it; the test checks that it is the largest term
 * in the direction of the effect.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { curvatureOf } from '../../src/model/curvature.js';
import { D } from '../../src/model/domains.js';
import { deriveSeed, makeRandom } from '../../src/model/rng.js';
import { bind, simulate } from '../../src/model/simulate.js';
import { createState, pairDepth } from '../../src/model/state.js';
import { loadScenario } from '../../src/scenario/load.js';
import { DEFAULT_SCENARIO } from '../helpers.js';

const REPLICATIONS = 5;

/** What the README's lever paragraph says carries each lever. */
const CARRIED_BY: Readonly<Record<string, string>> = {
  coerciveWedge: 'strategicValue',
  rewardWedge: 'rewardCondition',
  earlyBankSanctions: 'sanctionExposure',
  energyDiversification: 'economicGain',
  kazakhSovereigntySupport: 'divergence',
};

interface Explained {
  readonly depth: number;
  /** Per mechanism: Σ_t Σ_d w_d g_kd term(t) on CHN→RUS, summed over replications. */
  readonly terms: Map<string, number>;
}

function explain(lever: string | undefined): Explained {
  const loaded = loadScenario(DEFAULT_SCENARIO, { lever, replications: REPLICATIONS });
  const cfg = loaded.config;
  const k = cfg.tieOf[cfg.actorIds.indexOf('CHN') * cfg.n + cfg.actorIds.indexOf('RUS')] as number;
  const p = cfg.tiePair[k] as number;
  const gain = curvatureOf(cfg, bind(cfg)).stepGain;
  const terms = new Map<string, number>(cfg.mechanisms.map((m) => [m.name, 0]));
  let depth = 0;
  const s = createState(cfg, { contributions: true });
  for (let r = 0; r < REPLICATIONS; r++) {
    simulate(cfg, s, makeRandom(deriveSeed(loaded.seed, 0, r)), {
      tick: (_t, st) => {
        cfg.mechanisms.forEach((m, i) => {
          let sum = 0;
          for (let d = 0; d < D; d++) {
            const x = k * D + d;
            sum +=
              (cfg.domains.cost[d] as number) * (gain[x] as number) * ((st.contributions as Float64Array)[i * cfg.K * D + x] as number);
          }
          terms.set(m.name, (terms.get(m.name) as number) + sum);
        });
      },
    });
    depth += pairDepth(cfg, s.commitment, p) / REPLICATIONS;
  }
  return { depth, terms };
}

describe('every lever moves CHN–RUS depth, through the mechanism the README names', () => {
  let baseline: Explained;
  beforeAll(() => {
    baseline = explain(undefined);
  });

  it.each(Object.keys(CARRIED_BY))('%s', (lever) => {
    const run = explain(lever);
    const effect = run.depth - baseline.depth;
    expect(Math.abs(effect), 'a measured effect, not zero by construction').toBeGreaterThan(1e-4);
    const change = [...run.terms].map(([name, v]) => [name, v - (baseline.terms.get(name) as number)] as const);
    const total = change.reduce((a, [, v]) => a + v, 0);
    expect(Math.sign(total), 'the terms move China’s commitments the way depth moved').toBe(Math.sign(effect));
    const strongest = [...change].sort((a, b) => Math.sign(effect) * (b[1] - a[1]))[0]?.[0];
    expect(strongest, JSON.stringify(Object.fromEntries(change.map(([n, v]) => [n, Number(v.toFixed(5))])))).toBe(CARRIED_BY[lever]);
  });
});
