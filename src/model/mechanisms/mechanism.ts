/**
 * One mechanism = one term of the marginal value of every tie-domain
 * (docs/model.md §5.4). `contribute` reads frozen config and current state and
 * writes α_m × term into `out` (length K·D, tie k domain d at k·D+d). It never
 * allocates and never reads another mechanism's output, so mechanisms can be
 * reported, reordered and switched off (weight 0) independently.
 */
import type { ModelConfig } from '../config.js';
import type { MechanismName } from '../parameters.js';
import type { ModelState } from '../state.js';

export interface Mechanism {
  readonly name: MechanismName;
  contribute(cfg: ModelConfig, s: ModelState, out: Float64Array, weight: number): void;
}
