/**
 * Every value ABC reads back from its own files, checked before it counts
 * (docs/calibration.md): a saved generation (checkpoint.ts) and a shard's round file (roundFile.ts).
 * A file that passes its record (record.ts) may still hold what this calibration cannot have
 * written: a distance of −3 or "NaN", a null where a proposal was simulated, a weight of 0, a
 * parameter outside its prior, a count that is not a whole number, a round planned for other
 * proposals. It is refused, naming the file and the field, and never reaches a posterior.
 */
import { EntenteError, show } from '../../errors.js';
import type { Generation, Proposal } from './generation.js';
import { type Prior, priorSupport } from './priors.js';

/** Refuse a file: why (said after what the file is), at which field, what was expected and what was found. */
export type Refuse = (why: string, path: string | undefined, expected: string, found: string) => never;

/** Refusals of `file`, `what` it is (a shard's round file), with the `remedy` the command can offer. */
export function refusal(file: string, what: string, remedy: string): Refuse {
  return (why, path, expected, found) => {
    throw new EntenteError('output.damaged', `${what} ${why}: ${remedy}`, { where: { file, ...(path ? { path } : {}) }, expected, found });
  };
}

const IMPOSSIBLE = 'holds a value this calibration cannot have written';

function object(text: string, refuse: Refuse): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return refuse(IMPOSSIBLE, undefined, 'a JSON object', show(text.slice(0, 40)));
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return refuse(IMPOSSIBLE, undefined, 'a JSON object', show(value));
  return value as Record<string, unknown>;
}

function list(value: unknown, path: string, length: number, refuse: Refuse): unknown[] {
  if (!Array.isArray(value) || value.length !== length)
    return refuse(IMPOSSIBLE, path, `a list of ${length}`, Array.isArray(value) ? `a list of ${value.length}` : show(value));
  return value;
}

function number(value: unknown, path: string, ok: (x: number) => boolean, expected: string, refuse: Refuse): number {
  if (typeof value !== 'number' || !ok(value)) return refuse(IMPOSSIBLE, path, expected, show(value));
  return value;
}

/** A round as planned (shards.ts), the shard that wrote the file, and the proposals of its slice. */
export interface PlannedRound {
  readonly t: number;
  readonly round: number;
  readonly from: number;
  readonly to: number;
  readonly tolerance: number;
  readonly shard: number;
  readonly of: number;
  readonly proposals: readonly Proposal[];
}

/** A shard's round file: its distances in proposal order (undefined: outside the prior, not simulated). */
export function checkRound(text: string, planned: PlannedRound, refuse: Refuse): (number | undefined)[] {
  const s = object(text, refuse);
  const other = 'was planned for another round of proposals (another calibration, or another version of entente)';
  for (const key of ['t', 'round', 'from', 'to', 'shard', 'of'] as const)
    if (s[key] !== planned[key]) refuse(other, key, String(planned[key]), show(s[key]));
  if (s.tolerance !== String(planned.tolerance)) refuse(other, 'tolerance', show(String(planned.tolerance)), show(s.tolerance));
  return list(s.distances, 'distances', planned.proposals.length, refuse).map((d, i) => {
    const path = `distances[${i}]`;
    if (!Number.isFinite(planned.proposals[i]?.logPrior)) {
      if (d !== null) refuse(IMPOSSIBLE, path, 'null: this proposal lies outside the prior and is not simulated', show(d));
      return undefined;
    }
    const x = typeof d === 'string' ? Number(d) : Number.NaN;
    // Written as String(distance): the same text again, or not written by entente.
    if (typeof d !== 'string' || String(x) !== d || !Number.isFinite(x) || x < 0)
      refuse(IMPOSSIBLE, path, 'the distance of a simulated proposal: a finite number ≥ 0, as a string', show(d));
    return x;
  });
}

/** What a saved generation must be: generation t of `particles` particles under these priors. */
export interface GenerationShape {
  readonly t: number;
  readonly particles: number;
  readonly priors: readonly Prior[];
}

/** A saved generation, every value in range and the figures derived from others equal to them. */
export function checkGeneration(text: string, shape: GenerationShape, refuse: Refuse): Generation {
  const s = object(text, refuse);
  const { t, particles: n, priors } = shape;
  if (s.t !== t) refuse(IMPOSSIBLE, 't', `${t}, the number in the file's name`, show(s.t));
  const tolerance =
    t === 0
      ? s.tolerance === null
        ? Number.POSITIVE_INFINITY
        : refuse(IMPOSSIBLE, 'tolerance', 'null: generation 0 accepts every proposal', show(s.tolerance))
      : number(s.tolerance, 'tolerance', (x) => Number.isFinite(x) && x >= 0, 'a finite number ≥ 0', refuse);
  const simulations = number(s.simulations, 'simulations', (x) => Number.isSafeInteger(x) && x >= n, `a whole number ≥ ${n}`, refuse);
  const acceptance = number(s.acceptance, 'acceptance', (x) => x === n / simulations, `${n} / ${simulations}`, refuse);
  const particles = list(s.particles, 'particles', n, refuse).map((p, i) =>
    Float64Array.from(list(p, `particles[${i}]`, priors.length, refuse), (x, j) => {
      const [lo, hi] = priorSupport(priors[j] as Prior);
      const inside = (v: number) => Number.isFinite(v) && v >= lo && v <= hi;
      return number(x, `particles[${i}][${j}]`, inside, `a finite value inside the prior's support [${lo}, ${hi}]`, refuse);
    }),
  );
  const positive = (x: number) => Number.isFinite(x) && x > 0;
  const weights = Float64Array.from(list(s.weights, 'weights', n, refuse), (w, i) =>
    number(w, `weights[${i}]`, positive, 'a weight: a finite number > 0', refuse),
  );
  const total = weights.reduce((a, w) => a + w, 0);
  if (Math.abs(total - 1) > 1e-9) refuse(IMPOSSIBLE, 'weights', 'weights summing to 1', `a sum of ${total}`);
  const within = (x: number) => Number.isFinite(x) && x >= 0 && x <= tolerance;
  const distances = Float64Array.from(list(s.distances, 'distances', n, refuse), (d, i) =>
    number(d, `distances[${i}]`, within, `a finite distance ≥ 0, within the tolerance ${tolerance}`, refuse),
  );
  // As GenerationBuilder.finish computes it, operation for operation: the same double.
  const ess = number(s.ess, 'ess', (x) => x === 1 / weights.reduce((a, w) => a + w * w, 0), '1 / Σ weights²', refuse);
  return { t, tolerance, simulations, acceptance, ess, particles, weights, distances };
}
