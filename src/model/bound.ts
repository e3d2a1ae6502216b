/**
 * The enabled mechanisms of a config, each bound to its weight, in registry order: what the
 * tick sums, the curvature bounds and the taps read.
 */
import type { ModelConfig } from './config.js';
import { MECHANISMS, type Mechanism } from './mechanisms/index.js';
import type { ModelState } from './state.js';

export interface Bound {
  readonly mechanism: Mechanism;
  readonly weight: number;
  /** `mechanism.contribute` with `weight`. A double read from an object field and passed to a call V8 does not
   * inline is boxed afresh on every call; a closure's constant is passed as it is. */
  readonly add: (cfg: ModelConfig, s: ModelState, out: Float64Array, k0: number, k1: number) => void;
  /** Every term is zero under this config (Mechanism.inert): summing skips it, a tap recording terms does not. */
  readonly inert: boolean;
}

/** Each enabled mechanism with its weight, in registry order. */
export function bind(cfg: ModelConfig): Bound[] {
  return cfg.mechanisms.map(({ name, weight }) => {
    const mechanism = MECHANISMS.get(name);
    if (!mechanism) throw new Error(`no mechanism named ${name}`);
    return {
      mechanism,
      weight,
      add: (c, s, out, k0, k1) => mechanism.contribute(c, s, out, weight, k0, k1),
      inert: mechanism.inert?.(cfg) ?? false,
    };
  });
}
