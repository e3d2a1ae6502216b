/**
 * A sovereignty challenge by c on j bites in proportion to j's security reliance on c, its
 * commitment to c in defence and military (Russia's leverage over Kazakhstan runs through the
 * CSTO), relative to the reliance the scenario starts from (the intensity is the pressure as it
 * was observed then): bite = x · min(1, (c_jc,def + c_jc,mil) / (c0_jc,def + c0_jc,mil)). The bite
 * threatens j and, for every actor i ≠ c with a stake in j's sovereignty, pushes the divergence
 * of pair {i, c} by bite · stake_ij. Whatever loosens j's reliance (a Western offer to
 * Kazakhstan) blunts the challenge and with it the China–Russia divergence over Central Asia;
 * a target with no security ties to the challenger is not bitten at all.
 */
import { inc } from '../arrays.js';
import { D, DEFENSE, MILITARY } from '../domains.js';
import type { ShockKind } from './kind.js';

/** Tie k's defence and military commitment in c (0 without a tie): a function, not a per-call closure, so the shock phase allocates nothing. */
function reliance(c: Float64Array, k: number): number {
  return k < 0 ? 0 : c[k * D + DEFENSE] + c[k * D + MILITARY];
}

export const sovereigntyChallenge: ShockKind = {
  kind: 'sovereigntyChallenge',
  description: 'Sovereignty challenge: threatens the target and sets the challenger at odds with those holding a stake in it',
  fields: { challenger: { type: 'actor' }, target: { type: 'actor' }, intensity: { type: 'value' } },
  roles: { actor: 'challenger', target: 'target', magnitude: { field: 'intensity', min: 0, max: 1 } },
  apply(cfg, s, sh, _q, t) {
    const { n } = cfg;
    const k = cfg.tieOf[sh.target * n + sh.actor];
    const initial = reliance(cfg.commitment0, k);
    // At most the stated intensity: a tie that started near 0 and grew by noise must not multiply it without bound.
    const bite = initial > 0 ? sh.magnitude[t] * Math.min(1, reliance(s.commitment, k) / initial) : 0;
    inc(s.push.threat, sh.target, bite);
    for (let i = 0; i < n; i++) {
      const stake = cfg.stake[i * n + sh.target];
      const p = cfg.pairOf[i * n + sh.actor];
      if (i !== sh.actor && stake > 0 && p >= 0) inc(s.push.divergence, p, bite * stake);
    }
  },
};
