/**
 * What `calibrate --method abc` will write, estimated before it starts and refused above
 * --max-output (io/limits.ts; docs/reference.md, Limits): the most its output directory holds at
 * once. posterior.csv (a row per particle: particle, weight, distance and every parameter),
 * predictive.csv (a row per observable and tick: five quantiles), generations.csv and the
 * manifest; every generation's saved particles (checkpoint/, kept until the posterior is
 * written); and, run as shards, the round files of one generation (removed once it is saved) at
 * the acceptance rate where ABC stops, with the fifth more each round asks for (shards.ts).
 */

import type { LoadedSweep } from '../../experiments/loadSweep.js';
import { checkOutputSize } from '../../io/limits.js';
import type { AbcFlags } from './finish.js';
import type { AbcSetup } from './run.js';
import { MIN_ACCEPTANCE } from './smc.js';

/** A number in entente's CSV (7 significant digits, a sign, an exponent) and its comma. */
const CSV_NUMBER = 16;
/** A double at full precision in JSON (String: up to 17 digits, a sign, a point, an exponent), quotes and a comma. */
const JSON_NUMBER = 28;
/** A predictive row's indicator, unit, tick and date; a column name in a header. */
const LABELS = 60;
/** The manifest: its fixed fields, and a prior for each free parameter. */
const MANIFEST = 8_000;
const MANIFEST_PER_PRIOR = 300;

export interface AbcShape {
  readonly particles: number;
  readonly generations: number;
  /** Every parameter of the file (posterior.csv has a column each) and the free ones (what ABC draws). */
  readonly parameters: number;
  readonly free: number;
  readonly observables: number;
  readonly ticks: number;
  /** Run as shards (--collect, --shard): round files too. */
  readonly sharded: boolean;
}

export function abcOutputBytes(s: AbcShape): number {
  const posterior = (s.particles + 1) * (3 + s.parameters) * CSV_NUMBER + s.parameters * LABELS;
  const predictive = (s.observables * s.ticks + 1) * (LABELS + 5 * CSV_NUMBER);
  const generations = (s.generations + 1) * 5 * CSV_NUMBER;
  const manifest = MANIFEST + s.free * MANIFEST_PER_PRIOR;
  const checkpoints = s.generations * (s.particles * (s.free + 2) * JSON_NUMBER + LABELS * 5);
  const rounds = s.sharded ? Math.ceil((1.2 * s.particles) / MIN_ACCEPTANCE) * JSON_NUMBER : 0;
  return posterior + predictive + generations + manifest + checkpoints + rounds;
}

/** Refuse an ABC calibration whose output would exceed the limit, before anything is written. */
export function checkAbcSize(loaded: LoadedSweep, setup: AbcSetup, flags: AbcFlags, sharded: boolean): void {
  const free = setup.parameters.free.length;
  const bytes = abcOutputBytes({
    particles: flags.particles,
    generations: flags.generations,
    parameters: loaded.parameters.length,
    free,
    observables: Object.keys(loaded.scenario.observables ?? {}).length,
    ticks: loaded.config.ticks,
    sharded,
  });
  checkOutputSize(
    `ABC-SMC with ${flags.particles} particles × ${free} parameters over up to ${flags.generations} generations${sharded ? ', run as shards,' : ''}`,
    bytes,
    'fewer --particles or --generations',
    loaded.source.file,
  );
}
