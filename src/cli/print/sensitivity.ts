/** What sensitivity prints: the indices of the focus pair's final depth, parameter by parameter. */
import { join } from 'node:path';
import type { Sensitivity } from '../../sensitivity/study.js';

export function sensitivityLines(s: Sensitivity): string[] {
  const lines = [`${s.name}: ${s.method} indices from ${s.runs} runs → ${join(s.out, 'indices.csv')}`];
  const [fa, fb] = s.focus?.split('-') ?? [];
  const depth = s.indices.filter((r) => r.outcome === 'depth_final');
  const pair = depth.find((r) => r.a === fa && r.b === fb) ?? depth[0];
  if (!pair) return lines;
  const shownIndices = s.method === 'sobol' ? ['S1', 'ST'] : ['mu_star', 'sigma'];
  const shown = depth.filter((r) => r.a === pair.a && r.b === pair.b && shownIndices.includes(r.index));
  lines.push(`${pair.a}-${pair.b} final depth:`);
  for (const parameter of s.parameters) {
    const cells = shown
      .filter((r) => r.parameter === parameter)
      .map(
        (r) => `${r.index} ${r.value.toFixed(3)}${r.ciLow !== undefined ? ` [${r.ciLow.toFixed(3)}, ${(r.ciHigh ?? 0).toFixed(3)}]` : ''}`,
      );
    lines.push(`  ${parameter.padEnd(36)} ${cells.join('   ')}`);
  }
  return lines;
}
