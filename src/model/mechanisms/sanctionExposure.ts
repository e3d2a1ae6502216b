/**
 * Sanction exposure: X_kd = −α_X · (π_kd + costAversion_i · χ_kd), where π is
 * the pressure of i's own sanctions on j (the sender complies with its own law)
 * and χ = Σ severity·enforcement·exposure_i,sender over secondary sanctions on
 * j in domain d: third parties pay in proportion to what they stand to lose.
 */

import { addScaledSum } from '../domainSums.js';
import { D } from '../domains.js';
import type { Mechanism } from './mechanism.js';

export const sanctionExposure: Mechanism = {
  name: 'sanctionExposure',
  contribute(cfg, s, out, weight, k0, k1) {
    const { primary, thirdParty, sanctioned } = s.push;
    for (let k = k0; k < k1; k++) {
      if (sanctioned[k] === 0) continue; // no pressure on the tie: its term is −0 (mechanism.ts)
      const o = (k - k0) * D;
      const aversion = cfg.costAversion[cfg.tieFrom[k] as number];
      addScaledSum(out, o, -weight, primary, aversion, thirdParty, k * D);
    }
  },
  ownSlope: () => 0,
};
