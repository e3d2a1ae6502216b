/** What calibrate (optimise) prints: the best point as --set flags, and it against each target. */
import type { Calibration } from '../../calibration/study.js';
import { formatNumber } from '../../io/formatNumber.js';
import { aligned } from './align.js';

export function calibrationLines(file: string, replications: number, out: string, { result, set }: Calibration): string[] {
  return [
    `${file}: ${result.points.length} points × ${replications} replications scored on ${result.targets.length} targets → ${out}`,
    `best: point ${result.best.point}, loss ${formatNumber(result.best.loss)}`,
    ...set.map((line) => `  --set ${line}`),
    aligned(
      [
        ['target', 'observed', 'simulated', 'scale'],
        ...result.targets.map((t, i) => [
          t.label,
          formatNumber(t.observed),
          formatNumber(result.best.simulated[i]),
          `±${formatNumber(t.errorScale)}`,
        ]),
      ],
      new Set([0]),
    ),
  ];
}
