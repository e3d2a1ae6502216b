/**
 * Economic gain: E_kd = α_E · comp_pd · ch_pd · (1 + ν·need_i + κ·conc_ji).
 * Up with the pair's complementarity, with i's need for substitutes, and with
 * the concessions i obtains from j; payment-bound domains are worth only what
 * the payment channel can clear (ch_pd = 1 − pay_d + pay_d · channel_p).
 */
import { D } from '../domains.js';
import type { Mechanism } from './mechanism.js';

export const economicGain: Mechanism = {
  name: 'economicGain',
  contribute(cfg, s, out, weight) {
    const { needGain, concessionGain } = cfg.params;
    const pay = cfg.domains.payment;
    for (let k = 0; k < cfg.K; k++) {
      const i = cfg.tieFrom[k] as number;
      const p = cfg.tiePair[k] as number;
      const channel = s.channel[p] as number;
      const gain = weight * (1 + needGain * (s.need[i] as number) + concessionGain * (s.concession[cfg.tieReverse[k] as number] as number));
      for (let d = 0; d < D; d++) {
        const pd = pay[d] as number;
        out[k * D + d] = gain * (cfg.complementarity[p * D + d] as number) * (1 - pd + pd * channel);
      }
    }
  },
};
