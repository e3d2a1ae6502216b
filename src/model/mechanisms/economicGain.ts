/**
 * Economic gain: E_kd = α_E · comp_pd · ch_pd · (1 + ν·need_i + μ·need_j + κ·conc_ji)
 *                       + [d = finance] · α_E · (1 − conv_p) · comp̄_p.
 * Up with the pair's complementarity, with i's need for substitutes, with j's
 * need (j's market opens as others leave it) and with the concessions i obtains
 * from j. Payment-bound domains are worth only what the payment channel can
 * clear (ch_pd = 1 − pay_d + pay_d · channel_p); and when dollar access is cut
 * (conv_p < 1), finance ties gain the value of the trade they alone can clear.
 */
import { D } from '../domains.js';
import type { Mechanism } from './mechanism.js';
import { addCleared } from './six.js';

export const economicGain: Mechanism = {
  name: 'economicGain',
  contribute(cfg, s, out, weight, k0, k1) {
    const { needGain, marketGain, concessionGain } = cfg.params;
    const pay = cfg.domains.payment;
    for (let k = k0; k < k1; k++) {
      const o = (k - k0) * D;
      const i = cfg.tieFrom[k] as number;
      const j = cfg.tieTo[k] as number;
      const p = cfg.tiePair[k] as number;
      const channel = s.channel[p] as number;
      const gain =
        weight *
        (1 +
          needGain * (s.need[i] as number) +
          marketGain * (s.need[j] as number) +
          concessionGain * (s.concession[cfg.tieReverse[k] as number] as number));
      const clears = weight * (1 - (s.conventional[p] as number)) * (cfg.paymentComplementarity[p] as number);
      addCleared(out, o, gain, cfg.complementarity, p * D, pay, channel, clears);
    }
  },
  ownSlope: () => 0,
};
