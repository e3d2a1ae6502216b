/**
 * Overrides copy what they change (paths.ts) and resolved shocks are cached by
 * spec object (resolveShock.ts): neither may leak from one point into another.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { prepare } from '../../src/scenario/load.js';
import { loadText, TWO_ACTORS } from '../helpers.js';

const WITH_SHOCKS = `${TWO_ACTORS.replace('ticks: 3', 'ticks: 12')}
shocks:
  - { id: war, kind: war, actor: B, at: 2, intensity: 0.7 }
  - { id: squeeze, kind: sanctions, sender: C, target: A, domains: [trade], at: 4, severity: 0.5, enforcement: 0.6 }
levers:
  harder: { description: enforce fully, set: { shocks.squeeze.enforcement: 1 } }
`;

describe('overrides', () => {
  let base: ReturnType<typeof loadText>;
  let snapshot: string;
  beforeAll(() => {
    base = loadText(WITH_SHOCKS);
    snapshot = JSON.stringify(base.spec);
  });
  const at = (set: string[], lever?: string) =>
    prepare(base.source, base.spec, { set, ...(lever ? { lever } : {}), trustedOverrides: true }).config;

  it('never change the scenario they are applied to', () => {
    at(['shocks.squeeze.enforcement=0.9', 'actors.A.costAversion=0.1', 'ties.A>B.commitment.military=0.2', 'pairs.A-B.alignment=0.9']);
    at([], 'harder');
    expect(JSON.stringify(base.spec)).toBe(snapshot);
  });

  it('give each point its own values, whatever was prepared before (no stale cached shock)', () => {
    const enforcement = (set: string[], lever?: string) => at(set, lever).shocks.find((s) => s.id === 'squeeze')?.enforcement[6];
    expect(enforcement(['shocks.squeeze.enforcement=0.9'])).toBe(0.9);
    expect(enforcement(['shocks.squeeze.enforcement=0.2'])).toBe(0.2);
    expect(enforcement([])).toBe(0.6);
    expect(enforcement([], 'harder')).toBe(1);
    expect(enforcement(['shocks.squeeze.enforcement=0.9'])).toBe(0.9);
    expect(at(['actors.A.costAversion=0.1']).costAversion[0]).toBe(0.1);
    expect(at([]).costAversion[0]).toBe(0.5);
  });

  it('share unchanged shocks between points, and re-resolve when the tick count changes', () => {
    const a = at(['actors.A.costAversion=0.1']).shocks[0];
    const b = at(['actors.A.costAversion=0.3']).shocks[0];
    expect(a).toBe(b);
    const longer = prepare(base.source, base.spec, { ticks: 20 }).config.shocks[0];
    expect(longer?.magnitude).toHaveLength(20);
  });
});
