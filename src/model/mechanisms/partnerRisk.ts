/**
 * Partner risk: R_kd = −α_R · exposureAversion_i · f_d · stress_j. Committing to
 * an unstable partner exposes i in proportion to the domain's financial
 * exposure f_d (why the swap line and CIPS stay under-used).
 */

import { addScaled } from '../domainSums.js';
import { D } from '../domains.js';
import type { Mechanism } from './mechanism.js';

export const partnerRisk: Mechanism = {
  name: 'partnerRisk',
  contribute(cfg, s, out, weight, k0, k1) {
    const f = cfg.domains.financialExposure;
    for (let k = k0; k < k1; k++) {
      const o = (k - k0) * D;
      const risk = weight * cfg.exposureAversion[cfg.tieFrom[k]] * s.stress[cfg.tieTo[k]];
      if (risk !== 0) addScaled(out, o, -risk, f); // a zero term adds nothing (mechanism.ts)
    }
  },
  ownSlope: () => 0,
};
