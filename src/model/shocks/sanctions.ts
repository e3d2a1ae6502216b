/**
 * Sanctions s→j in domains D, pressure π = x·e (severity × enforcement): stress and need
 * pushes on j of π E_s/(E_s+E_j); j's finance cut +π if finance ∈ D; j's grievance target
 * against s +π. On exchange (on: exchange | both): the barrier of the tie s→j in D +π, and
 * its embargo (s bids for none of j's unsold sales there; model/market.ts). On commitment (on: commitment | both): pressure π_kd = π on s→j in D,
 * its commitments in D cut by (1 − x) on the first tick, and the sender bears what those
 * initial commitments earned it.
 */
import { inc } from '../arrays.js';
import { D, FINANCE } from '../domains.js';
import type { ShockKind } from './kind.js';
import { SANCTION_FIELDS, SANCTION_ROLES } from './sanctionFields.js';

export const sanctions: ShockKind = {
  kind: 'sanctions',
  description: "Sanctions: cut the sender's ties, raise the target's stress and grievance",
  fields: SANCTION_FIELDS,
  roles: SANCTION_ROLES,
  apply(cfg, s, sh, _q, t, first) {
    const { n } = cfg;
    const sender = sh.actor;
    const target = sh.target;
    const pressure = sh.magnitude[t] * sh.enforcement[t];
    const share = cfg.economy[sender] / (cfg.economy[sender] + cfg.economy[target]);
    inc(s.push.stress, target, pressure * share);
    inc(s.push.need, target, pressure * share);
    if (sh.domainMask[FINANCE]) inc(s.push.financeCut, target, pressure);
    inc(s.push.grievance, target * n + sender, pressure);
    inc(s.push.coerced, target * n + sender, pressure);
    const k = cfg.tieOf[sender * n + target];
    if (k < 0) return;
    if (sh.onExchange) {
      for (let d = 0; d < D; d++) {
        if (!sh.domainMask[d]) continue;
        inc(s.push.barrier, k * D + d, pressure);
        inc(s.push.embargo, k * D + d, pressure);
      }
    }
    if (!sh.onCommitment) return;
    s.push.sanctioned[k] = 1;
    const p = cfg.tiePair[k];
    for (let d = 0; d < D; d++) {
      if (!sh.domainMask[d]) continue;
      inc(s.push.primary, k * D + d, pressure);
      // The sender forgoes the gain its initial commitment brought.
      inc(s.push.shockCost, sender, pressure * cfg.complementarity[p * D + d] * cfg.commitment0[k * D + d]);
      if (first) s.commitment[k * D + d] = s.commitment[k * D + d] * (1 - sh.magnitude[t]);
    }
  },
};
