/** The per-tick files a sweep can keep besides runs.csv (its `outputs:` block). */
export const PER_TICK_OUTPUTS = ['ties', 'pairs', 'actors', 'events'] as const;
export type PerTickOutput = (typeof PER_TICK_OUTPUTS)[number];
