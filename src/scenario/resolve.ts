/**
 * Scenario (validated shape) → ModelConfig. Every cross-reference is checked
 * here, where ids become indices: unknown actors, self-ties, duplicate ties,
 * pairs and shock ids, shocks outside the tick range, bad expressions.
 */
import type { ModelConfig, ShockConfig } from '../model/config.js';
import { D, DEFAULT_DOMAIN_PARAMS, DOMAINS, type Domain, domainIndex } from '../model/domains.js';
import { marketArrays } from '../model/marketArrays.js';
import { DEFAULT_MECHANISM_WEIGHTS, DEFAULT_MODEL_PARAMS, MECHANISM_NAMES, type ModelParamName } from '../model/parameters.js';
import { SHOCK_KINDS } from '../model/shocks/index.js';
import { type Locate, type PlacedShock, Resolver } from './resolver.js';
import { resolveShock } from './resolveShock.js';
import type { ScenarioFile } from './schema.js';
import type { PathSegment } from './source.js';

export type { Locate, PlacedShock };

const PARAM_NAMES = new Set<string>(Object.keys(DEFAULT_MODEL_PARAMS));

/**
 * `out` with element x set to f(x). TypedArray.from with a map function takes V8's slow generic
 * path, and a sweep re-resolves its scenario at every point: those calls were a large share of it.
 */
function filled<T extends Float64Array | Int32Array>(out: T, f: (x: number) => number): T {
  for (let x = 0; x < out.length; x++) out[x] = f(x);
  return out;
}

/** Shock indices in the order the shock phase applies them: early kinds first (ModelConfig.shockOrder). */
function shockOrder(shocks: readonly ShockConfig[]): Int32Array {
  const order = new Int32Array(shocks.length);
  const early = (sh: ShockConfig) => SHOCK_KINDS[sh.kindIndex]?.early === true;
  let x = 0;
  shocks.forEach((sh, q) => {
    if (early(sh)) order[x++] = q;
  });
  shocks.forEach((sh, q) => {
    if (!early(sh)) order[x++] = q;
  });
  return order;
}

/** Ties: declared ones first, then the implied reverse of each (commitment 0); each tie's index by (from, to). */
function resolveTies(spec: ScenarioFile, r: Resolver, n: number) {
  const tieOf = new Int32Array(n * n).fill(-1);
  const from: number[] = [];
  const to: number[] = [];
  const commitment: number[] = [];
  spec.ties.forEach((t, k) => {
    const i = r.actor(t.from, ['ties', k, 'from']);
    const j = r.actor(t.to, ['ties', k, 'to']);
    if (i === j)
      r.fail(['ties', k, 'to'], 'scenario.selfReference', 'a tie must join two different actors', `an actor other than ${t.from}`, t.to);
    if (tieOf[i * n + j] !== -1) r.fail(['ties', k], 'scenario.duplicateTie', `duplicate tie ${t.from}>${t.to}`, 'each directed tie once');
    tieOf[i * n + j] = from.length;
    from.push(i);
    to.push(j);
    for (const d of DOMAINS) commitment.push(t.commitment[d] ?? 0);
  });
  for (let k = 0, declared = from.length; k < declared; k++) {
    const i = from[k];
    const j = to[k];
    if (tieOf[j * n + i] === -1) {
      tieOf[j * n + i] = from.length;
      from.push(j);
      to.push(i);
      for (let d = 0; d < D; d++) commitment.push(0);
    }
  }
  const K = from.length;
  const tieFrom = new Int32Array(from);
  const tieTo = new Int32Array(to);
  const tieReverse = filled(new Int32Array(K), (k) => tieOf[to[k] * n + from[k]]);

  return { K, tieOf, tieFrom, tieTo, tieReverse, commitment0: new Float64Array(commitment) };
}

/** Pairs: one per unordered pair with a tie; the scenario's `pairs` entries add attributes. */
function resolvePairs(spec: ScenarioFile, r: Resolver, n: number, ties: ReturnType<typeof resolveTies>) {
  const { K, tieFrom, tieTo } = ties;
  const pairOf = new Int32Array(n * n).fill(-1);
  const pairA: number[] = [];
  const pairB: number[] = [];
  const tiePair = new Int32Array(K);
  for (let k = 0; k < K; k++) {
    const i = tieFrom[k];
    const j = tieTo[k];
    const key = Math.min(i, j) * n + Math.max(i, j);
    if (pairOf[key] === -1) {
      pairOf[key] = pairA.length;
      pairA.push(Math.min(i, j));
      pairB.push(Math.max(i, j));
    }
    tiePair[k] = pairOf[key];
  }
  const P = pairA.length;
  const alignment = new Float64Array(P);
  const rhetoric0 = new Float64Array(P);
  const divergence0 = new Float64Array(P);
  const complementarity = new Float64Array(P * D);
  for (let p = 0; p < P; p++)
    for (let d = 0; d < D; d++) complementarity[p * D + d] = DEFAULT_DOMAIN_PARAMS[DOMAINS[d] as Domain].complementarity;
  const seenPairs = new Set<number>();
  (spec.pairs ?? []).forEach((pair, q) => {
    const i = r.actor(pair.a, ['pairs', q, 'a']);
    const j = r.actor(pair.b, ['pairs', q, 'b']);
    const key = Math.min(i, j) * n + Math.max(i, j);
    const p = pairOf[key];
    if (i === j)
      r.fail(['pairs', q, 'b'], 'scenario.selfReference', 'a pair must join two different actors', `an actor other than ${pair.a}`, pair.b);
    if (p === -1)
      r.fail(['pairs', q], 'scenario.pairWithoutTie', `pair ${pair.a}-${pair.b} has no tie`, 'a tie between the two actors in `ties`');
    if (seenPairs.has(p)) r.fail(['pairs', q], 'scenario.duplicatePair', `duplicate pair ${pair.a}-${pair.b}`, 'each pair once');
    seenPairs.add(p);
    alignment[p] = pair.alignment ?? 0;
    rhetoric0[p] = pair.rhetoric ?? 0;
    const ids = new Set<string>();
    (pair.divergences ?? []).forEach((dv, v) => {
      if (ids.has(dv.id))
        r.fail(['pairs', q, 'divergences', v, 'id'], 'scenario.duplicateId', `duplicate divergence id "${dv.id}"`, 'each id once', dv.id);
      ids.add(dv.id);
      divergence0[p] += dv.weight;
    });
    for (const [d, v] of Object.entries(pair.complementarity ?? {})) complementarity[p * D + domainIndex(d)] = v;
  });

  return { P, pairOf, pairA, pairB, tiePair, alignment, rhetoric0, divergence0, complementarity };
}

/** The ties into each actor j: incomingTies[incomingStart[j] .. incomingStart[j + 1]). */
function incomingOf(n: number, K: number, tieTo: Int32Array) {
  const incomingCount = new Int32Array(n + 1);
  for (let k = 0; k < K; k++) {
    const j = tieTo[k] + 1;
    incomingCount[j] += 1;
  }
  for (let j = 0; j < n; j++) incomingCount[j + 1] += incomingCount[j];
  const next = incomingCount.slice(0, n);
  const incomingTies = new Int32Array(K);
  for (let k = 0; k < K; k++) {
    const j = tieTo[k];
    incomingTies[next[j]] = k;
    next[j] += 1;
  }

  return { incomingStart: incomingCount, incomingTies };
}

export function resolveScenario(spec: ScenarioFile, shocks: readonly PlacedShock[], locate: Locate): ModelConfig {
  const r = new Resolver(spec, locate);
  const n = r.index.size;
  const actorIds = [...r.index.keys()];
  const trait = (f: 'economy' | 'costAversion' | 'exposureAversion' | 'opportunism' | 'commitmentNorm' | 'stress') =>
    new Float64Array(Object.values(spec.actors).map((a) => a[f] ?? 0));

  const ties = resolveTies(spec, r, n);
  const { K, tieOf, tieFrom, tieTo, tieReverse, commitment0 } = ties;
  const { P, pairOf, pairA, pairB, tiePair, alignment, rhetoric0, divergence0, complementarity } = resolvePairs(spec, r, n, ties);

  const seen = new Map<string, readonly PathSegment[]>();
  const resolvedShocks = shocks.map((s, q) => resolveShock(r, s, q, seen));

  const m = spec.model ?? {};
  // A copy of the defaults with the model block's own values written in: every config's params share one
  // hidden class, and a sweep point does not build a 20-property object key by key.
  const params: Record<ModelParamName, number> = { ...DEFAULT_MODEL_PARAMS };
  for (const [k, v] of Object.entries(m)) if (typeof v === 'number' && PARAM_NAMES.has(k)) params[k as ModelParamName] = v;
  const economy = trait('economy');
  const opportunism = trait('opportunism');
  // e[i*D+d]: each actor's net trade position per domain, 0 (balanced) where the file names none.
  const netExports = new Float64Array(Object.values(spec.actors).flatMap((a) => DOMAINS.map((d) => a.netExports?.[d] ?? 0)));
  // m[i*D+d]: each actor's import intensity per domain, 1 (the world's) where the file names none.
  const importIntensity = new Float64Array(Object.values(spec.actors).flatMap((a) => DOMAINS.map((d) => a.importIntensity?.[d] ?? 1)));
  const mechanisms = MECHANISM_NAMES.map((name) => ({ name, weight: m.mechanisms?.[name] ?? DEFAULT_MECHANISM_WEIGHTS[name] })).filter(
    (x) => x.weight > 0,
  );
  const domainParam = (f: 'cost' | 'financialExposure' | 'strategic' | 'payment') =>
    new Float64Array(DOMAINS.map((d) => m.domains?.[d]?.[f] ?? DEFAULT_DOMAIN_PARAMS[d][f]));
  const payment = domainParam('payment');
  const pairs = { P, pairA: new Int32Array(pairA), pairB: new Int32Array(pairB) };
  const pairAB = filled(new Int32Array(P), (p) => tieOf[pairA[p] * n + pairB[p]]);
  const pairBA = filled(new Int32Array(P), (p) => tieOf[pairB[p] * n + pairA[p]]);
  const market = marketArrays({
    n,
    ...pairs,
    pairAB,
    pairBA,
    commitment0,
    complementarity,
    economy,
    opportunism,
    netExports,
    importIntensity,
    params,
    domains: { payment },
  });

  return {
    name: spec.name,
    ticks: spec.ticks,
    start: spec.start,
    params,
    mechanisms,
    domains: {
      cost: domainParam('cost'),
      financialExposure: domainParam('financialExposure'),
      strategic: domainParam('strategic'),
      payment,
      paymentDomains: Int32Array.from(DOMAINS.keys()).filter((d) => payment[d] !== 0),
    },
    n,
    actorIds,
    economy,
    costAversion: trait('costAversion'),
    exposureAversion: trait('exposureAversion'),
    opportunism,
    netExports,
    importIntensity,
    commitmentNorm: trait('commitmentNorm'),
    stress0: trait('stress'),
    grievance0: r.matrix('grievance'),
    exposure0: r.matrix('exposure'),
    stake: r.matrix('stakes'),
    K,
    tieFrom,
    tieTo,
    tieReverse,
    tiePair,
    commitment0,
    tieOf,
    pairOf: filled(
      new Int32Array(n * n),
      (key) => pairOf[Math.min(Math.floor(key / n), key % n) * n + Math.max(Math.floor(key / n), key % n)],
    ),
    ...incomingOf(n, K, tieTo),
    ...pairs,
    pairAB,
    pairBA,
    alignment,
    rhetoric0,
    divergence0,
    complementarity,
    ...market,
    shocks: resolvedShocks,
    shockOrder: shockOrder(resolvedShocks),
  };
}
