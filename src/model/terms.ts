/**
 * Each mechanism's term per tie and domain, every tick (contributions.csv): a tap. Each block's
 * terms are evaluated again, one mechanism at a time, into a zeroed slot; mechanisms read the
 * state and write only what they are given, and the block's state is the one its sum was made
 * of, so the terms recorded are the terms summed, bit for bit.
 */
import type { Bound } from './bound.js';
import type { ModelConfig } from './config.js';
import { D } from './domains.js';
import type { ModelState } from './state.js';
import type { Tap } from './tap.js';

/** Record into `terms[m·K·D + k·D + d]`, mechanism m's term this tick; `block` is the largest block's length in ties. */
export function termsTap(terms: Float64Array, block: number): Tap {
  const scratch = new Float64Array(block * D);
  return {
    tick: () => {},
    block(cfg: ModelConfig, s: ModelState, bound: readonly Bound[], k0: number, k1: number) {
      const len = (k1 - k0) * D;
      for (let m = 0; m < bound.length; m++) {
        scratch.fill(0, 0, len);
        (bound[m] as Bound).add(cfg, s, scratch, k0, k1);
        terms.set(scratch.subarray(0, len), m * cfg.K * D + k0 * D);
      }
    },
  };
}
