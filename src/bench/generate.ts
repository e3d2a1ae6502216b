/** A generated scenario of N actors with ties between every pair, for scale benchmarks. */
import { DOMAINS } from '../model/domains.js';
import { makeRandom } from '../model/rng.js';

export function largeScenario(actors: number, seed = 1): Record<string, unknown> {
  const random = makeRandom(seed);
  const u = () => Math.round(random() * 1000) / 1000;
  const ids = Array.from({ length: actors }, (_, i) => `A${i}`);
  const ties = [];
  for (const from of ids)
    for (const to of ids) if (from !== to) ties.push({ from, to, commitment: Object.fromEntries(DOMAINS.map((d) => [d, u() * 0.5])) });
  const shocks = [
    { id: 'war', kind: 'war', actor: 'A1', at: 1, intensity: 0.8 },
    { id: 'sanctions', kind: 'sanctions', sender: 'A0', target: 'A1', domains: ['trade', 'finance'], at: 1, severity: 0.7 },
    {
      id: 'secondary',
      kind: 'secondarySanctions',
      sender: 'A0',
      target: 'A1',
      domains: ['finance', 'military'],
      at: 12,
      severity: 0.8,
      enforcement: 0.7,
    },
    { id: 'carrot', kind: 'inducement', sender: 'A2', target: 'A3', at: 6, size: 0.3, condition: { partner: 'A1', max: 0.4 } },
  ];
  return {
    name: `generated-${actors}`,
    ticks: 48,
    actors: Object.fromEntries(
      ids
        .map((id) => [
          id,
          {
            economy: 0.1 + u() * 20,
            costAversion: u(),
            exposureAversion: u(),
            opportunism: u(),
            commitmentNorm: u(),
            exposure: { A0: u() },
          },
        ])
        .map(([id, a]) => {
          if (id === 'A0') delete (a as { exposure?: unknown }).exposure;
          return [id, a];
        }),
    ),
    ties,
    shocks,
  };
}
