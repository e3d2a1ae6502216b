/**
 * The resolved configuration of a scenario as JSON, for the Mesa port (exportConfig.ts):
 *
 *   node dist/bench/peers/export.js SCENARIO OUT.json [--set PATH=VALUE]... [--lever NAME] [-r N] [--seed S]
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { exportConfig } from './exportConfig.js';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    set: { type: 'string', multiple: true },
    lever: { type: 'string' },
    replications: { type: 'string', short: 'r' },
    seed: { type: 'string' },
  },
});
const [scenario, out] = positionals;
if (scenario === undefined || out === undefined) {
  console.error('usage: export SCENARIO OUT.json [--set PATH=VALUE]... [--lever NAME] [--replications N] [--seed S]');
  process.exit(2);
}
const number = (v: string | undefined) => (v === undefined ? undefined : Number(v));
writeFileSync(
  out,
  exportConfig(scenario, {
    set: values.set ?? [],
    lever: values.lever,
    replications: number(values.replications),
    seed: number(values.seed),
  }),
);
