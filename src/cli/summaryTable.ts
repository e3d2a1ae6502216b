/** The short table `entente run` prints: final depth per pair across replications. */
import { quantile } from '../compare/stats.js';
import type { ModelConfig } from '../model/config.js';
import { pairDepth } from '../model/depth.js';

export function summaryTable(cfg: ModelConfig, depthFinal: Float64Array, rhetoricFinal: Float64Array, replications: number): string {
  const header = ['pair', 'depth t0', 'depth final', '90% range', 'rhetoric final'];
  const rows = [header];
  for (let p = 0; p < cfg.P; p++) {
    const depths: number[] = [];
    let rhetoric = 0;
    for (let r = 0; r < replications; r++) {
      depths.push(depthFinal[r * cfg.P + p]);
      rhetoric += rhetoricFinal[r * cfg.P + p];
    }
    depths.sort((a, b) => a - b);
    const mean = depths.reduce((a, b) => a + b, 0) / replications;
    rows.push([
      `${cfg.actorIds[cfg.pairA[p]]}-${cfg.actorIds[cfg.pairB[p]]}`,
      pairDepth(cfg, cfg.commitment0, p).toFixed(3),
      mean.toFixed(3),
      `${quantile(depths, 0.05).toFixed(3)}–${quantile(depths, 0.95).toFixed(3)}`,
      (rhetoric / replications).toFixed(3),
    ]);
  }
  const widths = header.map((_, c) => Math.max(...rows.map((r) => (r[c] as string).length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ')).join('\n');
}
