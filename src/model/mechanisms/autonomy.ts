/**
 * Guarding autonomy (Hirschman 1945; hedging, Kuik 2008): U_kd = −α_U · v_d · (dep_k − dep0_k)⁺.
 * An actor that has come to depend on its partner for more of its critical supply than it did
 * holds back the strategically relevant commitments that would bind it further: a junior partner
 * keeps its options (Russia's arms sales to India and Vietnam, no Chinese bases, Power of Siberia 2
 * held up over price). It reads dependence (model/dependence.ts) from the structure of trade, so it
 * bites on the side whose other sources sanctions closed, whoever that is. At the start dep = dep0:
 * the term is 0 and the rest point stays one.
 */

import { addScaled } from '../domainSums.js';
import { D } from '../domains.js';
import type { Mechanism } from './mechanism.js';

export const autonomy: Mechanism = {
  name: 'autonomy',
  contribute(cfg, s, out, weight, k0, k1) {
    const v = cfg.domains.strategic;
    for (let k = k0; k < k1; k++) {
      const rise = s.dependence[k] - s.dependence0[k];
      if (rise > 0) addScaled(out, (k - k0) * D, -weight * rise, v);
    }
  },
  ownSlope: () => 0,
};
