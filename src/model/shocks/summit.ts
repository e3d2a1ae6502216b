/** Summit of a pair: on its first tick, rhetoric r_p += x (1 − r_p). Rhetoric only: no commitment moves. */
import { inc } from '../arrays.js';
import type { ShockKind } from './kind.js';

export const summit: ShockKind = {
  kind: 'summit',
  description: "Summit: raises the pair's rhetoric only",
  fields: { a: { type: 'actor' }, b: { type: 'actor' }, intensity: { type: 'value' } },
  roles: { actor: 'a', target: 'b', magnitude: { field: 'intensity', min: 0, max: 1 } },
  apply(cfg, s, sh, _q, t, first) {
    const p = cfg.pairOf[sh.actor * cfg.n + sh.target];
    if (first && p >= 0) inc(s.rhetoric, p, sh.magnitude[t] * (1 - s.rhetoric[p]));
  },
};
