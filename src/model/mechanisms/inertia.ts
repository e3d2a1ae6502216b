/** Inertia: I_kd = −α_I · c_kd. Commitments decay slowly without reinforcement. */
import { D } from '../domains.js';
import type { Mechanism } from './mechanism.js';

export const inertia: Mechanism = {
  name: 'inertia',
  contribute(_cfg, s, out, weight, k0, k1) {
    const c = s.commitment;
    const first = k0 * D;
    const len = (k1 - k0) * D;
    for (let o = 0; o < len; o++) out[o] = (out[o] as number) - weight * (c[first + o] as number);
  },
  ownSlope: (_cfg, weight) => -weight,
};
