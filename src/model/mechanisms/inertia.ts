/** Inertia: I_kd = −α_I · c_kd. Commitments decay slowly without reinforcement. */
import { D } from '../domains.js';
import type { Mechanism } from './mechanism.js';

export const inertia: Mechanism = {
  name: 'inertia',
  contribute(cfg, s, out, weight) {
    const c = s.commitment;
    const len = cfg.K * D;
    for (let x = 0; x < len; x++) out[x] = -weight * (c[x] as number);
  },
};
