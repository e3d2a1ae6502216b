/**
 * Reward condition: R_kd = −α_Q · costAversion_i · ψ_kd, where ψ is the size of
 * every conditional inducement that i would lose by committing more to j in d
 * ("you can't have it both ways"). The wedge of Crawford (2011).
 */
import { D } from '../domains.js';
import type { Mechanism } from './mechanism.js';

export const rewardCondition: Mechanism = {
  name: 'rewardCondition',
  contribute(cfg, s, out, weight) {
    const conditional = s.push.conditional;
    for (let k = 0; k < cfg.K; k++) {
      const aversion = weight * (cfg.costAversion[cfg.tieFrom[k] as number] as number);
      for (let d = 0; d < D; d++) out[k * D + d] = -aversion * (conditional[k * D + d] as number);
    }
  },
};
