/**
 * Morris elementary effects from trajectories (sweep/designs/morris.ts): for
 * each step of each trajectory, EE_j = (y_s − y_{s−1}) / (x_s,j − x_{s−1},j)
 * in unit coordinates. Reported per parameter: mu (mean EE), mu_star (mean
 * |EE|, Campolongo et al. 2007) and sigma (standard deviation of EE).
 */
export interface MorrisIndices {
  readonly mu: number[];
  readonly muStar: number[];
  readonly sigma: number[];
}

export function morrisIndices(y: ArrayLike<number>, unit: readonly (readonly number[])[], k: number): MorrisIndices {
  const effects: number[][] = Array.from({ length: k }, () => []);
  const trajectories = unit.length / (k + 1);
  for (let t = 0; t < trajectories; t++) {
    for (let s = 1; s <= k; s++) {
      const row = t * (k + 1) + s;
      const prev = unit[row - 1] as readonly number[];
      const next = unit[row] as readonly number[];
      const j = next.findIndex((v, d) => Math.abs(v - (prev[d] as number)) > 1e-12);
      if (j < 0) continue;
      (effects[j] as number[]).push(((y[row] as number) - (y[row - 1] as number)) / ((next[j] as number) - (prev[j] as number)));
    }
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return {
    mu: effects.map(mean),
    muStar: effects.map((e) => mean(e.map(Math.abs))),
    sigma: effects.map((e) => {
      const m = mean(e);
      return e.length > 1 ? Math.sqrt(e.reduce((a, x) => a + (x - m) ** 2, 0) / (e.length - 1)) : 0;
    }),
  };
}
