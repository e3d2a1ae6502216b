/**
 * The explore page's lever chart: every lever against the baseline on common random numbers,
 * reusing the runs the page already made for its other charts where they are the same arm.
 */
import { compareLevers, type LeverEffect, leverArms } from '../compare/compare.js';
import { armOutcomes } from '../compare/paired.js';
import type { RunOutcome } from '../experiments/outcomes.js';
import { createState } from '../model/state.js';
import { type Embedded, resolve, type Settings, setFlags } from './model.js';

/**
 * Every lever against the baseline on common random numbers, at these settings: what `entente
 * compare --no-posterior` gives for a scenario file with these values written in (a lever's own
 * `set:` applies on top of the sliders').
 */
export function leverEffects(page: Embedded, settings: Settings, known: KnownRuns = {}): LeverEffect[] {
  const loaded = resolve(page, { ...settings, lever: undefined });
  const levers = page.levers.map((l) => l.name);
  const arms = leverArms(loaded, levers);
  // An arm already run for the charts (same config, same seeds) is not run again.
  const whole = (o: readonly RunOutcome[] | undefined) => (o?.length === loaded.replications ? o : undefined);
  const reused = arms.map((arm, a) => whole(a === 0 ? known.baseline : reusable(page, settings, arm.name, known.lever)));
  const byArm = arms.map(
    (arm, a) =>
      reused[a] ??
      armOutcomes(createState(arm.config, { welfare: true }), {
        config: arm.config,
        seed: loaded.seed,
        point: 0,
        replications: loaded.replications,
      }),
  );
  const outcomes = Array.from({ length: loaded.replications }, (_, r) => byArm.map((o) => o[r] as RunOutcome));
  return compareLevers(loaded, { levers, replications: loaded.replications, seed: loaded.seed, minEffect: 0.005 }, () => {}, outcomes);
}

/** Runs the page made for its charts, which the lever chart may reuse. */
export interface KnownRuns {
  /** The baseline at these settings (no lever), replication by replication. */
  readonly baseline?: readonly RunOutcome[] | undefined;
  /** The view's lever at these settings. */
  readonly lever?: { readonly name: string; readonly outcomes: readonly RunOutcome[] };
}

/**
 * The view's run of a lever is the comparison's arm for it only when the lever's own `set:` names
 * no value the sliders set: the view applies the lever then the sliders, the comparison the
 * sliders then the lever (compare.ts leverArms).
 */
function reusable(page: Embedded, settings: Settings, name: string, lever: KnownRuns['lever']): readonly RunOutcome[] | undefined {
  if (!lever || lever.name !== name) return undefined;
  const own = Object.keys(page.data.levers?.[name]?.set ?? {});
  const slid = new Set(setFlags(page, settings).map((f) => f.slice(0, f.indexOf('='))));
  return own.some((path) => slid.has(path)) ? undefined : lever.outcomes;
}
