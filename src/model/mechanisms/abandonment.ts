/**
 * Fear of abandonment (Snyder 1984): A_kd = α_A · v_d · G_p · need_i.
 * An actor under pressure (need_i: war, sanctions) that shares a threat with its
 * partner (G_p, the grievance both hold against the same rival) commits more, in
 * the strategically relevant domains, to keep the partner on its side. The partner
 * answers only through its own terms: a commitment norm (reciprocity) makes it match,
 * cost aversion makes it hold back. Without a shared threat, or without pressure on
 * i, the term is zero: need alone buys exchange, not commitment (economicGain.ts).
 */

import { addScaled } from '../domainSums.js';
import { D } from '../domains.js';
import type { Mechanism } from './mechanism.js';

export const abandonment: Mechanism = {
  name: 'abandonment',
  contribute(cfg, s, out, weight, k0, k1) {
    const v = cfg.domains.strategic;
    for (let k = k0; k < k1; k++) {
      const fear = weight * s.shared[cfg.tiePair[k]] * s.need[cfg.tieFrom[k]];
      if (fear !== 0) addScaled(out, (k - k0) * D, fear, v); // a zero term adds nothing (mechanism.ts)
    }
  },
  ownSlope: () => 0,
};
