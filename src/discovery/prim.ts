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
 * Coverage = cases in the box / all cases; density = cases in the box / points in it.
 */
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
  readonly trajectory: readonly { coverage: number; density: number }[];
}

export interface PrimOptions {
  readonly alpha?: number;
  readonly minSupport?: number;
  readonly tolerance?: number;
}

function inside(x: readonly number[], box: Box): boolean {
  for (let d = 0; d < x.length; d++)
    if ((x[d] as number) < (box.low[d] as number) || (x[d] as number) > (box.high[d] as number)) return false;
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
  const k = Math.max(1, Math.floor(alpha * sorted.length));
  return high ? (sorted[sorted.length - 1 - k] as number) : (sorted[k] as number);
}

export function prim(xs: readonly (readonly number[])[], y: readonly boolean[], options: PrimOptions = {}): PrimResult {
  const alpha = options.alpha ?? 0.05;
  const minSupport = options.minSupport ?? 0.05;
  const tolerance = options.tolerance ?? 0.02;
  const dims = xs[0]?.length ?? 0;
  const total = xs.length;
  const allCases = y.filter(Boolean).length;
  let box: Box = {
    low: Array.from({ length: dims }, (_, d) => Math.min(...xs.map((x) => x[d] as number))),
    high: Array.from({ length: dims }, (_, d) => Math.max(...xs.map((x) => x[d] as number))),
  };
  const density = (b: Box) => {
    const s = stats(xs, y, b);
    return s.n ? s.cases / s.n : 0;
  };
  const trajectory: { coverage: number; density: number }[] = [];
  const boxes: { box: Box; density: number }[] = [{ box, density: density(box) }];
  for (;;) {
    const members = xs.filter((x) => inside(x, box));
    let candidate: { box: Box; density: number; n: number } | undefined;
    for (let d = 0; d < dims; d++) {
      const values = members.map((x) => x[d] as number);
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
    trajectory.push({ coverage: allCases ? s.cases / allCases : 0, density: candidate.density });
    boxes.push({ box, density: candidate.density });
  }
  const top = Math.max(...boxes.map((b) => b.density));
  const best = boxes.find((b) => b.density >= top - tolerance) as { box: Box; density: number };
  // Pasting: widen edges back while density does not fall.
  box = best.box;
  for (let improved = true; improved; ) {
    improved = false;
    const current = density(box);
    for (let d = 0; d < dims && !improved; d++) {
      for (const high of [false, true]) {
        const outside = xs
          .filter((x) => {
            const v = x[d] as number;
            const rest = x.every((w, i) => i === d || (w >= (box.low[i] as number) && w <= (box.high[i] as number)));
            return rest && (high ? v > (box.high[d] as number) : v < (box.low[d] as number));
          })
          .map((x) => x[d] as number)
          .sort((a, b) => (high ? a - b : b - a));
        if (outside.length === 0) continue;
        const take = outside[Math.min(outside.length - 1, Math.max(0, Math.floor(alpha * stats(xs, y, box).n) - 1))] as number;
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
  const s = stats(xs, y, box);
  return { box, coverage: allCases ? s.cases / allCases : 0, density: s.n ? s.cases / s.n : 0, inBox: s.n, cases: s.cases, trajectory };
}
