/**
 * How steeply each commitment's marginal value falls as commitments move, and the
 * step that follows from it (docs/model.md §5.5). Every term is affine in the
 * commitment it values and in the partner's commitment in the same domain
 * (Mechanism.ownSlope, partnerSlope), so near any state the decision step is the
 * linear map  c ← c + g · (b + J c)  with J's row for tie-domain x holding s_x on
 * the diagonal and r_x at the reverse tie. Its eigenvalues lie in Gershgorin's
 * discs, centred at 1 − g|s_x| with radius g|r_x|; with
 *   g_x = min(η, 1 / (|s_x| + |r_x|))
 * every disc lies in [0, 1]: each move goes toward the rest point and never past
 * it, so no commitment oscillates whatever η the scenario gives. Where η is
 * already below the bound (the calibrated scenarios), g_x = η and nothing changes.
 */
import type { ModelConfig } from './config.js';
import { D } from './domains.js';
import type { Mechanism } from './mechanisms/mechanism.js';

export interface Curvature {
  /** Σ_m ∂term_m,kd/∂c_kd (≤ 0): welfare integrates marginal values with it (model/welfare.ts). */
  readonly ownSlope: Float64Array;
  /** g_kd: the step gain of the decision step. */
  readonly stepGain: Float64Array;
}

type Weighted = { readonly mechanism: Mechanism; readonly weight: number };

const computed = new WeakMap<readonly Weighted[], Curvature>();

/** The curvature of cfg under these bound mechanisms, computed once per binding (it depends on config only). */
export function curvatureOf(cfg: ModelConfig, bound: readonly Weighted[]): Curvature {
  let curvature = computed.get(bound);
  if (!curvature) {
    curvature = compute(cfg, bound);
    computed.set(bound, curvature);
  }
  return curvature;
}

function compute(cfg: ModelConfig, bound: readonly Weighted[]): Curvature {
  const ownSlope = new Float64Array(cfg.K * D);
  const stepGain = new Float64Array(cfg.K * D);
  const eta = cfg.params.stepSize;
  for (let k = 0; k < cfg.K; k++) {
    for (let d = 0; d < D; d++) {
      let own = 0;
      let partner = 0;
      for (const b of bound) {
        own += b.mechanism.ownSlope(cfg, b.weight, k, d);
        partner += b.mechanism.partnerSlope?.(cfg, b.weight, k, d) ?? 0;
      }
      const steepness = Math.abs(own) + Math.abs(partner);
      ownSlope[k * D + d] = own;
      stepGain[k * D + d] = eta * steepness > 1 ? 1 / steepness : eta;
    }
  }
  return { ownSlope, stepGain };
}
