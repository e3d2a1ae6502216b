/** The per-tick files a sweep can keep besides runs.csv (its `outputs:` block). */
export const PER_TICK_OUTPUTS = ['ties', 'pairs', 'actors', 'events'] as const;
export type PerTickOutput = (typeof PER_TICK_OUTPUTS)[number];

/** The files a finished sweep (or shard) holds besides its manifest: what its record proves. */
export function sweepFileNames(perTick: readonly string[], format: 'csv' | 'parquet' = 'csv'): string[] {
  const ext = format === 'parquet' ? 'parquet' : 'csv';
  return ['sweep.json', 'points.csv', `runs.${ext}`, 'failures.csv', ...perTick.map((name) => `${name}.${ext}`)];
}
