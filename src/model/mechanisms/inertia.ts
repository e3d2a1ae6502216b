/** Inertia: I_kd = −α_I · c_kd. Commitments decay slowly without reinforcement. */

import { addScaledAt } from '../domainSums.js';
import { D } from '../domains.js';
import type { Mechanism } from './mechanism.js';

export const inertia: Mechanism = {
  name: 'inertia',
  contribute(_cfg, s, out, weight, k0, k1) {
    const c = s.commitment;
    // out + (−α)·c is out − α·c to the bit: negation is exact in both the product and the sum.
    for (let k = k0; k < k1; k++) addScaledAt(out, (k - k0) * D, -weight, c, k * D);
  },
  ownSlope: (_cfg, weight) => -weight,
};
