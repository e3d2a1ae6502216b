// Which lever divides China and Russia most, and how does China's cost aversion change that?
// Run from the repository after `npm run build`:  node docs/examples/levers.mjs
import { compare, loadScenario, run } from 'entente';

const file = new URL('../../scenarios/china-russia-2022.yaml', import.meta.url).pathname;

// The default scenario with 20 replications: depth of China–Russia at the last month.
const scenario = loadScenario(file, { replications: 20 });
const { pairs } = run(scenario);
const last = Math.max(...pairs.map((r) => r.tick));
const final = pairs.filter((r) => r.a === 'CHN' && r.b === 'RUS' && r.tick === last).map((r) => r.depth);
console.log(`CHN-RUS depth at the end: mean ${(final.reduce((a, b) => a + b, 0) / final.length).toFixed(3)} over ${final.length} replications`);

// Each lever against the baseline, for two values of China's cost aversion.
for (const costAversion of [0.5, 0.9]) {
  const variant = loadScenario(file, { replications: 20, set: [`actors.CHN.costAversion=${costAversion}`] });
  const effects = compare(variant).filter((e) => e.a === 'CHN' && e.b === 'RUS');
  const mostDividing = effects.reduce((best, e) => (e.deltaMean < best.deltaMean ? e : best));
  console.log(`cost aversion ${costAversion}: most dividing lever ${mostDividing.lever} (Δ depth ${mostDividing.deltaMean.toFixed(3)}, ${mostDividing.verdict})`);
}
