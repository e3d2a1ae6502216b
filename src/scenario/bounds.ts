/** Hard bounds that keep every count a safe integer and every array allocatable; the output-size limits are lower (README). */
export const MAX_TICKS = 100_000;
export const MAX_REPLICATIONS = 10_000_000;
