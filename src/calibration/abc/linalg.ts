/** Dense linear algebra for small symmetric positive-definite systems (a posterior's dozen parameters). */

/** Cholesky factor of the symmetric matrix whose lower triangle is `m`. */
export function cholesky(m: Float64Array, dim: number): Float64Array {
  const l = new Float64Array(dim * dim);
  for (let i = 0; i < dim; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = m[i * dim + j];
      for (let k = 0; k < j; k++) sum -= l[i * dim + k] * l[j * dim + k];
      l[i * dim + j] = i === j ? Math.sqrt(Math.max(sum, 1e-300)) : sum / l[j * dim + j];
    }
  }
  return l;
}

/** x with (L Lᵀ) x = b, for L from cholesky. */
export function choleskySolve(l: Float64Array, dim: number, b: Float64Array): Float64Array {
  const y = new Float64Array(dim);
  for (let i = 0; i < dim; i++) {
    let sum = b[i];
    for (let k = 0; k < i; k++) sum -= l[i * dim + k] * y[k];
    y[i] = sum / l[i * dim + i];
  }
  const x = new Float64Array(dim);
  for (let i = dim - 1; i >= 0; i--) {
    let sum = y[i];
    for (let k = i + 1; k < dim; k++) sum -= l[k * dim + i] * x[k];
    x[i] = sum / l[i * dim + i];
  }
  return x;
}
