/**
 * Reward condition: R_kd = −α_Q · costAversion_i · ψ_kd, where ψ is the size of
 * every conditional inducement that i would lose by committing more to j in d
 * ("you can't have it both ways"). The wedge of Crawford (2011).
 */

import { addScaledAt } from '../domainSums.js';
import { D } from '../domains.js';
import type { Mechanism } from './mechanism.js';

export const rewardCondition: Mechanism = {
  name: 'rewardCondition',
  contribute(cfg, s, out, weight, k0, k1) {
    const conditional = s.push.conditional;
    for (let k = k0; k < k1; k++) {
      const o = (k - k0) * D;
      const aversion = weight * cfg.costAversion[cfg.tieFrom[k]];
      addScaledAt(out, o, -aversion, conditional, k * D);
    }
  },
  ownSlope: () => 0,
  // ψ is written only by conditional inducements (model/shocks.ts): without one, every term is −0.
  inert: (cfg) => cfg.shocks.every((sh) => sh.kind !== 'inducement' || sh.conditionPartner < 0),
};
