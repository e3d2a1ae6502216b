/**
 * Divergence: V_kd = −α_V · δ_p · v_d. Where a pair disagrees about the order
 * they want (Europe's role, Central Asian sovereignty), strategically relevant
 * commitments are worth less. δ_p rises with sovereignty challenges.
 */

import { addScaled } from '../domainSums.js';
import { D } from '../domains.js';
import type { Mechanism } from './mechanism.js';

export const divergence: Mechanism = {
  name: 'divergence',
  contribute(cfg, s, out, weight, k0, k1) {
    const v = cfg.domains.strategic;
    for (let k = k0; k < k1; k++) {
      const o = (k - k0) * D;
      const delta = weight * s.divergence[cfg.tiePair[k]];
      if (delta !== 0) addScaled(out, o, -delta, v); // a zero term adds nothing (mechanism.ts)
    }
  },
  ownSlope: () => 0,
};
