/**
 * Model-wide parameters with their defaults. A scenario's `model:` block
 * overrides any of them (and `--set model.NAME=VALUE`). Symbols match
 * docs/model.md §4, where each one's meaning and source are given.
 */
export const DEFAULT_MODEL_PARAMS = {
  /** η: commitment moves by η × (net marginal value) per tick. */
  stepSize: 0.5,
  /** Δmax: the largest change of one commitment in one tick. */
  maxStep: 0.05,
  /** σ: standard deviation of the per-tick commitment noise (uniform). */
  noise: 0.004,
  /** ρ_s: monthly adjustment rate of stress toward its target. */
  stressRate: 0.25,
  /** ρ_n: monthly adjustment rate of need toward its target. */
  needRate: 0.25,
  /** ρ_g: monthly adjustment rate of grievance toward its target. */
  grievanceRate: 0.1,
  /** ρ_v: monthly adjustment rate of a pair's divergence toward its target. */
  divergenceRate: 0.1,
  /** ρ_c: monthly adjustment rate of concessions toward their target. */
  concessionRate: 0.15,
  /** ρ_r: monthly adjustment rate of rhetoric toward its target. */
  rhetoricRate: 0.2,
  /** γ: how strongly shared grievance and divergence move rhetoric. */
  rhetoricGain: 0.5,
  /** ν: how much an actor's need for substitutes raises its exchange with any partner. */
  needGain: 1.0,
  /** μ: how much a partner's need raises exchange with it (its market opens as others leave). */
  marketGain: 0.5,
  /** λ: how much a partner's need raises the strategic value of committing to it. */
  partnerNeedGain: 0.3,
  /** κ: how much concessions received raise exchange (discounted crude is bought in volume). */
  concessionGain: 1.0,
  /** ρ_x: monthly rate at which exchange grows toward its target (new buyers and routes take months). */
  exchangeRate: 0.1,
  /** ψ: the share of a sanctioned seller's closed exchange that its open partners can take up. */
  redirection: 0.8,
  /** δ: the discount (share of the price) a seller concedes per unit of glut, to the most opportunistic buyer. */
  glutDiscount: 1,
  /**
   * κ: how far the concentration of a seller's remaining buyers sets its markdown, H^κ (1: Cournot
   * oligopsony, the markdown is H over the supply elasticity; 0: the glut alone, whoever the buyers
   * are). A rival structure, judged by the patterns it reproduces (docs/model.md §10.2).
   */
  buyerPower: 1,
  /** θ: how far a unit of financial sanctions cuts the target's dollar access (the reach of dollar jurisdiction). */
  dollarReach: 1,
  /** ρ_a: monthly rate at which dollar access moves to what sanctions leave (1: at once). */
  dollarRate: 1,
  /**
   * β_a: how much a bank's exit from dollar relationships speeds up as others' have gone (strategic
   * complementarity in the settlement currency): access moves at ρ_a ((1 − β_a) + β_a (1 − a)), an
   * S-shaped exit. 0 (first-order lag) by default: a rival structure, judged by the patterns it
   * reproduces across its posterior (docs/model.md §10.2).
   */
  dollarNetwork: 0,
  /** φ: mutual finance commitment that carries a pair's trade without dollar access. */
  financeForTrade: 0.15,
  /** ω: share of a pair's trade that clears outside both (third-country intermediaries, barter). */
  informalChannel: 0.3,
  /** τ: realised trade in USD bn per unit of mutual commitment and √(E_a E_b) (E in USD tn). */
  gravity: 80,
  /**
   * p_I: value the sender gives up per unit of inducement size per tick, in the units of
   * marginal value (welfare only; no decision reads it). 0.1 = what a full, perfectly
   * complementary commitment in one domain earns (α_E). Unknown: sweep it.
   */
  inducementPrice: 0.1,
  /**
   * β: the partner's counter-bid (Crawford 2011). When an outside power offers j a reward on
   * condition that j scale back its ties to i, i raises the discount it concedes to j by
   * β · need_i · (the reward's size), at a cost it bears, and j weighs what it would lose of it
   * against the reward. 0 (no counter-bid) by default: no datum identifies it; sweep it.
   */
  counterBid: 0,
  /**
   * γ_S: how much a third party pressed by secondary sanctions resents their sender, per unit of
   * the pressure it bears (Beijing's protests at US penalties on its banks): its grievance against
   * the sender rises, which a partner against the same rival turns into strategic value. 0 by
   * default: no datum identifies it; sweep it.
   */
  secondaryGrievance: 0,
  /**
   * ρ_V: how much a conditional reward that pulls its target out of its partner's orbit sets that
   * partner at odds with the others who hold a stake in the target: they compete to fill the
   * place it leaves (China and Russia in Central Asia). Divergence of pair {i, partner} rises by
   * ρ_V · size · stake_i,target while the reward is taken. 0 by default: no datum identifies it.
   */
  orbitRivalry: 0,
  /**
   * λ_B: how much an actor that a sender coerces together with its partner blames the partnership:
   * each tick, the tie to the partner bears third-party pressure λ_B · Σ_s min(π_s→i, π_s→partner) in
   * every domain (the sender's reason for coercing both is the partnership). 0 by default: no datum
   * identifies it.
   */
  sanctionBlame: 0,
} as const;

export type ModelParamName = keyof typeof DEFAULT_MODEL_PARAMS;

/**
 * The largest value each parameter may take (the smallest is 0): rates and
 * shares are fractions; gains and weights are bounded far above any value
 * that makes sense, but low enough that no product of them can overflow.
 * docs/model.md §4 gives the same table.
 */
export const MODEL_PARAM_MAX: Readonly<Record<ModelParamName, number>> = {
  stepSize: 10,
  maxStep: 1,
  noise: 1,
  stressRate: 1,
  needRate: 1,
  grievanceRate: 1,
  divergenceRate: 1,
  concessionRate: 1,
  rhetoricRate: 1,
  rhetoricGain: 100,
  needGain: 100,
  marketGain: 100,
  partnerNeedGain: 100,
  concessionGain: 100,
  exchangeRate: 1,
  redirection: 1,
  glutDiscount: 100,
  buyerPower: 10,
  dollarReach: 100,
  dollarRate: 1,
  dollarNetwork: 1,
  financeForTrade: 1,
  informalChannel: 1,
  gravity: 10_000,
  inducementPrice: 100,
  counterBid: 100,
  secondaryGrievance: 100,
  orbitRivalry: 100,
  sanctionBlame: 100,
};

/** The largest weight of any mechanism. */
export const MECHANISM_WEIGHT_MAX = 100;
/** The largest domain cost c_d. */
export const DOMAIN_COST_MAX = 100;
/** The largest economy (GDP, USD tn): about ten times today's world. */
export const ECONOMY_MAX = 1000;
export type ModelParams = { readonly [K in ModelParamName]: number };

export const MECHANISM_NAMES = [
  'economicGain',
  'strategicValue',
  'abandonment',
  'sanctionExposure',
  'rewardCondition',
  'partnerRisk',
  'reciprocity',
  'divergence',
  'commitmentCost',
  'inertia',
  'autonomy',
] as const;
export type MechanismName = (typeof MECHANISM_NAMES)[number];

/** α_m: the weight of each mechanism; 0 switches it off. */
export const DEFAULT_MECHANISM_WEIGHTS: Readonly<Record<MechanismName, number>> = {
  economicGain: 0.1,
  strategicValue: 0.1,
  abandonment: 0.1,
  sanctionExposure: 0.5,
  rewardCondition: 0.5,
  partnerRisk: 0.15,
  reciprocity: 0.2,
  divergence: 0.1,
  commitmentCost: 0.3,
  inertia: 0.02,
  autonomy: 0,
};
