/**
 * The fully resolved model configuration: ids are indices, expressions are
 * per-tick tables, defaults are filled in. Plain data and typed arrays only, so
 * it can be posted to worker threads by structured clone and read in the hot
 * loop without a string or Map lookup. Ties are directed and indexed k; tie k's
 * domain d lives at k * D + d. Actor-by-actor matrices are indexed i * n + j.
 */
import type { MechanismName, ModelParams } from './parameters.js';

export interface ShockConfig {
  readonly id: string;
  /** The kind's name, and its index in the registry (model/shocks/index.ts). */
  readonly kind: string;
  readonly kindIndex: number;
  /** First and last tick (inclusive) at which the shock is active. */
  readonly at: number;
  readonly until: number;
  /** war/economicShock: the actor; sanctions/inducement: sender; sovereigntyChallenge: challenger; summit: a. */
  readonly actor: number;
  /** sanctions/inducement/sovereigntyChallenge: target; summit: b; otherwise -1. */
  readonly target: number;
  /** 1 for each domain the shock names (sanctions); all 1 where it names none. */
  readonly domainMask: Uint8Array;
  /** intensity, severity or size at each tick. */
  readonly magnitude: Float64Array;
  /** enforcement at each tick (1 where the kind has none). */
  readonly enforcement: Float64Array;
  /** Conditional inducement: the partner, its domains and the bound; partner -1 if unconditional. */
  readonly conditionPartner: number;
  readonly conditionMask: Uint8Array;
  readonly conditionMax: number;
  /** Sanctions: whether the shock bars exchange (model/market.ts) and whether it presses on commitments (sanction exposure). */
  readonly onExchange: boolean;
  readonly onCommitment: boolean;
}

export interface DomainTable {
  readonly cost: Float64Array;
  readonly financialExposure: Float64Array;
  readonly strategic: Float64Array;
  readonly payment: Float64Array;
  /** The domains d with payment[d] ≠ 0, in order: the market's loops visit only these. */
  readonly paymentDomains: Int32Array;
}

export interface ModelConfig {
  readonly name: string;
  readonly ticks: number;
  readonly start: string | undefined;
  readonly params: ModelParams;
  readonly mechanisms: readonly { readonly name: MechanismName; readonly weight: number }[];
  readonly domains: DomainTable;

  readonly n: number;
  readonly actorIds: readonly string[];
  readonly economy: Float64Array;
  readonly costAversion: Float64Array;
  readonly exposureAversion: Float64Array;
  readonly opportunism: Float64Array;
  /**
   * e[i*D+d] in [−1, 1]: actor i's net trade position in domain d, (exports − imports) / (exports +
   * imports): +1 only sells, −1 only buys, 0 balanced (the default). It gives each pair's exchange a
   * direction (model/marketArrays.ts sells).
   */
  readonly netExports: Float64Array;
  /** m[i*D+d] ≥ 0: what actor i imports in domain d per unit of its economy, relative to the world's (1, the default). */
  readonly importIntensity: Float64Array;
  readonly commitmentNorm: Float64Array;
  readonly stress0: Float64Array;
  readonly grievance0: Float64Array;
  readonly exposure0: Float64Array;
  readonly stake: Float64Array;

  readonly K: number;
  readonly tieFrom: Int32Array;
  readonly tieTo: Int32Array;
  readonly tieReverse: Int32Array;
  readonly tiePair: Int32Array;
  readonly commitment0: Float64Array;
  /** tieOf[i * n + j]: the tie i→j, or -1. pairOf likewise for the unordered pair. */
  readonly tieOf: Int32Array;
  readonly pairOf: Int32Array;
  /** Ties grouped by their `to` actor: incomingTies[incomingStart[j] .. incomingStart[j+1]). */
  readonly incomingStart: Int32Array;
  readonly incomingTies: Int32Array;

  readonly P: number;
  readonly pairA: Int32Array;
  readonly pairB: Int32Array;
  /** The tie a→b and b→a of each pair. */
  readonly pairAB: Int32Array;
  readonly pairBA: Int32Array;
  readonly alignment: Float64Array;
  readonly rhetoric0: Float64Array;
  readonly divergence0: Float64Array;
  readonly complementarity: Float64Array;
  /** Mean complementarity over payment-bound domains: the trade a payment channel carries. */
  readonly paymentComplementarity: Float64Array;
  /** τ·√(E_a E_b) of each pair: the gravity factor of its realised trade, fixed for a run. */
  readonly tradeScale: Float64Array;
  /**
   * x0[p*D+d]: the pair's initial exchange in each payment-bound domain (0 in the others), the mutual
   * commitment that carried its trade when the scenario starts (docs/model.md §5.3).
   */
  readonly exchange0: Float64Array;
  /** √(E_a E_b) of each pair: what a unit of its exchange is worth, so exchange moved between pairs keeps its value. */
  readonly pairSize: Float64Array;
  /** σ[p*D+d] = x_a m_b / (x_a m_b + x_b m_a), x = (1 + e)/2, m = (1 − e)/2: the share of the pair's exchange in d that a sells to b. */
  readonly sells: Float64Array;
  /** S_i = Σ_{p ∋ i, d} σ_i x0_pd √(E_a E_b): the worth of all actor i sold at the start, the denominator of its glut. */
  readonly sales0: Float64Array;
  /** Σ_d pay_d x0_pd of each pair: the denominator of its exchange volume X_p. */
  readonly exchangePaid0: Float64Array;
  /**
   * w[i*D+d] = E_i · opportunism_i · importIntensity_id: actor i's appetite as a buyer of a sanctioned
   * seller's exchange in domain d (model/market.ts).
   */
  readonly appetite: Float64Array;
  /** u[i] = E_i · opportunism_i: actor i's willingness to sell to a sanctioned buyer (model/market.ts). */
  readonly willingness: Float64Array;

  readonly shocks: readonly ShockConfig[];
  /** Shock indices in the order the shock phase applies them: inducements first (their exposure feeds secondary sanctions). */
  readonly shockOrder: Int32Array;
}
