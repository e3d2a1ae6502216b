/**
 * Reciprocity: C_kd = α_C · commitmentNorm_i · (c_ji,d − c_ij,d). Actors with a
 * commitment norm match what the partner has committed (NATO-like burden
 * sharing); actors without one do not.
 */

import { addScaledDifference } from '../domainSums.js';
import { D } from '../domains.js';
import type { Mechanism } from './mechanism.js';

export const reciprocity: Mechanism = {
  name: 'reciprocity',
  contribute(cfg, s, out, weight, k0, k1) {
    const c = s.commitment;
    for (let k = k0; k < k1; k++) {
      const o = (k - k0) * D;
      const norm = weight * cfg.commitmentNorm[cfg.tieFrom[k]];
      const back = cfg.tieReverse[k] * D;
      addScaledDifference(out, o, norm, c, back, k * D);
    }
  },
  ownSlope: (cfg, weight, k) => -weight * cfg.commitmentNorm[cfg.tieFrom[k]],
  partnerSlope: (cfg, weight, k) => weight * cfg.commitmentNorm[cfg.tieFrom[k]],
};
