/**
 * One mechanism = one term of the marginal value of every tie-domain
 * (docs/model.md §5.4). `contribute` reads frozen config and the tick-start
 * state and writes α_m × term for ties k0..k1−1 into `out`, tie k domain d at
 * (k − k0)·D + d. The loop calls it block by block so that every term of a
 * block is still in cache when the decision step sums them. A mechanism never
 * allocates and never reads another's output, so mechanisms can be reported,
 * reordered and switched off (weight 0) independently.
 *
 * `ownSlope` is ∂(α_m × term)/∂c_kd, the dependence of the term on the very
 * commitment it values (every term is affine in it). Actors' welfare
 * (model/welfare.ts) integrates marginal values and needs it; a test checks
 * it against finite differences of `contribute`.
 */
import type { ModelConfig } from '../config.js';
import type { MechanismName } from '../parameters.js';
import type { ModelState } from '../state.js';

export interface Mechanism {
  readonly name: MechanismName;
  contribute(cfg: ModelConfig, s: ModelState, out: Float64Array, weight: number, k0: number, k1: number): void;
  ownSlope(cfg: ModelConfig, weight: number, k: number, d: number): number;
}
