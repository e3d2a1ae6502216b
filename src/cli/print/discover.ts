/** What discover prints: how often the condition holds, and the box where it holds mostly. */
import { join } from 'node:path';
import type { Discovery } from '../../discovery/study.js';

export function discoveryLines(d: Discovery): string[] {
  const lines = [`${d.lever} on ${d.pair}: ${d.condition} at ${d.cases} of ${d.points} points → ${join(d.out, 'discovery.csv')}`];
  if (d.cases === 0) return [...lines, '  no point meets the condition: nothing to discover'];
  lines.push(
    `  the condition holds mostly where (coverage ${d.prim.coverage.toFixed(2)}, density ${d.prim.density.toFixed(2)}, ${d.prim.inBox} points in the box):`,
  );
  const restricted = d.restrictions.filter((r) => r.restricted);
  for (const r of restricted)
    lines.push(`    ${r.parameter.padEnd(36)} in [${r.low.toPrecision(3)}, ${r.high.toPrecision(3)}]   quasi-p ${r.quasiP.toPrecision(2)}`);
  if (restricted.length === 0) lines.push('    (everywhere in the swept ranges)');
  return lines;
}
