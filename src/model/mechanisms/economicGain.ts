/**
 * Economic gain: E_kd = α_E · comp_pd · ch_pd + [d = finance] · α_E · (1 − a_j)(1 − ω) · comp̄_p · X_p.
 * What a commitment is worth economically beyond the exchange it carries: the
 * pair's complementarity in the domain, for payment-bound domains only as far as
 * the payment channel clears it (ch_pd = 1 − pay_d + pay_d · channel_p); and when
 * the partner j has lost dollar access (a_j < 1), i's finance ties gain the value of the
 * trade they alone can clear for it, in proportion to how much there is to clear (X_p, the
 * pair's exchange relative to its initial exchange). "Alone": trade that informal routes
 * clear (ω, model.informalChannel) needs no finance tie, so the term is the channel's own
 * slope in the pair's finance, ∂ch/∂own = (1 − a)(1 − ω) (conditions.ts), with j's access
 * for a: what a finance tie adds is the trade neither dollars nor workarounds clear. What a finance tie offers is used by
 * the side that cannot pay in dollars: China's banks and swap line clear trade for a
 * sanctioned Russia, while Russia's own finance ties clear nothing China cannot pay for
 * otherwise. So sanctions make the settlement Russia is forced into exchange and
 * dependence, not a commitment it chooses (docs/model.md §5.4). Need, a partner's open
 * market and concessions raise exchange (conditions.ts), not this term: exchange pays for
 * itself and is not commitment.
 */

import { addCleared } from '../domainSums.js';
import { D } from '../domains.js';
import type { Mechanism } from './mechanism.js';

export const economicGain: Mechanism = {
  name: 'economicGain',
  contribute(cfg, s, out, weight, k0, k1) {
    const pay = cfg.domains.payment;
    const informal = 1 - cfg.params.informalChannel;
    for (let k = k0; k < k1; k++) {
      const p = cfg.tiePair[k];
      const clears = weight * (1 - s.dollarAccess[cfg.tieTo[k]]) * informal * cfg.paymentComplementarity[p] * s.volume[p];
      addCleared(out, (k - k0) * D, weight, cfg.complementarity, p * D, pay, s.channel[p], clears);
    }
  },
  ownSlope: () => 0,
};
