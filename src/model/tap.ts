/**
 * A tap looks inside a tick without moving it: the tick loop calls each tap of the state at two
 * points and knows nothing of what they keep (welfare, each mechanism's terms). A tap writes only
 * its own outputs, which nothing in the model reads.
 */
import type { Bound } from './bound.js';
import type { ModelConfig } from './config.js';
import type { ModelState } from './state.js';

export interface Tap {
  /** After the tick's shocks and conditions, before its first block of ties. */
  tick(cfg: ModelConfig, s: ModelState, bound: readonly Bound[]): void;
  /**
   * After the terms of ties k0..k1−1 are summed into s.termSum and decided into s.next;
   * s.commitment still holds the tick-start commitments every term read.
   */
  block(cfg: ModelConfig, s: ModelState, bound: readonly Bound[], k0: number, k1: number): void;
}
