"""The shock kinds (src/model/shocks/*.ts): each acts on the state of the tick it is in force."""

from __future__ import annotations

import math

D = 6
FINANCE, DEFENSE, MILITARY = 2, 3, 4


def war(m, sh, t, first):
    x = sh["magnitude"][t]
    m.push_need[sh["actor"]] += x
    m.push_stress[sh["actor"]] += 0.5 * x


def economic_shock(m, sh, t, first):
    m.push_stress[sh["actor"]] += sh["magnitude"][t]


def sanctions(m, sh, t, first):
    cfg, n = m.cfg, m.n
    sender, target = sh["actor"], sh["target"]
    pressure = sh["magnitude"][t] * sh["enforcement"][t]
    economy = cfg["economy"]
    share = economy[sender] / (economy[sender] + economy[target])
    m.push_stress[target] += pressure * share
    m.push_need[target] += pressure * share
    mask = sh["domainMask"]
    if mask[FINANCE]:
        m.push_finance_cut[target] += pressure
    m.push_grievance[target * n + sender] += pressure
    m.coerced[target * n + sender] += pressure
    k = cfg["tieOf"][sender * n + target]
    if k < 0:
        return
    if sh["onExchange"]:
        for d in range(D):
            if mask[d]:
                m.barrier[k * D + d] += pressure
                m.embargo[k * D + d] += pressure
    if not sh["onCommitment"]:
        return
    m.sanctioned[k] = 1
    p = cfg["tiePair"][k]
    for d in range(D):
        if not mask[d]:
            continue
        m.primary[k * D + d] += pressure
        m.push_shock_cost[sender] += pressure * cfg["complementarity"][p * D + d] * cfg["commitment0"][k * D + d]
        if first:
            m.commitment[k * D + d] = m.commitment[k * D + d] * (1 - sh["magnitude"][t])


def secondary_sanctions(m, sh, t, first):
    cfg, n = m.cfg, m.n
    pressure = sh["magnitude"][t] * sh["enforcement"][t]
    mask = sh["domainMask"]
    start, end = cfg["incomingStart"][sh["target"]], cfg["incomingStart"][sh["target"] + 1]
    for x in range(start, end):
        k = cfg["incomingTies"][x]
        i = cfg["tieFrom"][k]
        if i == sh["actor"]:
            continue
        exposed = pressure * m.exposure[i * n + sh["actor"]]
        if sh["onExchange"]:
            for d in range(D):
                if mask[d]:
                    m.barrier[k * D + d] += exposed
        if not sh["onCommitment"]:
            continue
        m.sanctioned[k] = 1
        if cfg["params"]["secondaryGrievance"] > 0:
            m.push_grievance[i * n + sh["actor"]] += cfg["params"]["secondaryGrievance"] * exposed
        for d in range(D):
            if mask[d]:
                m.third_party[k * D + d] += exposed


def compliance_cost(m, sh):
    """What complying with a conditional inducement would cost its target (shocks/inducement.ts)."""
    cfg = m.cfg
    k = cfg["tieOf"][sh["target"] * m.n + sh["conditionPartner"]]
    if k < 0:
        return 0.0
    excess = 0.0
    give = 0.0
    for d in range(D):
        if not sh["conditionMask"][d]:
            continue
        excess += m.commitment[k * D + d] - sh["conditionMax"]
        slope = abs(m.own_slope[k * D + d])
        give += 1 / slope if slope > 0 else math.inf
    return (0.5 * excess * excess) / give if excess > 0 and math.isfinite(give) else 0.0


def counter_bid_worth(m, sh, x):
    """What the partner's counter-bid to an offer of size x is worth to the target (shocks/inducement.ts)."""
    cfg = m.cfg
    beta = m.params["counterBid"]
    if beta == 0:
        return 0.0
    a, b = sh["target"], sh["conditionPartner"]
    back = cfg["tieOf"][b * m.n + a]
    if back < 0:
        return 0.0
    glut = m.glut_target(back)
    raised = min(1, glut + beta * m.need[b] * x) - min(1, glut)
    gain = next((mech["weight"] for mech in cfg["mechanisms"] if mech["name"] == "economicGain"), 0)
    p = cfg["tiePair"][back]
    pay, channel = m.domains["payment"], m.channel[p]
    worth = 0.0
    for d in range(D):
        pd = pay[d]
        worth += cfg["complementarity"][p * D + d] * (1 - pd + pd * channel) * m.exchange[p * D + d]
    return gain * m.params["concessionGain"] * raised * worth


def inducement(m, sh, t, first, q):
    cfg, n = m.cfg, m.n
    x = sh["magnitude"][t]
    if sh["conditionPartner"] >= 0:
        k = cfg["tieOf"][sh["target"] * n + sh["conditionPartner"]]
        if k >= 0 and cfg["params"]["inducementPrice"] * x < compliance_cost(m, sh) + counter_bid_worth(m, sh, x):
            m.in_force[q] = False
            return
        if k >= 0:
            for d in range(D):
                if sh["conditionMask"][d]:
                    m.conditional[k * D + d] += x
        if k >= 0 and cfg["params"]["orbitRivalry"] > 0:
            partner = sh["conditionPartner"]
            for h in range(n):
                if h in (sh["actor"], sh["target"], partner):
                    continue
                stake = cfg["stake"][h * n + sh["target"]]
                p = cfg["pairOf"][h * n + partner]
                if stake > 0 and p >= 0:
                    m.push_divergence[p] += cfg["params"]["orbitRivalry"] * x * stake
    m.exposure[sh["target"] * n + sh["actor"]] += x
    m.push_grievance[sh["target"] * n + sh["actor"]] -= x
    m.push_shock_cost[sh["actor"]] += x
    m.push_spend[sh["actor"]] += x


def _reliance(c, k):
    return 0.0 if k < 0 else c[k * D + DEFENSE] + c[k * D + MILITARY]


def sovereignty_challenge(m, sh, t, first):
    cfg, n = m.cfg, m.n
    k = cfg["tieOf"][sh["target"] * n + sh["actor"]]
    initial = _reliance(cfg["commitment0"], k)
    bite = sh["magnitude"][t] * min(1, _reliance(m.commitment, k) / initial) if initial > 0 else 0.0
    m.push_threat[sh["target"]] += bite
    for i in range(n):
        stake = cfg["stake"][i * n + sh["target"]]
        p = cfg["pairOf"][i * n + sh["actor"]]
        if i != sh["actor"] and stake > 0 and p >= 0:
            m.push_divergence[p] += bite * stake


def summit(m, sh, t, first):
    p = m.cfg["pairOf"][sh["actor"] * m.n + sh["target"]]
    if first and p >= 0:
        m.rhetoric[p] += sh["magnitude"][t] * (1 - m.rhetoric[p])


KINDS = {
    "war": war,
    "sanctions": sanctions,
    "secondarySanctions": secondary_sanctions,
    "sovereigntyChallenge": sovereignty_challenge,
    "summit": summit,
    "economicShock": economic_shock,
}
