/**
 * `entente compare` on a scenario: the baseline and each lever on common random
 * numbers; per lever and pair, the paired change in depth with a bootstrap 95%
 * interval, the share of replications in which the lever raised depth, and a
 * verdict; plus changes per domain, in rhetoric and in the sender's own costs.
 * Over a posterior the units are particles, weighted: a posterior mean, a credible
 * interval and verdicts as probabilities (CompareOptions.posterior).
 */

import { weightedQuantile } from '../calibration/abc/smc.js';
import { EntenteError } from '../errors.js';
import type { RunOutcome } from '../experiments/outcomes.js';
import type { ModelConfig } from '../model/config.js';
import { D, DOMAINS } from '../model/domains.js';
import { deriveSeed } from '../model/rng.js';
import { kindIndex, SHOCK_KINDS } from '../model/shocks/index.js';
import { type LoadedScenario, prepare } from '../scenario/load.js';
import type { LeverSpec, ShockSpec } from '../scenario/schema.js';
import { DEPENDS_ON_OUTCOME, declaredOutcomes, type LeverOutcomeName } from './leverOutcomes.js';
import { type Arm, runPaired } from './paired.js';
import {
  bootstrapCi,
  effectProbabilities,
  mean as plainMean,
  posteriorVerdict,
  rankProbabilities,
  shareAbove,
  type Verdict,
  verdict,
  weightedMean,
} from './stats.js';

export interface CompareOptions {
  readonly levers: readonly string[];
  /** Units compared: replications, or the particles of a posterior. */
  readonly replications: number;
  readonly seed: number;
  readonly minEffect: number;
  /**
   * Over a posterior: each unit's weight (they sum to 1), and the probability a verdict needs.
   * Means and probabilities are then weighted, the interval is the central credible interval
   * at `level`, and the verdict is posteriorVerdict's.
   */
  readonly posterior?: { readonly weights: Float64Array; readonly confidence: number; readonly level: number };
  /** The seed shown for unit r (deltas); by default a replication's, deriveSeed(seed, 0, r). */
  readonly unitSeed?: (r: number) => number;
}

/** The smallest change in final depth that counts as closer or apart, unless told (compare --min-effect). */
export const DEFAULT_MIN_EFFECT = 0.005;

/** A lever's effect on one declared outcome (compare/leverOutcomes.ts). */
export interface OutcomeEffect {
  readonly outcome: LeverOutcomeName;
  readonly deltaMean: number;
  readonly ciLow: number;
  readonly ciHigh: number;
  readonly probCloser: number;
  readonly probApart: number;
  readonly probNegligible: number;
  readonly verdict: Verdict;
}

export interface LeverEffect {
  readonly lever: string;
  readonly a: string;
  readonly b: string;
  readonly focus: boolean;
  readonly deltaMean: number;
  readonly ciLow: number;
  readonly ciHigh: number;
  readonly pCloser: number;
  readonly verdict: Verdict;
  readonly deltaDepthTimeMean: number;
  readonly deltaRhetoric: number;
  readonly rhetoricCiLow: number;
  readonly deltaDomains: readonly number[];
  readonly senders: string;
  readonly deltaSenderCost: number;
  readonly deltaSenderWelfare: number;
  /** The lever raises rhetoric (interval above 0) without pushing depth closer. */
  readonly rhetoricNotDepth: boolean;
  /** The weight of the units where Δ > min-effect, Δ < −min-effect, |Δ| ≤ min-effect. */
  readonly probCloser: number;
  readonly probApart: number;
  readonly probNegligible: number;
  /** rank[k]: the weight of the units where this lever ranks k + 1 among the levers for this pair, most dividing first. */
  readonly rank: readonly number[];
  /** The effect on each outcome the scenario declares, the primary first. (The fields above are depth_final's.) */
  readonly byOutcome: readonly OutcomeEffect[];
  /** The verdict the declared outcomes share, or "depends on outcome" where they differ. */
  readonly outcomeVerdict: Verdict | typeof DEPENDS_ON_OUTCOME;
}

export interface DeltaRow {
  readonly lever: string;
  readonly replication: number;
  readonly seed: number;
  readonly a: string;
  readonly b: string;
  readonly deltaDepthFinal: number;
  readonly deltaDepthMean: number;
  readonly deltaRhetoric: number;
  readonly deltaSenderCost: number;
  readonly deltaSenderWelfare: number;
}

/** Actors a lever acts through: the senders of its shocks and of the shocks its overrides touch. */
function leverSenders(loaded: LoadedScenario, lever: LeverSpec): Set<string> {
  // The field that names who acts: the sender, the belligerent, the challenger (model/shocks/, roles.actor).
  const who = (s: ShockSpec) => String(s[SHOCK_KINDS[kindIndex(s.kind)]?.roles.actor ?? 'actor']);
  const senders = new Set((lever.shocks ?? []).map(who));
  for (const path of Object.keys(lever.set ?? {})) {
    const id = /^shocks\.([^.]+)\./.exec(path)?.[1];
    const shock = (loaded.spec.shocks ?? []).find((s) => s.id === id);
    if (shock) senders.add(who(shock));
  }
  return senders;
}

function focusPairs(loaded: LoadedScenario, cfg: ModelConfig): Set<number> {
  const ids = cfg.actorIds;
  const focus = new Set<number>();
  for (const [q, name] of (loaded.spec.focus ?? []).entries()) {
    const [a = '', b = ''] = name.split('-');
    const i = ids.indexOf(a);
    const j = ids.indexOf(b);
    const p = i >= 0 && j >= 0 ? cfg.pairOf[i * cfg.n + j] : -1;
    if (p < 0) {
      const line = loaded.source.locate(['focus', q]);
      throw new EntenteError('scenario.unknownPair', `focus pair "${name}" has no tie`, {
        where: { file: loaded.source.file, ...(line ? { line } : {}), path: `focus[${q}]` },
        expected: 'two actors joined by a tie, e.g. CHN-RUS',
        found: JSON.stringify(name),
      });
    }
    focus.add(p);
  }
  return focus;
}

/** The baseline arm, then one per lever, each resolved from the scenario. */
export function leverArms(loaded: LoadedScenario, levers: readonly string[]): Arm[] {
  return [
    { name: 'baseline', config: loaded.config },
    ...levers.map((name) => ({ name, config: prepare(loaded.source, loaded.spec, { lever: name }).config })),
  ];
}

/**
 * `outcomes[r]` (one per arm) may be computed elsewhere, e.g. on worker threads;
 * either way replications are visited in index order, so results do not depend on how.
 */
export function compareLevers(
  loaded: LoadedScenario,
  opts: CompareOptions,
  onDelta: (row: DeltaRow) => void,
  outcomes?: readonly (readonly RunOutcome[])[],
): LeverEffect[] {
  const base = loaded.config;
  const arms = outcomes ? [] : leverArms(loaded, opts.levers);
  const ids = base.actorIds;
  const senders = opts.levers.map((name) =>
    [...leverSenders(loaded, loaded.spec.levers?.[name] ?? {})].map((id) => ids.indexOf(id)).filter((i) => i >= 0),
  );
  const focus = focusPairs(loaded, base);
  const L = opts.levers.length;
  const R = opts.replications;
  // Paired differences, [lever][pair][replication] flattened.
  const at = (l: number, p: number, r: number) => (l * base.P + p) * R + r;
  const size = L * base.P * R;
  const dFinal = new Float64Array(size);
  const dMean = new Float64Array(size);
  const dPeak = new Float64Array(size);
  const byName: Record<LeverOutcomeName, Float64Array> = { depth_final: dFinal, depth_mean: dMean, depth_peak: dPeak };
  const declared = declaredOutcomes(loaded.spec);
  const dRhetoric = new Float64Array(size);
  const dCost = new Float64Array(L * R);
  const dDomain = new Float64Array(size * D);
  const dWelfare = new Float64Array(L * R);
  const total = (x: (o: RunOutcome) => Float64Array, o: RunOutcome, who: readonly number[]) =>
    who.reduce((sum, i) => sum + (x(o)[i] as number), 0);
  const cost = (o: RunOutcome, who: readonly number[]) => total((u) => u.costMean, o, who);
  const welfare = (o: RunOutcome, who: readonly number[]) => total((u) => u.welfareMean, o, who);

  const visit = (r: number, runSeed: number, [baseline, ...levers]: readonly RunOutcome[]) => {
    levers.forEach((o, l) => {
      const b = baseline as RunOutcome;
      const who = senders[l] as number[];
      dCost[l * R + r] = cost(o, who) - cost(b, who);
      dWelfare[l * R + r] = welfare(o, who) - welfare(b, who);
      for (let p = 0; p < base.P; p++) {
        const x = at(l, p, r);
        dFinal[x] = o.depthFinal[p] - b.depthFinal[p];
        dMean[x] = o.depthMean[p] - b.depthMean[p];
        dPeak[x] = o.depthPeak[p] - b.depthPeak[p];
        dRhetoric[x] = o.rhetoricFinal[p] - b.rhetoricFinal[p];
        for (let d = 0; d < D; d++) dDomain[x * D + d] = o.mutualFinal[p * D + d] - b.mutualFinal[p * D + d];
        onDelta({
          lever: opts.levers[l] as string,
          replication: r,
          seed: runSeed,
          a: ids[base.pairA[p]] as string,
          b: ids[base.pairB[p]] as string,
          deltaDepthFinal: dFinal[x],
          deltaDepthMean: dMean[x],
          deltaRhetoric: dRhetoric[x],
          deltaSenderCost: dCost[l * R + r],
          deltaSenderWelfare: dWelfare[l * R + r],
        });
      }
    });
  };
  if (outcomes) {
    for (const [r, o] of outcomes.entries()) visit(r, opts.unitSeed?.(r) ?? deriveSeed(opts.seed, 0, r), o);
  } else {
    runPaired(arms, opts.seed, R, visit);
  }

  const posterior = opts.posterior;
  const weights = posterior?.weights ?? new Float64Array(R).fill(1 / R);
  // A replication mean as ever (Σx / R), so a scenario's comparison keeps its bytes.
  const mean = (xs: Float64Array) => (posterior ? weightedMean(xs, weights) : plainMean(xs));
  /** A replication's mean has a bootstrap interval; a posterior's effect has a credible interval. */
  const interval = (xs: Float64Array, key: string): [number, number] =>
    posterior
      ? [weightedQuantile(xs, weights, (1 - posterior.level) / 2), weightedQuantile(xs, weights, (1 + posterior.level) / 2)]
      : bootstrapCi(xs, key);
  const slice = (arr: Float64Array, l: number, p: number) => arr.subarray(at(l, p, 0), at(l, p, 0) + R);
  const effects: LeverEffect[] = [];
  const ranks = Array.from({ length: base.P }, (_, p) =>
    rankProbabilities(
      opts.levers.map((_, l) => slice(dFinal, l, p)),
      weights,
    ),
  );
  /** The effect on one outcome of the units in `xs`; `key` seeds its bootstrap. */
  const judge = (outcome: LeverOutcomeName, xs: Float64Array, key: string): OutcomeEffect => {
    const [ciLow, ciHigh] = interval(xs, key);
    const deltaMean = mean(xs);
    const [probCloser, probApart, probNegligible] = effectProbabilities(xs, weights, opts.minEffect);
    const v = posterior
      ? posteriorVerdict([probCloser, probApart, probNegligible], posterior.confidence)
      : verdict(deltaMean, ciLow, ciHigh, opts.minEffect);
    return { outcome, deltaMean, ciLow, ciHigh, probCloser, probApart, probNegligible, verdict: v };
  };
  opts.levers.forEach((lever, l) => {
    for (let p = 0; p < base.P; p++) {
      const a = ids[base.pairA[p]] as string;
      const b = ids[base.pairB[p]] as string;
      const key = `${opts.seed}/${lever}/${a}-${b}`;
      const final = slice(dFinal, l, p);
      // depth_final keeps the bootstrap key it always had, so a comparison keeps its bytes.
      const atEnd = judge('depth_final', final, `${key}/depth`);
      const { deltaMean, ciLow, ciHigh, verdict: v } = atEnd;
      const byOutcome = declared.map((name) => (name === 'depth_final' ? atEnd : judge(name, slice(byName[name], l, p), `${key}/${name}`)));
      const verdicts = new Set(byOutcome.map((e) => e.verdict));
      const rhetoric = slice(dRhetoric, l, p);
      const [rhetoricCiLow] = interval(rhetoric, `${key}/rhetoric`);
      const domain = new Float64Array(R);
      effects.push({
        lever,
        a,
        b,
        focus: focus.has(p),
        deltaMean,
        ciLow,
        ciHigh,
        pCloser: posterior
          ? weightedMean(
              Float64Array.from(final, (x) => (x > 0 ? 1 : 0)),
              weights,
            )
          : shareAbove(final),
        verdict: v,
        deltaDepthTimeMean: mean(slice(dMean, l, p)),
        deltaRhetoric: mean(rhetoric),
        rhetoricCiLow,
        deltaDomains: DOMAINS.map((_, d) => {
          for (let r = 0; r < R; r++) domain[r] = dDomain[at(l, p, r) * D + d];
          return mean(domain);
        }),
        senders: (senders[l] as number[]).map((i) => ids[i]).join(' '),
        deltaSenderCost: mean(dCost.subarray(l * R, (l + 1) * R)),
        deltaSenderWelfare: mean(dWelfare.subarray(l * R, (l + 1) * R)),
        rhetoricNotDepth: rhetoricCiLow > 0 && v !== 'closer',
        probCloser: atEnd.probCloser,
        probApart: atEnd.probApart,
        probNegligible: atEnd.probNegligible,
        rank: (ranks[p] as number[][])[l] as number[],
        byOutcome,
        outcomeVerdict: verdicts.size === 1 ? (byOutcome[0]?.verdict as Verdict) : DEPENDS_ON_OUTCOME,
      });
    }
  });
  return effects;
}
