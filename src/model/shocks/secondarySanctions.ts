/**
 * Secondary sanctions s→j in domains D, pressure π = x·e: every tie i→j with i ≠ s is pressed
 * in proportion to what i would lose with s, χ = π · exposure_is. On exchange: the barrier of
 * i→j in D +χ (buyers of Russian crude that risk US penalties). On commitment: third-party
 * pressure χ_kd on i→j in D (the sanction-exposure mechanism; banks that facilitate), and i's
 * grievance against s +γ_S·χ (a third party resents the penalties it is made to bear).
 */
import { inc } from '../arrays.js';
import { D } from '../domains.js';
import type { ShockKind } from './kind.js';
import { SANCTION_FIELDS, SANCTION_ROLES } from './sanctionFields.js';

export const secondarySanctions: ShockKind = {
  kind: 'secondarySanctions',
  description: "Secondary sanctions: make third parties' ties to the target costly in the named domains",
  fields: SANCTION_FIELDS,
  roles: SANCTION_ROLES,
  apply(cfg, s, sh, _q, t) {
    const { n } = cfg;
    const pressure = sh.magnitude[t] * sh.enforcement[t];
    const resentment = cfg.params.secondaryGrievance;
    for (let x = cfg.incomingStart[sh.target], end = cfg.incomingStart[sh.target + 1]; x < end; x++) {
      const k = cfg.incomingTies[x];
      const i = cfg.tieFrom[k];
      if (i === sh.actor) continue;
      const exposed = pressure * s.exposure[i * n + sh.actor];
      for (let d = 0; d < D; d++) if (sh.onExchange && sh.domainMask[d]) inc(s.push.barrier, k * D + d, exposed);
      if (!sh.onCommitment) continue;
      s.push.sanctioned[k] = 1;
      if (resentment > 0) inc(s.push.grievance, i * n + sh.actor, resentment * exposed);
      for (let d = 0; d < D; d++) if (sh.domainMask[d]) inc(s.push.thirdParty, k * D + d, exposed);
    }
  },
};
