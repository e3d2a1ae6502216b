/** The mean and sd of an unnormalised density on [lo, hi], by the midpoint rule on `n` cells: posteriors known in closed form up to a constant. */
export function moments(density: (x: number) => number, lo: number, hi: number, n = 200_000): { mean: number; sd: number } {
  let z = 0;
  let m1 = 0;
  let m2 = 0;
  for (let i = 0; i < n; i++) {
    const x = lo + ((i + 0.5) / n) * (hi - lo);
    const f = density(x);
    z += f;
    m1 += f * x;
    m2 += f * x * x;
  }
  const mean = m1 / z;
  return { mean, sd: Math.sqrt(m2 / z - mean * mean) };
}
