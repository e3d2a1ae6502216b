/**
 * Observables: a scenario's map from model state to real-world indicators
 * (docs/reference.md, `observables.csv`). Each is an expression, checked like every
 * scenario expression (expressions.ts), over readers of the state at the end of
 * a tick:
 *   pairs    flow(A,B) realised trade, USD bn at an annual rate; channel(A,B);
 *            exchange(A,B,domain) the pair's exchange in a payment-bound domain
 *            (the goods that change hands: crude in energy), in units of mutual commitment;
 *            sold(A,B,domain) what A sells B there, τ√(E_a E_b) × exchange × A's share σ (before
 *            the payment channel: goods shipped, not paid for)
 *            dollar(A,B) the pair's dollar-system access; depth(A,B);
 *            rhetoric(A,B); divergence(A,B)
 *   ties     c(A,B,domain) A's commitment to B; c0(A,B,domain) the same when the run starts;
 *            committed(A,B) A's cost-weighted commitment to B (pairs.csv commitment_ab);
 *            mutual(A,B,domain) = min of both
 *            directions; concession(A,B) what A concedes to B; dependence(A,B)
 *   actors   stress(A), need(A), dollarAccess(A); sales(A,domain) = Σ_B sold(A,B,domain),
 *            purchases(A,domain) = Σ_B sold(B,A,domain)
 * with actor ids and domain names as symbols, and t the tick. The mapping is the
 * scenario's, stated and justified there: no code here knows an indicator.
 */
import { inputError } from '../errors.js';
import type { ModelConfig } from '../model/config.js';
import { updateDependence } from '../model/dependence.js';
import { pairDepth, tieCommitted } from '../model/depth.js';
import { D, DOMAINS } from '../model/domains.js';
import { initialise } from '../model/simulate.js';
import { createState, type ModelState } from '../model/state.js';
import { compileWith, ExpressionError, type Vocabulary } from '../scenario/expressions.js';
import type { LoadedScenario } from '../scenario/load.js';
import { nonFinite } from './runFailure.js';

export interface Observable {
  readonly indicator: string;
  readonly unit: string;
  /** The indicator's value in state s at tick t. */
  value(s: ModelState, t: number): number;
}

type Reader = (...args: number[]) => number;

/**
 * Actor and domain names stand for numbers no tick can be (ticks are below
 * 100,000), so `c(P, Q, t)` is refused when first tried, not at the tick
 * where t happens to stop naming a domain.
 */
const ACTOR_BASE = 1_000_000;
const DOMAIN_BASE = 2_000_000;

function readers(cfg: ModelConfig, state: () => ModelState): Record<string, Reader> {
  const { n } = cfg;
  const actor = (x: number): number => {
    const i = x - ACTOR_BASE;
    if (!Number.isInteger(i) || i < 0 || i >= n) throw new ExpressionError(`${x} is not an actor (name one, e.g. ${cfg.actorIds[0]})`);
    return i;
  };
  const domain = (x: number): number => {
    const d = x - DOMAIN_BASE;
    if (!Number.isInteger(d) || d < 0 || d >= D) throw new ExpressionError(`${x} is not a domain (one of ${DOMAINS.join(', ')})`);
    return d;
  };
  const tie = (a: number, b: number): number => {
    const i = actor(a);
    const j = actor(b);
    const k = cfg.tieOf[i * n + j];
    if (k < 0) throw new ExpressionError(`${cfg.actorIds[i]} and ${cfg.actorIds[j]} have no tie`);
    return k;
  };
  const pair = (a: number, b: number): number => cfg.tiePair[tie(a, b)];
  const c = (a: number, b: number, d: number) => state().commitment[tie(a, b) * D + domain(d)];
  /** What actor i sells in pair p's domain d: the gravity worth of its share of the pair's exchange. */
  const soldIn = (i: number, p: number, d: number): number => {
    const x = p * D + d;
    const share = cfg.pairA[p] === i ? cfg.sells[x] : 1 - cfg.sells[x];
    return cfg.tradeScale[p] * state().exchange[x] * share;
  };
  /** All actor i sells (or buys) in domain d, over every pair it is in. */
  const tradeOf = (i: number, d: number, selling: boolean): number => {
    let sum = 0;
    for (let p = 0; p < cfg.P; p++) {
      const a = cfg.pairA[p];
      const b = cfg.pairB[p];
      if (a === i || b === i) sum += soldIn(selling ? i : a === i ? b : a, p, d);
    }
    return sum;
  };
  return {
    flow: (a, b) => state().trade[pair(a, b)],
    channel: (a, b) => state().channel[pair(a, b)],
    exchange: (a, b, d) => state().exchange[pair(a, b) * D + domain(d)],
    sold: (a, b, d) => soldIn(actor(a), pair(a, b), domain(d)),
    sales: (a, d) => tradeOf(actor(a), domain(d), true),
    purchases: (a, d) => tradeOf(actor(a), domain(d), false),
    dollar: (a, b) => state().conventional[pair(a, b)],
    depth: (a, b) => pairDepth(cfg, state().commitment, pair(a, b)),
    rhetoric: (a, b) => state().rhetoric[pair(a, b)],
    divergence: (a, b) => state().divergence[pair(a, b)],
    c,
    c0: (a, b, d) => cfg.commitment0[tie(a, b) * D + domain(d)],
    committed: (a, b) => tieCommitted(cfg, state().commitment, tie(a, b)),
    mutual: (a, b, d) => Math.min(c(a, b, d), c(b, a, d)),
    concession: (a, b) => state().concession[tie(a, b)],
    dependence: (a, b) => {
      updateDependence(cfg, state()); // an output computed when read (model/dependence.ts)
      return state().dependence[tie(a, b)];
    },
    stress: (a) => state().stress[actor(a)],
    need: (a) => state().need[actor(a)],
    dollarAccess: (a) => state().dollarAccess[actor(a)],
  };
}

/** Compile the scenario's observables against its config; each is tried once on the initial state. */
export function resolveObservables(loaded: LoadedScenario): Observable[] {
  const specs = Object.entries(loaded.spec.observables ?? {});
  if (specs.length === 0) return [];
  const cfg = loaded.config;
  let current: ModelState = createState(cfg);
  const read = readers(cfg, () => current);
  const names: Record<string, number> = {};
  cfg.actorIds.forEach((id, i) => {
    names[id] = ACTOR_BASE + i;
  });
  DOMAINS.forEach((d, i) => {
    names[d] = DOMAIN_BASE + i;
  });
  const vocabulary: Vocabulary = {
    symbols: new Set(['t', 'pi', 'e', ...Object.keys(names)]),
    functions: new Map(Object.entries(read).map(([name, f]) => [name, f.length])),
  };
  // A Map: mathjs reads it directly, where an object would be wrapped and checked at every name, a measurable share of a default run.
  const scope = new Map<string, unknown>([...Object.entries(names), ...Object.entries(read), ['pi', Math.PI], ['e', Math.E], ['t', 0]]);
  const observables = specs.map(([indicator, spec]) => {
    const fail = (err: ExpressionError) => {
      // Located only on failure: a .json scenario's line numbers cost a YAML parse (scenario/source.ts).
      const line = loaded.source.locate(['observables', indicator, 'expression']);
      return inputError(
        'scenario.badObservable',
        `observable ${indicator}: ${err.message}`,
        { file: loaded.source.file, path: `observables.${indicator}.expression`, ...(line ? { line } : {}) },
        'an expression over the state readers (docs/model.md §9)',
        JSON.stringify(spec.expression),
      );
    };
    let code: ReturnType<typeof compileWith>;
    try {
      code = compileWith(spec.expression, vocabulary);
    } catch (err) {
      if (err instanceof ExpressionError) throw fail(err);
      throw err;
    }
    /** The raw value: an ExpressionError for what the expression cannot compute. */
    const evaluate = (s: ModelState, t: number): number => {
      current = s;
      scope.set('t', t);
      return code.evaluate(scope);
    };
    return {
      indicator,
      unit: spec.unit ?? '',
      evaluate,
      value(s: ModelState, t: number): number {
        let v: number;
        try {
          v = evaluate(s, t);
        } catch (err) {
          if (err instanceof ExpressionError) throw nonFinite(`observable ${indicator} is not a number at tick ${t}: ${err.message}`);
          throw err;
        }
        if (!Number.isFinite(v)) throw nonFinite(`observable ${indicator} is ${v} at tick ${t}`);
        return v;
      },
      fail,
    };
  });
  // Unknown ties and bad arguments show only when evaluated: try each once, before anything runs.
  initialise(cfg, current);
  for (const o of observables) {
    try {
      const v = o.evaluate(current, 0);
      if (!Number.isFinite(v)) throw new ExpressionError(`is not finite on the initial state (${v})`);
    } catch (err) {
      if (err instanceof ExpressionError) throw o.fail(err);
      throw err;
    }
  }
  current = createState(cfg);
  return observables.map(({ indicator, unit, value }) => ({ indicator, unit, value }));
}
