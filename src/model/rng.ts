/**
 * Seeds and random streams. A run's seed is a function of (base seed, point,
 * replication) only — never of execution order — so results do not depend on
 * worker count or shard split:
 *
 *   runSeed = first 52 bits of sha256("entente/<base>/<point>/<replication>")
 *
 * 52 bits keep the seed an exact JavaScript integer; a million runs collide with
 * probability about 1e-4. Each run draws from its own seedrandom `alea` stream.
 */
import { hash } from 'node:crypto';
import seedrandom from 'seedrandom';

export type Random = () => number;

export function deriveSeed(base: number, point: number, replication: number): number {
  const hex = hash('sha256', `entente/${base}/${point}/${replication}`, 'hex'); // one-shot: no Hash object per run
  return Number.parseInt(hex.slice(0, 13), 16);
}

/** The seed of each stream makeRandom made, so a run that went wrong can be replayed (model/simulate.ts). */
const seeds = new WeakMap<Random, number>();

export function makeRandom(seed: number): Random {
  // A WeakMap, not a property on the function: a property slows every later call.
  const random = seedrandom.alea(String(seed));
  seeds.set(random, seed);
  return random;
}

/** A fresh copy of a stream makeRandom made, from its start; undefined for any other stream. */
export function restartOf(random: Random): Random | undefined {
  const seed = seeds.get(random);
  return seed === undefined ? undefined : makeRandom(seed);
}

/** The stream a sweep design draws its points from: separate from every run's stream (and, by label, from each other). */
export function designRandom(seed: number, label?: string): Random {
  return seedrandom.alea(label === undefined ? `entente/design/${seed}` : `entente/design/${seed}/${label}`);
}
