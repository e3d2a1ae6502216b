/**
 * The pattern judge on cases with a known answer: each pattern's test on hand-made runs, and the
 * share of a posterior's weight on a two-particle posterior where one particle is built to fail.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readObserved } from '../../src/calibration/targets.js';
import type { Posterior } from '../../src/compare/posterior/read.js';
import { judge, monthsFrom } from '../../src/patterns/judge.js';
import { observedFrom } from '../../src/patterns/observed.js';
import { PATTERNS, type PatternContext } from '../../src/patterns/patterns.js';
import type { World } from '../../src/patterns/world.js';
import { loadScenario } from '../../src/scenario/load.js';
import { DEFAULT_SCENARIO, ROOT } from '../helpers.js';

const OBSERVED_FILE = join(ROOT, 'data', 'china-russia-observed.csv');
const observed = observedFrom(readObserved(OBSERVED_FILE), OBSERVED_FILE);
const pattern = (id: string) => {
  const found = PATTERNS.find((p) => p.id === id);
  if (!found) throw new Error(id);
  return found;
};

/** A 48-month world where every series is `value` unless given. */
function world(series: Record<string, (t: number) => number>, initial: Record<string, number> = {}): World {
  const rows: Record<string, Float64Array> = {};
  for (const [name, f] of Object.entries(series)) rows[name] = Float64Array.from({ length: 48 }, (_, t) => f(t));
  return { ticks: 48, series: rows, initial };
}
const context = (w: World, withoutIndia: World = w): PatternContext => ({
  world: w,
  withoutIndia,
  observed,
  month: (p) => monthsFrom('2022-01', p),
});

describe('patterns on hand-made runs', () => {
  it('flat depth: holds at 14% off in one month, fails at 16%', () => {
    const flat = pattern('flat-depth');
    expect(flat.holds(context(world({ depth: (t) => (t === 20 ? 0.86 : 1) })))).toBe(true);
    expect(flat.holds(context(world({ depth: (t) => (t === 20 ? 0.84 : 1) })))).toBe(false);
  });

  it('finance ties fall: from 0.1 to 0.05 holds; ties already gone before the sanctions do not', () => {
    const falls = pattern('finance-falls');
    expect(falls.holds(context(world({ financeCR: (t) => (t < 23 ? 0.1 : 0.05) })))).toBe(true);
    expect(falls.holds(context(world({ financeCR: () => 0 })))).toBe(false);
    expect(falls.holds(context(world({ financeCR: () => 0.1 })))).toBe(false);
  });

  it('trade growth: the observed path holds, +50% a year does not', () => {
    const observedLevel = (t: number) => observed.value('bilateral_trade', String(Math.min(2024, 2022 + Math.floor(t / 12))));
    const ok = world({ bilateral_trade: observedLevel }, { bilateral_trade: observed.value('bilateral_trade', '2021') });
    expect(pattern('trade-2022').holds(context(ok))).toBe(true);
    expect(pattern('trade-2023').holds(context(ok))).toBe(true);
    const fast = world({ bilateral_trade: (t) => 100 * 1.5 ** Math.floor(t / 12) }, { bilateral_trade: 100 });
    expect(pattern('trade-2023').holds(context(fast))).toBe(false);
  });

  it('the S-curve: the record itself holds, a fast exit (93% by March 2023) does not', () => {
    const curve = pattern('settlement-s-curve');
    const record = (t: number) => (t <= 14 ? 67 : t <= 20 ? 90 : 95);
    expect(curve.holds(context(world({ settlement_national_currency_share: record })))).toBe(true);
    expect(curve.holds(context(world({ settlement_national_currency_share: (t) => (t < 3 ? 40 : 93) })))).toBe(false);
  });

  it("India's bids: 5 points wider without India holds, 4 does not", () => {
    const bids = pattern('india-bids');
    const at = (level: number) => world({ urals_discount_to_brent: () => level });
    expect(bids.holds(context(at(20), at(25)))).toBe(true);
    expect(bids.holds(context(at(20), at(24)))).toBe(false);
  });

  it('both sides’ 20%: a 19% rise holds, 21% does not', () => {
    const russia = pattern('russia-20');
    expect(russia.holds(context(world({ committedRC: (t) => (t === 47 ? 1.19 : 1) })))).toBe(true);
    expect(russia.holds(context(world({ committedRC: (t) => (t === 47 ? 1.21 : 1) })))).toBe(false);
  });

  it('buyer shares: the record’s figures hold (China 47.5, India 40), India at 11 does not', () => {
    const shares = pattern('buyer-shares');
    const at = (india: number) =>
      world({ china_share_of_russian_crude_exports: () => 47.5, india_share_of_russian_crude_exports: () => india });
    expect(shares.holds(context(at(40)))).toBe(true);
    expect(shares.holds(context(at(11)))).toBe(false);
  });
});

describe('the judge', () => {
  it('gives each pattern the weight of the particles where it holds', () => {
    const loaded = loadScenario(DEFAULT_SCENARIO);
    // Two particles: the fitted point, and the same without India's appetite, where India's bids cannot widen anything.
    const posterior: Posterior = {
      dir: '',
      file: '',
      sha256: '',
      scenario: { file: DEFAULT_SCENARIO, sha256: '' },
      paths: ['actors.IND.opportunism'],
      fixed: [],
      weights: Float64Array.of(0.3, 0.7),
      values: [[String(loaded.spec.actors.IND?.opportunism)], ['0']],
      ess: 1 / (0.09 + 0.49),
    };
    const shares = judge(loaded, posterior, observed);
    const of = (id: string) => shares[PATTERNS.findIndex((p) => p.id === id)];
    expect(of('india-bids')).toBeCloseTo(0.3, 12);
    expect(of('no-lethal-aid')).toBeCloseTo(1, 12);
    expect(of('buyer-shares')).toBe(0);
  });
});
