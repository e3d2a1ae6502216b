/**
 * One mechanism = one term of the marginal value of every tie-domain
 * (docs/model.md §5.4). `contribute` reads frozen config and the tick-start
 * state and adds α_m × term for ties k0..k1−1 to `out`, tie k domain d at
 * (k − k0)·D + d. The tick loop hands every mechanism, in registry order, the
 * block's running sum, so the decision step reads one array, not one per
 * mechanism; to record terms one by one it hands each a zeroed slot instead
 * (model/simulate.ts). A mechanism never allocates and never reads another's
 * term, so mechanisms can be reported and switched off (weight 0) independently.
 *
 * `inert`, where given, says that under this config every term is zero at
 * every tick (a −0 or +0 added changes no sum): the tick loop then skips the
 * mechanism when it only sums terms. It must follow from the config alone.
 *
 * Within a tick, a mechanism may skip a tie whose multiplier is zero: every factor
 * of a term is non-negative (the schema's units), so the term is −0 in every
 * domain, and x + (−0) is x, bit for bit. Where terms are recorded, the slot
 * was zeroed to +0, and +0 + (−0) is +0: the record is the same either way.
 *
 * `ownSlope` is ∂(α_m × term)/∂c_kd, the dependence of the term on the very
 * commitment it values (every term is affine in it). Actors' welfare
 * (model/welfare.ts) integrates marginal values and needs it; a test checks
 * it against finite differences of `contribute`. `partnerSlope` is ∂(α_m × term)/∂c_jid,
 * the dependence on the partner's commitment in the same domain (0 if absent). The
 * decision step bounds its step by both (model/curvature.ts), so no commitment oscillates.
 */
import type { ModelConfig } from '../config.js';
import type { MechanismName } from '../parameters.js';
import type { ModelState } from '../state.js';

export interface Mechanism {
  readonly name: MechanismName;
  contribute(cfg: ModelConfig, s: ModelState, out: Float64Array, weight: number, k0: number, k1: number): void;
  ownSlope(cfg: ModelConfig, weight: number, k: number, d: number): number;
  partnerSlope?(cfg: ModelConfig, weight: number, k: number, d: number): number;
  inert?(cfg: ModelConfig): boolean;
}
