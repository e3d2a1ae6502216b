/**
 * Exchange and bargaining (model/market.ts, model/social.ts): exchange pays for
 * itself and moves no commitment; sanctions close it at once; open partners take
 * up what was closed over months; the seller's unsold glut, and so the discount
 * it concedes, spikes and then narrows as buyers compete; an outside option (a
 * second buyer) narrows it further, by the buyers' Herfindahl index; exchange has a
 * direction, so a buyer's lost purchases are no glut of its own, and a sender of sanctions
 * bids for none of what it bars. Hand-made scenario: seller S, sanctioning W, buyers B1 and B2.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { D, domainIndex } from '../../src/model/domains.js';
import { makeRandom } from '../../src/model/rng.js';
import { simulate } from '../../src/model/simulate.js';
import { createState } from '../../src/model/state.js';
import { loadText } from '../helpers.js';

const ENERGY = domainIndex('energy');

/** `energy`: S's and W's net trade positions in energy (balanced, 0, when not given). */
function market(withSecondBuyer: boolean, extraShocks = '', energy: { S: number; W: number } = { S: 0, W: 0 }) {
  const b2 = withSecondBuyer
    ? `
  - { from: S, to: B2, commitment: { trade: 0.05, energy: 0.05 } }
  - { from: B2, to: S, commitment: { trade: 0.05, energy: 0.05 } }`
    : '';
  return loadText(`
name: market
ticks: 36
model: { noise: 0, exchangeRate: 0.2, redirection: 0.8, glutDiscount: 2, concessionRate: 1 }
actors:
  S: { economy: 2, costAversion: 0.4, exposureAversion: 0.3, opportunism: 0.3, commitmentNorm: 0.2, netExports: { energy: ${energy.S} } }
  W: { economy: 17, costAversion: 0.5, exposureAversion: 0.5, opportunism: 0.2, commitmentNorm: 0.7, netExports: { energy: ${energy.W} } }
  B1: { economy: 18, costAversion: 0.8, exposureAversion: 0.5, opportunism: 0.3, commitmentNorm: 0.2 }
  B2: { economy: 3, costAversion: 0.6, exposureAversion: 0.5, opportunism: 0.5, commitmentNorm: 0.2, exposure: { W: 0.7 } }
ties:
  - { from: S, to: W, commitment: { trade: 0.4, energy: 0.7 } }
  - { from: W, to: S, commitment: { trade: 0.4, energy: 0.6 } }
  - { from: S, to: B1, commitment: { trade: 0.3, energy: 0.35, defense: 0.3 } }
  - { from: B1, to: S, commitment: { trade: 0.3, energy: 0.35, defense: 0.3 } }${b2}
shocks:
  - { id: embargo, kind: sanctions, sender: W, target: S, domains: [energy], on: exchange, at: 6, severity: 0.9 }${extraShocks}
`);
}

function run(loaded: ReturnType<typeof market>) {
  const cfg = loaded.config;
  const s = createState(cfg);
  const S = cfg.actorIds.indexOf('S');
  const pairOf = (a: string, b: string) => cfg.pairOf[cfg.actorIds.indexOf(a) * cfg.n + cfg.actorIds.indexOf(b)];
  const tie = (a: string, b: string) => cfg.tieOf[cfg.actorIds.indexOf(a) * cfg.n + cfg.actorIds.indexOf(b)];
  const glut: number[] = [];
  const discount: number[] = [];
  const westEnergy: number[] = [];
  const buyerEnergy: number[] = [];
  const commitment: number[] = [];
  simulate(cfg, s, makeRandom(1), {
    tick: (_t, st) => {
      glut.push(st.glut[S]);
      discount.push(st.concession[tie('S', 'B1')]);
      westEnergy.push(st.exchange[pairOf('S', 'W') * D + ENERGY]);
      buyerEnergy.push(st.exchange[pairOf('S', 'B1') * D + ENERGY]);
      commitment.push(st.commitment[tie('B1', 'S') * D + ENERGY]);
    },
  });
  return { glut, discount, westEnergy, buyerEnergy, commitment };
}

describe('exchange and bargaining', () => {
  let one: ReturnType<typeof run>;
  let two: ReturnType<typeof run>;
  beforeAll(() => {
    one = run(market(false));
    two = run(market(true));
  });

  it('an embargo on exchange closes it at once', () => {
    expect(one.westEnergy[6]).toBeLessThan(0.6 * one.westEnergy[5]); // e^−0.9 = 0.41 of its target, in one tick
  });

  it("the buyer's exchange grows by half while its commitment does not rise: exchange is not commitment", () => {
    expect(one.buyerEnergy[35]).toBeGreaterThan(1.5 * one.buyerEnergy[5]);
    for (const c of one.commitment) expect(c).toBeLessThanOrEqual(0.35 + 1e-12);
  });

  it("the buyer takes up the seller's closed exchange over months, not at once", () => {
    const before = one.buyerEnergy[5];
    expect(one.buyerEnergy[6]).toBeLessThan(before + 0.5 * (one.buyerEnergy[35] - before));
    expect(one.buyerEnergy[35]).toBeGreaterThan(before + 0.1);
  });

  it('the glut and the discount spike at the embargo and narrow as buyers take it up', () => {
    expect(one.glut[5]).toBe(0);
    expect(one.glut[6]).toBeGreaterThan(0.1);
    expect(one.glut[20]).toBeLessThan(0.6 * one.glut[6]);
    expect(one.discount[6]).toBeGreaterThan(one.discount[20]);
    expect(one.discount[20]).toBeGreaterThan(0); // ψ < 1: some of it is never taken
  });

  it('a second buyer is an outside option: the seller concedes less to the first', () => {
    for (const t of [6, 12, 35]) expect(two.discount[t]).toBeLessThan(one.discount[t]);
  });

  it("secondary sanctions on the buyers' purchases take the second buyer's exposure out of the market and widen the discount", () => {
    const squeezed = run(
      market(
        true,
        '\n  - { id: squeeze, kind: secondarySanctions, sender: W, target: S, domains: [energy], on: exchange, at: 24, severity: 0.8 }',
      ),
    );
    expect(squeezed.discount[26]).toBeGreaterThan(two.discount[26]);
    expect(squeezed.discount[23]).toBe(two.discount[23]);
  });

  it('the markdown is the glut weighted by the buyers’ Herfindahl index, the sender bidding for none', () => {
    // Energy alone is closed, so m_S = glut_S · H with H = Σv² / (Σv)² over S's buyers' appetites
    // v_j = E_j · opportunism_j · open · σ: W, which embargoes S, bids nothing.
    const loaded = market(true);
    const cfg = loaded.config;
    const s = createState(cfg);
    const id = (a: string) => cfg.actorIds.indexOf(a);
    const S = id('S');
    const checked: number[] = [];
    simulate(cfg, s, makeRandom(1), {
      tick: (t, st) => {
        if (t < 6) return;
        let all = 0;
        let squares = 0;
        for (const buyer of ['B1', 'B2']) {
          const p = cfg.pairOf[S * cfg.n + id(buyer)];
          const x = p * D + ENERGY;
          const sold = cfg.pairA[p] === S ? cfg.sells[x] : 1 - cfg.sells[x];
          const v = cfg.economy[id(buyer)] * cfg.opportunism[id(buyer)] * st.market.open[x] * sold;
          all += v;
          squares += v * v;
        }
        expect(st.market.appetite[S * D + ENERGY]).toBeCloseTo(all, 12);
        expect(st.markdown[S]).toBeCloseTo((st.glut[S] * squares) / (all * all), 12);
        checked.push(t);
      },
    });
    expect(checked.length).toBe(30);
  });

  it("a seller's glut is not its buyer's: with S only selling energy and W only buying it, W's lost purchases are no glut", () => {
    const balanced = market(false);
    const directed = market(false, '', { S: 1, W: -1 }); // σ = x_S m_W / (x_S m_W + x_W m_S) = 1: S sells W all of it
    const gluts = (loaded: ReturnType<typeof market>) => {
      const cfg = loaded.config;
      const s = createState(cfg);
      simulate(cfg, s, makeRandom(1));
      return { seller: s.glut[cfg.actorIds.indexOf('S')] as number, west: s.glut[cfg.actorIds.indexOf('W')] as number };
    };
    const b = gluts(balanced);
    const d = gluts(directed);
    expect(b.west).toBeGreaterThan(0); // balanced: W sold S half of that energy, and lost those sales too
    expect(d.west).toBe(0);
    expect(d.seller).toBeGreaterThan(b.seller); // S lost all of the pair's energy as sales, not half
  });

  it('a buyer looks for other sellers: with S only buying energy from W, W’s embargo raises S’s energy exchange with B1, and S has no glut', () => {
    // σ: W sells S all of their energy, and B1 (balanced) all of theirs, since S only buys. S sells no energy, so
    // whatever is redirected to S–B1 is what S could no longer buy from W: without redirection (ψ = 0) the
    // pair's exchange grows only by S's need for substitutes.
    const run = (redirection: number) => {
      const loaded = market(false, '', { S: -1, W: 1 });
      const cfg = { ...loaded.config, params: { ...loaded.config.params, redirection } };
      const s = createState(cfg);
      const S = cfg.actorIds.indexOf('S');
      const pair = cfg.pairOf[S * cfg.n + cfg.actorIds.indexOf('B1')] as number;
      const energy: number[] = [];
      const gluts: number[] = [];
      simulate(cfg, s, makeRandom(1), {
        tick: (_t, st) => {
          energy.push(st.exchange[pair * D + ENERGY] as number);
          gluts.push(st.glut[S] as number);
        },
      });
      return { energy, gluts };
    };
    const redirected = run(0.8);
    const needOnly = run(0);
    expect(redirected.energy[35]).toBeGreaterThan((needOnly.energy[35] as number) + 0.1);
    expect(Math.max(...redirected.gluts)).toBe(0); // a buyer's lost purchases are demand it places, not supply it must sell
  });
});
