"""entente's model (docs/model.md §5) as a Mesa 3 model: one mesa.Agent per actor.

Each tick the model applies the shocks and updates conditions and the market (what every
actor reads), every actor decides its commitments to each partner from the tick-start state
(`agents.do("decide")`), then all adopt them at once (`agents.do("advance")`), and the model
updates concessions and rhetoric. The arithmetic follows src/model/ operation for operation,
so that with the same random numbers the port writes the same pairs.csv (checked by
bench/peers/mesa/check.py).
"""

from __future__ import annotations

import math

import mesa

from shocks import KINDS, inducement

D = 6
FINANCE = 2
TRADE = 0


def decay(push: float) -> float:
    return 1.0 if push == 0 else math.exp(-max(0.0, push))


def saturate(base: float, push: float) -> float:
    return 1 - (1 - base) * decay(push)


def clamp01(x: float) -> float:
    return min(1.0, max(0.0, x))


# pairs.csv's values after tick and the pair (src/experiments/reporters.ts PAIR_REPORTERS), in order.
PAIR_VALUES = ["depth", "rhetoric", "trade_usd_bn", "channel", "divergence", "commitment_ab", "commitment_ba"]

class ActorAgent(mesa.Agent):
    """A state: it decides its commitment in each domain to each partner it has a tie to."""

    def __init__(self, model: EntenteModel, index: int) -> None:
        super().__init__(model)
        self.index = index
        cfg = model.cfg
        self.ties = [k for k in range(cfg["K"]) if cfg["tieFrom"][k] == index]

    def terms(self, k: int) -> list[float]:
        """Σ_m α_m term_m of tie k in each domain, in the mechanisms' order (src/model/mechanisms/)."""
        m = self.model
        cfg = m.cfg
        dom = m.domains
        c = m.commitment
        i = self.index
        j = cfg["tieTo"][k]
        p = cfg["tiePair"][k]
        kd = k * D
        out = [0.0] * D
        for name, weight in m.active:
            if name == "economicGain":
                clears = weight * (1 - m.dollar_access[j]) * (1 - m.params["informalChannel"]) * cfg["paymentComplementarity"][p] * m.volume[p]
                channel = m.channel[p]
                comp = cfg["complementarity"]
                pay = dom["payment"]
                for d in range(D):
                    term = weight * comp[p * D + d] * (1 - pay[d] + pay[d] * channel)
                    out[d] = out[d] + (term + clears if d == FINANCE else term)
            elif name == "strategicValue":
                base = (cfg["alignment"][p] + m.shared[p]) * (1 + m.partner_need_gain * m.need[j]) + cfg["stake"][
                    i * m.n + j
                ] * m.push_threat[j]
                v = dom["strategic"]
                for d in range(D):
                    out[d] = out[d] + weight * v[d] * base
            elif name == "abandonment":
                fear = weight * m.shared[p] * m.need[i]
                if fear != 0:
                    v = dom["strategic"]
                    for d in range(D):
                        out[d] = out[d] + fear * v[d]
            elif name == "sanctionExposure":
                if m.sanctioned[k]:
                    aversion = cfg["costAversion"][i]
                    for d in range(D):
                        out[d] = out[d] + -weight * (m.primary[kd + d] + aversion * m.third_party[kd + d])
            elif name == "rewardCondition":
                aversion = weight * cfg["costAversion"][i]
                for d in range(D):
                    out[d] = out[d] + -aversion * m.conditional[kd + d]
            elif name == "partnerRisk":
                risk = weight * cfg["exposureAversion"][i] * m.stress[j]
                if risk != 0:
                    f = dom["financialExposure"]
                    for d in range(D):
                        out[d] = out[d] + -risk * f[d]
            elif name == "reciprocity":
                norm = weight * cfg["commitmentNorm"][i]
                back = cfg["tieReverse"][k] * D
                for d in range(D):
                    out[d] = out[d] + norm * (c[back + d] - c[kd + d])
            elif name == "divergence":
                delta = weight * m.divergence[p]
                if delta != 0:
                    v = dom["strategic"]
                    for d in range(D):
                        out[d] = out[d] + -delta * v[d]
            elif name == "commitmentCost":
                aversion = weight * cfg["costAversion"][i]
                w = dom["cost"]
                for d in range(D):
                    out[d] = out[d] + -aversion * w[d] * c[kd + d]
            elif name == "inertia":
                for d in range(D):
                    out[d] = out[d] + -weight * c[kd + d]
            elif name == "autonomy":
                rise = m.dependence[k] - m.dependence0[k]
                if rise > 0:
                    u = -weight * rise
                    v = dom["strategic"]
                    for d in range(D):
                        out[d] = out[d] + u * v[d]
        return out

    def set_baseline(self) -> None:
        """The baseline valuation that makes the initial state a rest point (docs/model.md §5.1)."""
        for k in self.ties:
            for d, term in enumerate(self.terms(k)):
                self.model.baseline[k * D + d] = -term

    def decide(self) -> None:
        """A bounded step toward higher net marginal value, plus noise (src/model/decide.ts)."""
        m = self.model
        max_step = m.params["maxStep"]
        c, nxt, gain, baseline, shake = m.commitment, m.next, m.step_gain, m.baseline, m.shake
        for k in self.ties:
            terms = self.terms(k)
            for d in range(D):
                x = k * D + d
                net = baseline[x] + terms[d]
                move = min(max_step, max(-max_step, gain[x] * net))
                nxt[x] = clamp01(c[x] + (move + shake[x]))

    def advance(self) -> None:
        m = self.model
        for k in self.ties:
            m.commitment[k * D : k * D + D] = m.next[k * D : k * D + D]


OWN_SLOPE = {
    "commitmentCost": lambda cfg, w, k, d: -w * cfg["costAversion"][cfg["tieFrom"][k]] * cfg["domains"]["cost"][d],
    "reciprocity": lambda cfg, w, k, d: -w * cfg["commitmentNorm"][cfg["tieFrom"][k]],
    "inertia": lambda cfg, w, k, d: -w,
}
PARTNER_SLOPE = {"reciprocity": lambda cfg, w, k, d: w * cfg["commitmentNorm"][cfg["tieFrom"][k]]}


class EntenteModel(mesa.Model):
    """One replication of a resolved scenario (the JSON bench/peers/exportConfig writes)."""

    def __init__(self, cfg: dict, random_stream=None, seed: int | None = None) -> None:
        super().__init__(seed=seed)
        self.cfg = cfg
        self.params = cfg["params"]
        self.domains = cfg["domains"]
        self.partner_need_gain = self.params["partnerNeedGain"]
        n, K, P = cfg["n"], cfg["K"], cfg["P"]
        self.n, self.K, self.P = n, K, P
        # Mesa's own stream unless the caller feeds entente's (alea.Alea), which makes runs comparable bit for bit.
        self.draw = random_stream if random_stream is not None else self.random.random
        self.active = [
            (mech["name"], mech["weight"])
            for mech in cfg["mechanisms"]
            if not (mech["name"] == "rewardCondition" and self._no_conditional_reward())
        ]
        self._curvature()
        self._reset()
        self.datacollector = mesa.DataCollector(tables={"pairs": ["tick", "a", "b", *PAIR_VALUES]})
        for i in range(n):
            ActorAgent(self, i)
        self._initialise()

    def _no_conditional_reward(self) -> bool:
        return all(sh["kind"] != "inducement" or sh["conditionPartner"] < 0 for sh in self.cfg["shocks"])

    def _curvature(self) -> None:
        cfg = self.cfg
        eta = self.params["stepSize"]
        self.own_slope = [0.0] * (cfg["K"] * D)
        self.step_gain = [0.0] * (cfg["K"] * D)
        for k in range(cfg["K"]):
            for d in range(D):
                own = 0.0
                partner = 0.0
                for mech in cfg["mechanisms"]:
                    name, w = mech["name"], mech["weight"]
                    own += OWN_SLOPE[name](cfg, w, k, d) if name in OWN_SLOPE else 0
                    partner += PARTNER_SLOPE[name](cfg, w, k, d) if name in PARTNER_SLOPE else 0
                steepness = abs(own) + abs(partner)
                self.own_slope[k * D + d] = own
                self.step_gain[k * D + d] = 1 / steepness if eta * steepness > 1 else eta

    def _reset(self) -> None:
        cfg, n, K, P = self.cfg, self.n, self.K, self.P
        self.commitment = list(cfg["commitment0"])
        self.next = [0.0] * (K * D)
        self.baseline = [0.0] * (K * D)
        self.shake = [0.0] * (K * D)
        self.concession = [0.0] * K
        self.stress = list(cfg["stress0"])
        self.need = [0.0] * n
        self.dollar_access = [1.0] * n
        self.grievance = list(cfg["grievance0"])
        self.exposure = list(cfg["exposure0"])
        self.rhetoric = list(cfg["rhetoric0"])
        self.divergence = list(cfg["divergence0"])
        self.shared = [0.0] * P
        self.shared0 = [0.0] * P
        self.conventional = [0.0] * P
        self.channel = [0.0] * P
        self.exchange = list(cfg["exchange0"])
        self.own = list(cfg["exchange0"])
        self.redirected = [0.0] * (P * D)
        self.paid = [0.0] * P
        self.glut = [0.0] * n
        self.markdown = [0.0] * n
        self.volume = [1.0] * P
        self.trade = [0.0] * P
        self.in_force = [True] * len(cfg["shocks"])

    def _initialise(self) -> None:
        self._apply_shocks(-1)
        self._update_conditions()
        self.shared0 = list(self.shared)
        self.dependence = [0.0] * self.K
        if self._reads_dependence():
            self._update_dependence()
        self.dependence0 = list(self.dependence)
        self.agents.do("set_baseline")

    def _reads_dependence(self) -> bool:
        return any(name == "autonomy" for name, _ in self.active)

    def _update_dependence(self) -> None:
        """Each tie's share of its actor's critical supply (src/model/dependence.ts)."""
        cfg, n = self.cfg, self.n
        economy = cfg["economy"]
        supply = [0.0] * n
        for p in range(self.P):
            a, b = cfg["pairA"][p], cfg["pairB"][p]
            goods = self.exchange[p * D + TRADE] * self.channel[p]
            supply[a] += economy[b] * goods
            supply[b] += economy[a] * goods
        for k in range(self.K):
            p, i, j = cfg["tiePair"][k], cfg["tieFrom"][k], cfg["tieTo"][k]
            total = supply[i]
            self.dependence[k] = (economy[j] * self.exchange[p * D + TRADE] * self.channel[p]) / total if total > 0 else 0.0

    # -- the shock phase (src/model/shocks.ts) -------------------------------------------------

    def _reset_push(self) -> None:
        cfg, n, K, P = self.cfg, self.n, self.K, self.P
        self.push_stress = [0.0] * n
        self.push_need = [0.0] * n
        self.push_finance_cut = [0.0] * n
        self.push_threat = [0.0] * n
        self.push_shock_cost = [0.0] * n
        self.push_spend = [0.0] * n
        self.primary = [0.0] * (K * D)
        self.third_party = [0.0] * (K * D)
        self.sanctioned = [0] * K
        self.conditional = [0.0] * (K * D)
        self.barrier = [0.0] * (K * D)
        self.embargo = [0.0] * (K * D)
        self.coerced = [0.0] * (n * n)
        self.push_grievance = list(cfg["grievance0"])
        self.push_divergence = list(cfg["divergence0"])
        self.exposure = list(cfg["exposure0"])
        # What i would lose with s moves with what they still exchange.
        for p in range(P):
            if cfg["exchangePaid0"][p] == 0:
                continue
            x = self.volume[p]
            if x == 1:
                continue
            a, b = cfg["pairA"][p], cfg["pairB"][p]
            self.exposure[a * n + b] = self.exposure[a * n + b] * x
            self.exposure[b * n + a] = self.exposure[b * n + a] * x

    def _apply_shocks(self, t: int) -> None:
        self._reset_push()
        shocks = self.cfg["shocks"]
        for q in self.cfg["shockOrder"]:
            sh = shocks[q]
            if t < sh["at"] or t > sh["until"] or not self.in_force[q]:
                continue
            first = t == sh["at"]
            if sh["kind"] == "inducement":
                inducement(self, sh, t, first, q)
            else:
                KINDS[sh["kind"]](self, sh, t, first)
        if self.params["sanctionBlame"] > 0:
            self._blame()

    def _blame(self) -> None:
        """An actor coerced together with its partner blames the partnership (src/model/shocks.ts blame)."""
        cfg, n = self.cfg, self.n
        c = self.coerced
        for k in range(self.K):
            i, j = cfg["tieFrom"][k], cfg["tieTo"][k]
            both = 0.0
            for x in range(n):
                if x != i and x != j:
                    both += min(c[i * n + x], c[j * n + x])
            if both <= 0:
                continue
            self.sanctioned[k] = 1
            for d in range(D):
                self.third_party[k * D + d] += self.params["sanctionBlame"] * both

    # -- conditions (src/model/conditions.ts) and the market (src/model/market.ts) -------------

    def _update_conditions(self) -> None:
        cfg, n, P, params = self.cfg, self.n, self.P, self.params
        for i in range(n):
            self.stress[i] += params["stressRate"] * (saturate(cfg["stress0"][i], self.push_stress[i]) - self.stress[i])
            self.need[i] += params["needRate"] * (saturate(0, self.push_need[i]) - self.need[i])
            a = self.dollar_access[i]
            network = params["dollarNetwork"]
            self.dollar_access[i] += (
                params["dollarRate"] * (1 - network + network * (1 - a)) * (decay(params["dollarReach"] * self.push_finance_cut[i]) - a)
            )
        for x in range(n * n):
            self.grievance[x] += params["grievanceRate"] * (clamp01(self.push_grievance[x]) - self.grievance[x])
        rivals = [r for r in range(n) if any(self.grievance[i * n + r] > 0 for i in range(n))]
        for p in range(P):
            self.divergence[p] += params["divergenceRate"] * (max(0.0, self.push_divergence[p]) - self.divergence[p])
            a, b = cfg["pairA"][p], cfg["pairB"][p]
            total = 0.0
            for r in rivals:
                if r != a and r != b:
                    total += min(self.grievance[a * n + r], self.grievance[b * n + r])
            self.shared[p] = clamp01(total)
        self._update_exchange()
        self._pair_trade()

    def _openness(self):
        cfg, n, P = self.cfg, self.n, self.P
        pay, x0, appetite_of, sells, size_of = self.domains["payment"], cfg["exchange0"], cfg["appetite"], cfg["sells"], cfg["pairSize"]
        embargo = self.embargo
        self.open = open_ = [0.0] * (P * D)
        self.closed = closed = [0.0] * (n * D)
        self.appetite = appetite = [0.0] * (n * D)
        self.appetite_squared = appetite_squared = [0.0] * (n * D)
        self.offer = offer = [0.0] * (n * D)
        self.sourcing = sourcing = [0.0] * (n * D)
        self.wanted = wanted = [0.0] * (n * D)
        any_closed = False
        for p in range(P):
            a, b = cfg["pairA"][p], cfg["pairB"][p]
            kab, kba = cfg["pairAB"][p] * D, cfg["pairBA"][p] * D
            size = size_of[p]
            for d in range(D):
                if pay[d] == 0:
                    continue
                x = p * D + d
                o = decay(self.barrier[kab + d] + self.barrier[kba + d])
                open_[x] = o
                sold = sells[x]
                lost = x0[x] * (1 - o) * size
                if lost > 0:
                    any_closed = True
                closed[a * D + d] += lost * sold
                closed[b * D + d] += lost * (1 - sold)
                v_b = bids(appetite_of[b * D + d], embargo[kab + d] + embargo[kba + d]) * o * sold
                v_a = bids(appetite_of[a * D + d], embargo[kab + d] + embargo[kba + d]) * o * (1 - sold)
                appetite[a * D + d] += v_b
                appetite_squared[a * D + d] += v_b * v_b
                appetite[b * D + d] += v_a
                appetite_squared[b * D + d] += v_a * v_a
                sourcing[a * D + d] += self.sells(b, embargo[kab + d] + embargo[kba + d]) * o * (1 - sold)
                sourcing[b * D + d] += self.sells(a, embargo[kab + d] + embargo[kba + d]) * o * sold
        if not any_closed:
            return
        for p in range(P):
            a, b = cfg["pairA"][p], cfg["pairB"][p]
            kab, kba = cfg["pairAB"][p] * D, cfg["pairBA"][p] * D
            size = size_of[p]
            for d in range(D):
                if pay[d] == 0:
                    continue
                x = p * D + d
                o = open_[x]
                lost = x0[x] * (1 - o) * size
                if lost == 0:
                    continue
                sold = sells[x]
                offer[a * D + d] += per_other(lost * sold, appetite[a * D + d], bids(appetite_of[b * D + d], embargo[kab + d] + embargo[kba + d]) * o * sold)
                offer[b * D + d] += per_other(lost * (1 - sold), appetite[b * D + d], bids(appetite_of[a * D + d], embargo[kab + d] + embargo[kba + d]) * o * (1 - sold))
                wanted[a * D + d] += per_other(lost * (1 - sold), sourcing[a * D + d], self.sells(b, embargo[kab + d] + embargo[kba + d]) * o * (1 - sold))
                wanted[b * D + d] += per_other(lost * sold, sourcing[b * D + d], self.sells(a, embargo[kab + d] + embargo[kba + d]) * o * sold)

    def sells(self, j: int, embargo: float) -> float:
        """A seller's willingness to sell to a sanctioned buyer (src/model/market.ts sells)."""
        return 0.0 if embargo > 0 else self.cfg["economy"][j] * self.cfg["opportunism"][j]

    def _update_exchange(self) -> None:
        cfg, n, P, params = self.cfg, self.n, self.P, self.params
        need_gain, market_gain = params["needGain"], params["marketGain"]
        concession_gain, rate, redirection = params["concessionGain"], params["exchangeRate"], params["redirection"]
        pay, x0, appetite_of, sells, size_of = self.domains["payment"], cfg["exchange0"], cfg["appetite"], cfg["sells"], cfg["pairSize"]
        self._openness()
        open_, closed, appetite, offer, redirected = self.open, self.closed, self.appetite, self.offer, self.redirected
        sourcing, wanted = self.sourcing, self.wanted
        embargo = self.embargo
        received = [0.0] * (n * D)
        for p in range(P):
            a, b = cfg["pairA"][p], cfg["pairB"][p]
            kab, kba = cfg["pairAB"][p] * D, cfg["pairBA"][p] * D
            size = size_of[p]
            needed = 0.5 * (need_gain + market_gain) * (self.need[a] + self.need[b])
            discounted = 0.5 * concession_gain * (self.concession[cfg["pairBA"][p]] + self.concession[cfg["pairAB"][p]])
            paid = 0.0
            for d in range(D):
                pd = pay[d]
                if pd == 0:
                    continue
                x = p * D + d
                o = open_[x]
                follow(self.own, x, x0[x] * o * (1 + needed * o + discounted), rate)
                lost_here = x0[x] * (1 - o) * size
                sold = sells[x]
                v_b = bids(appetite_of[b * D + d], embargo[kab + d] + embargo[kba + d]) * o * sold
                v_a = bids(appetite_of[a * D + d], embargo[kab + d] + embargo[kba + d]) * o * (1 - sold)
                u_b = self.sells(b, embargo[kab + d] + embargo[kba + d]) * o * (1 - sold)
                u_a = self.sells(a, embargo[kab + d] + embargo[kba + d]) * o * sold
                from_a = v_b * (offer[a * D + d] - per_other(lost_here * sold, appetite[a * D + d], v_b))
                from_b = v_a * (offer[b * D + d] - per_other(lost_here * (1 - sold), appetite[b * D + d], v_a))
                for_a = u_b * (wanted[a * D + d] - per_other(lost_here * (1 - sold), sourcing[a * D + d], u_b))
                for_b = u_a * (wanted[b * D + d] - per_other(lost_here * sold, sourcing[b * D + d], u_a))
                total = from_a + from_b + for_a + for_b
                if total > 0 or redirected[x] != 0:
                    follow(redirected, x, (redirection * total) / size, rate)
                    if total > 0:
                        placed = redirected[x] * size
                        received[a * D + d] += (placed * from_a) / total
                        received[b * D + d] += (placed * from_b) / total
                exchange = self.own[x] + redirected[x]
                self.exchange[x] = exchange
                paid += pd * exchange
            self.paid[p] = paid
        for i in range(n):
            unplaced = 0.0
            markdown = 0.0
            for d in range(D):
                x = i * D + d
                left = closed[x] - received[x]
                if left <= 0:
                    continue
                unplaced += left
                all_ = appetite[x]
                h = self.appetite_squared[x] / all_ / all_ if all_ > 0 else 1.0
                markdown += left * (h if params["buyerPower"] == 1 else h ** params["buyerPower"])
            initial = cfg["sales0"][i]
            self.glut[i] = unplaced / initial if initial > 0 else 0.0
            self.markdown[i] = markdown / initial if initial > 0 else 0.0

    def _pair_trade(self) -> None:
        cfg, P, params = self.cfg, self.P, self.params
        c = self.commitment
        pay = self.domains["payment"]
        pay_sum = 0.0
        for d in range(D):
            pay_sum += pay[d]
        phi = params["financeForTrade"]
        for p in range(P):
            a, b = cfg["pairA"][p], cfg["pairB"][p]
            ab, ba = cfg["pairAB"][p] * D, cfg["pairBA"][p] * D
            conventional = min(self.dollar_access[a], self.dollar_access[b])
            mutual_finance = min(c[ab + FINANCE], c[ba + FINANCE])
            own = 0.0 if mutual_finance <= 0 else 1.0 if mutual_finance >= phi else mutual_finance / phi
            channel = 1 - (1 - conventional) * (1 - own) * (1 - params["informalChannel"])
            self.conventional[p] = conventional
            self.channel[p] = channel
            exchanged = self.paid[p]
            initial = cfg["exchangePaid0"][p]
            self.volume[p] = exchanged / initial if initial > 0 else 0.0
            self.trade[p] = (cfg["tradeScale"][p] * exchanged * channel) / pay_sum if pay_sum > 0 else 0.0

    # -- after commitments move (src/model/social.ts) -----------------------------------------

    def glut_target(self, k: int) -> float:
        """δ · opportunism_j · m_i (src/model/social.ts glutTarget)."""
        cfg = self.cfg
        return self.params["glutDiscount"] * cfg["opportunism"][cfg["tieTo"][k]] * self.markdown[cfg["tieFrom"][k]]

    def bid_of(self, k: int, t: int) -> float:
        """The counter-bid i pays j for each reward against i that j turned down (src/model/social.ts bids)."""
        cfg = self.cfg
        i, j = cfg["tieFrom"][k], cfg["tieTo"][k]
        bid = 0.0
        for q, sh in enumerate(cfg["shocks"]):
            if sh["conditionPartner"] != i or sh["target"] != j or self.in_force[q] or t < sh["at"] or t > sh["until"]:
                continue
            bid += self.params["counterBid"] * self.need[i] * sh["magnitude"][t]
        return bid

    def _update_concessions(self, t: int) -> None:
        rate, beta = self.params["concessionRate"], self.params["counterBid"]
        for k in range(self.K):
            target = self.glut_target(k)
            if beta > 0:
                target += self.bid_of(k, t)
            self.concession[k] = self.concession[k] + rate * (min(1, target) - self.concession[k])

    def _update_rhetoric(self) -> None:
        cfg = self.cfg
        rate, gain = self.params["rhetoricRate"], self.params["rhetoricGain"]
        for p in range(self.P):
            target = clamp01(
                cfg["rhetoric0"][p]
                + gain * (self.shared[p] - self.shared0[p])
                - gain * (self.divergence[p] - cfg["divergence0"][p])
            )
            self.rhetoric[p] = self.rhetoric[p] + rate * (target - self.rhetoric[p])

    def depth(self, p: int) -> float:
        """Σ_d w_d · min(c_ab,d, c_ba,d) / Σ_d w_d (src/model/state.ts pairDepth)."""
        cfg, c, w = self.cfg, self.commitment, self.domains["cost"]
        ab, ba = cfg["pairAB"][p] * D, cfg["pairBA"][p] * D
        total = 0.0
        for d in range(D):
            total += w[d] * min(c[ab + d], c[ba + d])
        den = 0.0
        for d in range(D):
            den += w[d]
        return total / den

    def committed(self, k: int) -> float:
        """Σ_d w_d · c_kd / Σ_d w_d: tie k's cost-weighted commitment (src/model/state.ts pairCommitments)."""
        c, w = self.commitment, self.domains["cost"]
        total = 0.0
        for d in range(D):
            total += w[d] * c[k * D + d]
        den = 0.0
        for d in range(D):
            den += w[d]
        return total / den

    def _noise(self) -> None:
        """Each tie-domain's shake, drawn in tie order as entente draws it."""
        spread = self.params["noise"] * math.sqrt(3)
        if spread > 0:
            draw = self.draw
            self.shake = [spread * (2 * draw() - 1) for _ in range(self.K * D)]

    def step(self) -> None:
        t = self.steps - 1  # Mesa counts steps from 1
        self._apply_shocks(t)
        self._update_conditions()
        if self._reads_dependence():
            self._update_dependence()
        self._noise()
        self.agents.do("decide")
        self.agents.do("advance")
        self._update_concessions(t)
        self._update_rhetoric()
        ids = self.cfg["actorIds"]
        for p in range(self.P):
            self.datacollector.add_table_row(
                "pairs",
                {
                    "tick": t,
                    "a": ids[self.cfg["pairA"][p]],
                    "b": ids[self.cfg["pairB"][p]],
                    "depth": self.depth(p),
                    "rhetoric": self.rhetoric[p],
                    "trade_usd_bn": self.trade[p],
                    "channel": self.channel[p],
                    "divergence": self.divergence[p],
                    "commitment_ab": self.committed(self.cfg["pairAB"][p]),
                    "commitment_ba": self.committed(self.cfg["pairBA"][p]),
                },
            )


def bids(w: float, embargo: float) -> float:
    """A buyer's appetite, or 0 while it sanctions the seller's exchange itself (src/model/market.ts bids)."""
    return 0.0 if embargo > 0 else w


def per_other(lost: float, all_: float, w: float) -> float:
    others = all_ - w
    return lost / others if others > 1e-12 * all_ else 0.0


def follow(x: list, at: int, target: float, rate: float) -> None:
    now = x[at]
    x[at] = target if target < now else now + rate * (target - now)
