/** War escalation on an actor: raises its need (need push +x) and its stress (+x/2). */
import { inc } from '../arrays.js';
import type { ShockKind } from './kind.js';

export const war: ShockKind = {
  kind: 'war',
  description: 'War escalation: raises the belligerent’s need and stress',
  fields: { actor: { type: 'actor' }, intensity: { type: 'value' } },
  roles: { actor: 'actor', magnitude: { field: 'intensity', min: 0, max: 1 } },
  apply(_cfg, s, sh, _q, t) {
    const m = sh.magnitude[t];
    inc(s.push.need, sh.actor, m);
    inc(s.push.stress, sh.actor, 0.5 * m);
  },
};
