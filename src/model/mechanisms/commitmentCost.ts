/**
 * Commitment cost: K_kd = −α_K · costAversion_i · w_d · c_kd. Commitment is costly
 * (Fearon 1997), more so in costly domains; cost-averse actors feel it more.
 * This is the term that keeps a limited partnership limited.
 */

import { addScaledProduct } from '../domainSums.js';
import { D } from '../domains.js';
import type { Mechanism } from './mechanism.js';

export const commitmentCost: Mechanism = {
  name: 'commitmentCost',
  contribute(cfg, s, out, weight, k0, k1) {
    const w = cfg.domains.cost;
    const c = s.commitment;
    for (let k = k0; k < k1; k++) {
      const o = (k - k0) * D;
      const aversion = weight * cfg.costAversion[cfg.tieFrom[k]];
      addScaledProduct(out, o, -aversion, w, c, k * D);
    }
  },
  ownSlope: (cfg, weight, k, d) => -weight * cfg.costAversion[cfg.tieFrom[k]] * cfg.domains.cost[d],
};
