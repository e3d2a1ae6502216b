/**
 * The mutable state of one run, struct-of-arrays. Allocated once per
 * (config, worker) and reset for each replication, so the tick loop never
 * allocates. Shapes: n actors, K ties, P pairs, D domains, M mechanisms.
 */
import type { ModelConfig } from './config.js';
import { D } from './domains.js';

export interface ModelState {
  t: number;
  /** c[k*D+d]: commitment of tie k's `from` to its `to` in domain d. */
  readonly commitment: Float64Array;
  /** Commitments being decided this tick; swapped in when every block is done (a synchronous update). */
  readonly next: Float64Array;
  /**
   * Scratch for one block of ties: the sum of every mechanism's term,
   * termSum[(k − k0) * D + d], added up in registry order as the mechanisms run.
   */
  readonly termSum: Float64Array;
  /**
   * contributions[m*K*D + k*D + d]: mechanism m's term this tick, kept by a tap (model/terms.ts, model/taps.ts) only
   * when asked for (contributions.csv): at 200 actors it is large, and summary runs need not touch it.
   */
  readonly contributions: Float64Array | undefined;
  /** Σ_m ∂term_m,kd/∂c_kd of the config being run (model/curvature.ts), set by initialisation: what complying with a condition costs. */
  ownSlope: Float64Array;
  /** b[k*D+d]: the baseline valuation that makes the initial state a rest point (docs/model.md §5.1). */
  readonly baseline: Float64Array;
  /** concession[k]: what tie k's `from` concedes to its `to` (price discounts, terms). */
  readonly concession: Float64Array;
  /** dependence[k]: tie k's `from` on its `to`; an output, filled only by updateDependence (model/dependence.ts). */
  readonly dependence: Float64Array;
  /** dependence0[k]: tie k's dependence on the initial state (set by initialise where a mechanism reads dependence). */
  readonly dependence0: Float64Array;

  readonly stress: Float64Array;
  readonly need: Float64Array;
  readonly dollarAccess: Float64Array;
  /** e^(−push) of each actor's stress, need and finance-cut push, with the push it was taken of (model/arrays.ts decayMemo). */
  readonly decayMemo: Float64Array;
  readonly costBorne: Float64Array;
  /**
   * welfare[i]: what the commitments i holds are worth to it this tick, less the
   * transfers it makes, kept by a tap (model/welfare.ts) only when asked for: it costs a
   * second pass over every block's terms.
   */
  readonly welfare: Float64Array | undefined;
  readonly grievance: Float64Array;
  readonly exposure: Float64Array;
  /** Scratch: actors someone holds a grievance against, this tick. */
  readonly rivals: Int32Array;

  readonly rhetoric: Float64Array;
  readonly divergence: Float64Array;
  readonly shared: Float64Array;
  readonly shared0: Float64Array;
  /** Dollar-system access of the pair (the lesser of the two), before its own finance ties. */
  readonly conventional: Float64Array;
  readonly channel: Float64Array;
  /** x[p*D+d]: the pair's exchange in each payment-bound domain, in units of mutual commitment (model/market.ts). */
  readonly exchange: Float64Array;
  /** The two parts of exchange: the pair's own, and what sanctions elsewhere redirected to it. */
  readonly own: Float64Array;
  /** glut[i]: the share of i's initial sales that sanctions closed and no buyer has taken yet. */
  readonly glut: Float64Array;
  /** markdown[i]: i's glut with each domain weighted by its buyers' concentration (model/market.ts); the discount follows it. */
  readonly markdown: Float64Array;
  /** bid[k]: the counter-bid tie k's `from` pays its `to` this tick (model/social.ts bids); 0 without a counter-bid. */
  readonly bid: Float64Array;
  /** The market's per-tick scratch (model/market.ts): open[p*D+d], closed, appetite, offer and received [i*D+d]; redirected is state. */
  readonly market: {
    readonly open: Float64Array;
    /** The barrier sum open[p*D+d] was computed from (NaN: none yet), so an unchanged barrier costs no exp. */
    readonly openFrom: Float64Array;
    readonly closed: Float64Array;
    readonly appetite: Float64Array;
    /** Σ_j v_ij² [i*D+d]: with appetite, the concentration of i's buyers. */
    readonly appetiteSquared: Float64Array;
    /** offer[i*D+d] = Σ_q lost_q / (A_i − v_q): i's closed sales per unit of appetite of the buyers it did not lose them with. */
    readonly offer: Float64Array;
    /**
     * Per pair and payment-bound domain [p*D+d], this tick: b's and a's appetite for the other's goods
     * (v_b, v_a) and b's and a's willingness to sell to the other (u_b, u_a), computed once (model/market.ts).
     */
    readonly buyB: Float64Array;
    readonly buyA: Float64Array;
    readonly sellB: Float64Array;
    readonly sellA: Float64Array;
    /** sourcing[i*D+d] = Σ_j u_j: the willingness of i's sellers to sell to it (model/market.ts). */
    readonly sourcing: Float64Array;
    /** wanted[i*D+d]: i's closed purchases per unit of willingness of the sellers it did not lose them with. */
    readonly wanted: Float64Array;
    readonly received: Float64Array;
    readonly redirected: Float64Array;
    /** Σ_d pay_d x_pd of each pair this tick: the exchange its trade is made of. */
    readonly paid: Float64Array;
  };
  /** The pair's payment-bound exchange relative to its initial exchange (1 at the start; 0 if it had none). */
  readonly volume: Float64Array;
  readonly trade: Float64Array;
  /** Scratch: each actor's critical supply from all its partners, this tick (conditions.ts, dependence). */
  readonly supply: Float64Array;

  /** What the active shocks press on this tick (reset every tick by the shock phase). */
  readonly push: {
    /** One buffer holding stress … conditional below, so a tick resets them with one fill. */
    readonly zeroed: Float64Array;
    readonly stress: Float64Array;
    readonly need: Float64Array;
    readonly financeCut: Float64Array;
    readonly threat: Float64Array;
    readonly shockCost: Float64Array;
    /** What each actor pays out this tick in inducements (a transfer, part of shockCost). */
    readonly spend: Float64Array;
    readonly grievance: Float64Array;
    readonly divergence: Float64Array;
    readonly primary: Float64Array;
    readonly thirdParty: Float64Array;
    /**
     * sanctioned[k] is 1 where primary or thirdParty of tie k was added to this tick. A tie
     * without it has no sanction-exposure term, which lets that mechanism skip it.
     */
    readonly sanctioned: Float64Array;
    readonly conditional: Float64Array;
    /** barrier[k*D+d]: sanctions barring the exchange of tie k's pair in d (the sender's own and third parties'). */
    readonly barrier: Float64Array;
    /** embargo[k*D+d]: the part of barrier that tie k's `from` imposes itself (sanctions it sends): it bids for none of its target's glut. */
    readonly embargo: Float64Array;
    /** coerced[j*n+s]: the pressure of sender s's sanctions on j this tick (what blame reads, shocks.ts). */
    readonly coerced: Float64Array;
  };
  /** 1 while a shock is in force; a conditional inducement drops to 0 when withdrawn. */
  readonly inForce: Uint8Array;
}

/** Ties per block: a block's terms (256 × D doubles, 12 KB) stay in L1 cache between the mechanisms and the decision step. */
export const TIE_BLOCK = 256;

function pushArrays(n: number, K: number, P: number): ModelState['push'] {
  const sizes = {
    stress: n,
    need: n,
    financeCut: n,
    threat: n,
    shockCost: n,
    spend: n,
    primary: K * D,
    thirdParty: K * D,
    sanctioned: K,
    conditional: K * D,
    barrier: K * D,
    embargo: K * D,
    coerced: n * n,
  };
  const zeroed = new Float64Array(Object.values(sizes).reduce((a, b) => a + b, 0));
  let offset = 0;
  const view = (len: number) => {
    const part = zeroed.subarray(offset, offset + len);
    offset += len;
    return part;
  };
  return {
    zeroed,
    stress: view(sizes.stress),
    need: view(sizes.need),
    financeCut: view(sizes.financeCut),
    threat: view(sizes.threat),
    shockCost: view(sizes.shockCost),
    spend: view(sizes.spend),
    primary: view(sizes.primary),
    thirdParty: view(sizes.thirdParty),
    sanctioned: view(sizes.sanctioned),
    conditional: view(sizes.conditional),
    barrier: view(sizes.barrier),
    embargo: view(sizes.embargo),
    coerced: view(sizes.coerced),
    grievance: new Float64Array(n * n),
    divergence: new Float64Array(P),
  };
}

export interface StateOptions {
  /** Keep every mechanism's term per tie-domain (contributions.csv). */
  readonly contributions?: boolean;
  /** Compute actors' welfare each tick (actors.csv, compare's sender welfare). */
  readonly welfare?: boolean;
}

export function createState(cfg: ModelConfig, options: StateOptions = {}): ModelState {
  const { n, K, P } = cfg;
  const f = (len: number) => new Float64Array(len);
  return {
    t: 0,
    commitment: f(K * D),
    next: f(K * D),
    termSum: f(TIE_BLOCK * D),
    contributions: options.contributions ? f(cfg.mechanisms.length * K * D) : undefined,
    ownSlope: f(0),
    baseline: f(K * D),
    concession: f(K),
    dependence: f(K),
    dependence0: f(K),
    stress: f(n),
    need: f(n),
    dollarAccess: f(n),
    decayMemo: f(6 * n).fill(Number.NaN),
    costBorne: f(n),
    welfare: options.welfare ? f(n) : undefined,
    grievance: f(n * n),
    exposure: f(n * n),
    rivals: new Int32Array(n),
    rhetoric: f(P),
    divergence: f(P),
    shared: f(P),
    shared0: f(P),
    conventional: f(P),
    channel: f(P),
    exchange: f(P * D),
    own: f(P * D),
    glut: f(n),
    markdown: f(n),
    bid: f(K),
    market: {
      open: f(P * D),
      openFrom: f(P * D).fill(Number.NaN),
      closed: f(n * D),
      appetite: f(n * D),
      appetiteSquared: f(n * D),
      offer: f(n * D),
      buyB: f(P * D),
      buyA: f(P * D),
      sellB: f(P * D),
      sellA: f(P * D),
      sourcing: f(n * D),
      wanted: f(n * D),
      received: f(n * D),
      redirected: f(P * D),
      paid: f(P),
    },
    volume: f(P),
    trade: f(P),
    supply: f(n),
    push: pushArrays(n, K, P),
    inForce: new Uint8Array(cfg.shocks.length),
  };
}

/**
 * `previous` again if it was made for configs of cfg's shape (actors, ties, pairs,
 * mechanisms, shocks) with these options, else a new state: a sweep's points share one
 * state instead of allocating some thirty arrays each. Everything a run reads is reset by
 * initialisation or written before it is read, except welfare's slopes, which are
 * per config and so are marked to be recomputed.
 */
export function stateFor(cfg: ModelConfig, previous: ModelState | undefined, options: StateOptions = {}): ModelState {
  const fits =
    previous !== undefined &&
    previous.stress.length === cfg.n &&
    previous.commitment.length === cfg.K * D &&
    previous.rhetoric.length === cfg.P &&
    previous.inForce.length === cfg.shocks.length &&
    (previous.contributions?.length ?? 0) === (options.contributions ? cfg.mechanisms.length * cfg.K * D : 0) &&
    (previous.welfare !== undefined) === (options.welfare === true);
  if (!fits) return createState(cfg, options);
  return previous;
}

/** Initial values from the config; derived quantities are set by the first condition update. */
export function resetState(cfg: ModelConfig, s: ModelState): void {
  s.t = 0;
  s.commitment.set(cfg.commitment0);
  s.contributions?.fill(0);
  s.baseline.fill(0);
  s.concession.fill(0);
  s.stress.set(cfg.stress0);
  s.need.fill(0);
  s.dollarAccess.fill(1);
  s.decayMemo.fill(Number.NaN);
  s.costBorne.fill(0);
  s.welfare?.fill(0);
  s.grievance.set(cfg.grievance0);
  s.exposure.set(cfg.exposure0);
  s.rhetoric.set(cfg.rhetoric0);
  s.divergence.set(cfg.divergence0);
  s.exchange.set(cfg.exchange0);
  s.volume.fill(1);
  s.own.set(cfg.exchange0);
  s.market.redirected.fill(0);
  s.market.openFrom.fill(Number.NaN);
  s.glut.fill(0);
  s.markdown.fill(0);
  s.bid.fill(0);
  s.inForce.fill(1);
}
