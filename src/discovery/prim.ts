/**
 * PRIM, the Patient Rule Induction Method (Friedman & Fisher 1999), as used
 * for scenario discovery (Bryant & Lempert 2010): find a box in parameter
 * space where the cases of interest are dense.
 * - Peeling: repeatedly cut the α share of in-box points off the one edge
 *   (low or high, of one dimension) whose removal most raises density, while
 *   the box keeps at least `minSupport` of all points.
 * - The box reported is the largest on the peeling trajectory whose density is
 *   within `tolerance` of the highest: with noisy cases, the last peels gain
 *   density by chance while losing coverage, so the densest box over-peels.
 * - Pasting: widen any edge back by α of its points while density does not fall.
 * - Restrictions that narrow a range by less than `minNarrowing` of it are dropped (the edge
 *   goes back to the range's end), and so are those whose lifting costs no density: they
 *   would read as findings and are not.
 * - Each remaining restriction gets its quasi-p-value (Bryant & Lempert 2010, as EMA Workbench
 *   computes it): with that one restriction lifted, the box's share of cases is p; the chance of
 *   drawing at least the box's cases among its points at that rate, P(X ≥ cases), X ~ Bin(n, p).
 *   A large value: the restriction adds little the other restrictions do not already give.
 * Coverage = cases in the box / all cases; density = cases in the box / points in it.
 */
import { binomialTail } from './binomial.js';

export interface Box {
  readonly low: number[];
  readonly high: number[];
}

export interface PrimResult {
  readonly box: Box;
  readonly coverage: number;
  readonly density: number;
  readonly inBox: number;
  readonly cases: number;
  /** (coverage, density) after each peel: the trade-off a user can choose along. */
  readonly trajectory: readonly { coverage: number; density: number; inBox: number; restricted: number }[];
  /** The peel (index into trajectory, −1 for the whole space) the reported box was chosen at, before pasting. */
  readonly chosen: number;
  /** Per dimension: whether the box restricts it, and that restriction's quasi-p-value (NaN where it does not). */
  readonly restricted: readonly boolean[];
  readonly quasiP: readonly number[];
}

export interface PrimOptions {
  readonly alpha?: number;
  readonly minSupport?: number;
  readonly tolerance?: number;
  /** A restriction narrowing its range by less than this share of it is dropped (default 0.05). */
  readonly minNarrowing?: number;
}

function inside(x: readonly number[], box: Box): boolean {
  for (let d = 0; d < x.length; d++) if (x[d] < box.low[d] || x[d] > box.high[d]) return false;
  return true;
}

function stats(xs: readonly (readonly number[])[], y: readonly boolean[], box: Box): { n: number; cases: number } {
  let n = 0;
  let cases = 0;
  xs.forEach((x, i) => {
    if (inside(x, box)) {
      n++;
      if (y[i]) cases++;
    }
  });
  return { n, cases };
}

/** The value below which (low edge) or above which (high edge) an α share of the in-box points lie. */
function cut(values: number[], alpha: number, high: boolean): number {
  const sorted = [...values].sort((a, b) => a - b);
  // At least one point, and never past the last: an edge beyond the values (undefined) made a box
  // that compares false everywhere, so it held more points than the box it was peeled from and
  // the peeling never ended (a sweep of 12 points ran out of memory).
  const k = Math.min(sorted.length - 1, Math.max(1, Math.floor(alpha * sorted.length)));
  return high ? sorted[sorted.length - 1 - k] : sorted[k];
}

export function prim(xs: readonly (readonly number[])[], y: readonly boolean[], options: PrimOptions = {}): PrimResult {
  const alpha = options.alpha ?? 0.05;
  const minSupport = options.minSupport ?? 0.05;
  const tolerance = options.tolerance ?? 0.02;
  const dims = xs[0]?.length ?? 0;
  const total = xs.length;
  const allCases = y.filter(Boolean).length;
  let box: Box = {
    low: Array.from({ length: dims }, (_, d) => Math.min(...xs.map((x) => x[d]))),
    high: Array.from({ length: dims }, (_, d) => Math.max(...xs.map((x) => x[d]))),
  };
  const density = (b: Box) => {
    const s = stats(xs, y, b);
    return s.n ? s.cases / s.n : 0;
  };
  const full: Box = { low: [...box.low], high: [...box.high] };
  const restrictions = (b: Box) => b.low.filter((v, d) => v > full.low[d] || b.high[d] < full.high[d]).length;
  const trajectory: { coverage: number; density: number; inBox: number; restricted: number }[] = [];
  const boxes: { box: Box; density: number }[] = [{ box, density: density(box) }];
  for (;;) {
    const members = xs.filter((x) => inside(x, box));
    let candidate: { box: Box; density: number; n: number } | undefined;
    for (let d = 0; d < dims; d++) {
      const values = members.map((x) => x[d]);
      for (const high of [false, true]) {
        const edge = cut(values, alpha, high);
        const next: Box = high
          ? { low: box.low, high: box.high.map((v, i) => (i === d ? edge : v)) }
          : { low: box.low.map((v, i) => (i === d ? edge : v)), high: box.high };
        const s = stats(xs, y, next);
        if (s.n === members.length || s.n < minSupport * total) continue; // no progress, or too small
        const dens = s.n ? s.cases / s.n : 0;
        if (!candidate || dens > candidate.density) candidate = { box: next, density: dens, n: s.n };
      }
    }
    if (!candidate) break;
    box = candidate.box;
    const s = stats(xs, y, box);
    trajectory.push({ coverage: allCases ? s.cases / allCases : 0, density: candidate.density, inBox: s.n, restricted: restrictions(box) });
    boxes.push({ box, density: candidate.density });
  }
  const top = Math.max(...boxes.map((b) => b.density));
  const chosen = boxes.findIndex((b) => b.density >= top - tolerance);
  const best = boxes[chosen] as { box: Box; density: number };
  // Pasting: widen edges back while density does not fall.
  box = best.box;
  for (let improved = true; improved; ) {
    improved = false;
    const current = density(box);
    for (let d = 0; d < dims && !improved; d++) {
      for (const high of [false, true]) {
        const outside = xs
          .filter((x) => {
            const v = x[d];
            const rest = x.every((w, i) => i === d || (w >= box.low[i] && w <= box.high[i]));
            return rest && (high ? v > box.high[d] : v < box.low[d]);
          })
          .map((x) => x[d])
          .sort((a, b) => (high ? a - b : b - a));
        if (outside.length === 0) continue;
        const take = outside[Math.min(outside.length - 1, Math.max(0, Math.floor(alpha * stats(xs, y, box).n) - 1))];
        const next: Box = high
          ? { low: box.low, high: box.high.map((v, i) => (i === d ? take : v)) }
          : { low: box.low.map((v, i) => (i === d ? take : v)), high: box.high };
        if (density(next) >= current) {
          box = next;
          improved = true;
          break;
        }
      }
    }
  }
  box = dropUseless(xs, y, dropSlight(box, full, options.minNarrowing ?? 0.05), full);
  const s = stats(xs, y, box);
  const restricted = box.low.map((v, d) => v > full.low[d] || box.high[d] < full.high[d]);
  const quasiP = restricted.map((r, d) => (r ? quasiPValue(xs, y, box, full, d, s) : Number.NaN));
  return {
    box,
    coverage: allCases ? s.cases / allCases : 0,
    density: s.n ? s.cases / s.n : 0,
    inBox: s.n,
    cases: s.cases,
    trajectory,
    chosen: chosen - 1,
    restricted,
    quasiP,
  };
}

/** The box with dimension d's restriction lifted: its whole range again. */
function lift(box: Box, full: Box, d: number): Box {
  return {
    low: box.low.map((v, i) => (i === d ? full.low[d] : v)),
    high: box.high.map((v, i) => (i === d ? full.high[d] : v)),
  };
}

/** The box with every restriction that narrows its range by less than `share` of it lifted. */
function dropSlight(box: Box, full: Box, share: number): Box {
  const low = [...box.low];
  const high = [...box.high];
  for (let d = 0; d < low.length; d++) {
    const range = full.high[d] - full.low[d];
    if (range > 0 && high[d] - low[d] >= (1 - share) * range) {
      low[d] = full.low[d];
      high[d] = full.high[d];
    }
  }
  return { low, high };
}

/**
 * The box with every restriction lifted whose lifting costs no density (the other restrictions
 * already hold the cases in): such a restriction is no finding, and its quasi-p-value would be 1.
 * One at a time, the first found in dimension order, until none is left.
 */
function dropUseless(xs: readonly (readonly number[])[], y: readonly boolean[], start: Box, full: Box): Box {
  let box = start;
  for (let lifted = true; lifted; ) {
    lifted = false;
    const current = stats(xs, y, box);
    for (let d = 0; d < box.low.length; d++) {
      if (box.low[d] <= full.low[d] && box.high[d] >= full.high[d]) continue;
      const wider = lift(box, full, d);
      const s = stats(xs, y, wider);
      if (s.n > 0 && s.cases * current.n >= current.cases * s.n) {
        box = wider;
        lifted = true;
        break;
      }
    }
  }
  return box;
}

/** P(X ≥ cases in the box), X ~ Bin(points in the box, the case rate with dimension d's restriction lifted). */
function quasiPValue(
  xs: readonly (readonly number[])[],
  y: readonly boolean[],
  box: Box,
  full: Box,
  d: number,
  inBox: { n: number; cases: number },
): number {
  const without = stats(xs, y, lift(box, full, d));
  return binomialTail(inBox.cases, inBox.n, without.n ? without.cases / without.n : 0);
}
