/**
 * The upper tail of a binomial distribution, P(X ≥ k) for X ~ Binomial(n, p): what PRIM's
 * quasi-p-values are (Bryant & Lempert 2010; EMA Workbench's `binom.sf(k − 1, n, p)`). Summed
 * term by term in log space from the mode outwards, so it neither underflows for large n nor
 * loses the small tails that matter here.
 */
export function binomialTail(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  const logP = Math.log(p);
  const logQ = Math.log1p(-p);
  // log C(n, i) p^i q^(n−i), from log C(n, k) by the ratio of successive terms.
  let logTerm = logChoose(n, k) + k * logP + (n - k) * logQ;
  let sum = 0;
  const first = logTerm;
  for (let i = k; i <= n; i++) {
    sum += Math.exp(logTerm - first);
    logTerm += Math.log((n - i) / (i + 1)) + logP - logQ;
    if (i > n * p && logTerm - first < -40) break; // past the mode and 1e-17 of the first term: the rest is negligible
  }
  return Math.min(1, Math.exp(first) * sum);
}

/** log C(n, k) as a sum of logs (exact enough for the n of a sweep: up to millions of points). */
function logChoose(n: number, k: number): number {
  const m = Math.min(k, n - k);
  let sum = 0;
  for (let i = 1; i <= m; i++) sum += Math.log((n - m + i) / i);
  return sum;
}
