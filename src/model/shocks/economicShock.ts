/** Economic shock on an actor: moves its stress (push +x; x may be negative). */
import { inc } from '../arrays.js';
import type { ShockKind } from './kind.js';

export const economicShock: ShockKind = {
  kind: 'economicShock',
  description: "Economic shock: moves an actor's stress",
  fields: { actor: { type: 'actor' }, size: { type: 'value' } },
  roles: { actor: 'actor', magnitude: { field: 'size', min: -1, max: 1 } },
  apply(_cfg, s, sh, _q, t) {
    inc(s.push.stress, sh.actor, sh.magnitude[t]);
  },
};
