/**
 * Strategic value: S_kd = α_S · v_d · [(a_p + G_p)(1 + λ·need_j) + stake_ij · threat_j].
 * Up with the pair's shared goals a_p, the grievance both hold against the same
 * rivals G_p, j's need (a pole worth keeping), and i's stake in j's sovereignty
 * when j is threatened.
 */

import { addScaledBy } from '../domainSums.js';
import { D } from '../domains.js';
import type { Mechanism } from './mechanism.js';

export const strategicValue: Mechanism = {
  name: 'strategicValue',
  contribute(cfg, s, out, weight, k0, k1) {
    const { n } = cfg;
    const lambda = cfg.params.partnerNeedGain;
    const v = cfg.domains.strategic;
    for (let k = k0; k < k1; k++) {
      const o = (k - k0) * D;
      const i = cfg.tieFrom[k];
      const j = cfg.tieTo[k];
      const p = cfg.tiePair[k];
      const base = (cfg.alignment[p] + s.shared[p]) * (1 + lambda * s.need[j]) + cfg.stake[i * n + j] * s.push.threat[j];
      addScaledBy(out, o, weight, v, base);
    }
  },
  ownSlope: () => 0,
};
