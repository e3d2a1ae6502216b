/**
 * The library (src/index.ts, `import … from 'entente'`): the same numbers as the commands.
 * run() gives pairs.csv's rows (formatted as the CSV formats them, byte for byte); compare()
 * gives levers.csv's effects; the documented example script runs.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../src/io/formatNumber.js';
import { cli, DEFAULT_SCENARIO, ROOT, tempDir } from '../helpers.js';

// Through the package's own exports, as a user imports it (dist/, built by npm test). The name is a
// variable so that the type check, which runs before the build in CI, does not look for dist/'s types.
const PACKAGE: string = 'entente';
const entente = (await import(PACKAGE)) as typeof import('../../src/index.js');

describe('entente as a library', () => {
  it('run() gives the rows of entente run’s pairs.csv', () => {
    const out = join(tempDir(), 'run');
    expect(cli(['run', DEFAULT_SCENARIO, '-r', '3', '--lever', 'rewardWedge', '--out', out, '-q']).status).toBe(0);
    const scenario = entente.loadScenario(DEFAULT_SCENARIO, { replications: 3, lever: 'rewardWedge' });
    const { pairs, seeds } = entente.run(scenario);
    const csv = [
      'replication,seed,tick,a,b,depth,rhetoric,trade_usd_bn,channel,divergence,commitment_ab,commitment_ba',
      ...pairs.map((r) =>
        [
          r.replication,
          r.seed,
          r.tick,
          r.a,
          r.b,
          r.depth,
          r.rhetoric,
          r.tradeUsdBn,
          r.channel,
          r.divergence,
          r.commitmentAB,
          r.commitmentBA,
        ]
          .map((v) => (typeof v === 'number' ? formatNumber(v) : v))
          .join(','),
      ),
    ].join('\n');
    expect(`${csv}\n`).toBe(readFileSync(join(out, 'pairs.csv'), 'utf8'));
    expect(seeds).toEqual(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).runSeeds);
    let streamed = 0;
    expect(entente.run(scenario, { onPair: () => streamed++ }).pairs).toHaveLength(0);
    expect(streamed).toBe(pairs.length);
  });

  it('compare() gives the effects of entente compare --no-posterior', () => {
    const out = join(tempDir(), 'compare');
    const levers = ['coerciveWedge', 'rewardWedge'];
    expect(cli(['compare', DEFAULT_SCENARIO, '--no-posterior', '-r', '8', '--levers', levers.join(','), '--out', out, '-q']).status).toBe(
      0,
    );
    const effects = entente.compare(entente.loadScenario(DEFAULT_SCENARIO, { replications: 8 }), { levers });
    const rows = parse(readFileSync(join(out, 'levers.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(effects).toHaveLength(rows.length);
    effects.forEach((e, i) => {
      const row = rows[i] as Record<string, string>;
      expect([e.lever, e.a, e.b, e.verdict]).toEqual([row.lever, row.a, row.b, row.verdict]);
      expect(formatNumber(e.deltaMean)).toBe(row.delta_mean);
      expect(formatNumber(e.ciLow)).toBe(row.ci_low);
    });
  });

  it('refuses bad input with an EntenteError naming the field', () => {
    expect(() => entente.loadScenario(DEFAULT_SCENARIO, { set: ['actors.CHN.costAversion=7'] })).toThrow(entente.EntenteError);
  });

  it('the documented example runs', () => {
    const text = execFileSync(process.execPath, [join(ROOT, 'docs', 'examples', 'levers.mjs')], { encoding: 'utf8' });
    expect(text).toMatch(/^CHN-RUS depth at the end: mean 0\.\d{3} over 20 replications\n/);
    expect(text).toMatch(/cost aversion 0\.5: most dividing lever \w+ \(Δ depth -?\d\.\d{3}, \w+\)/);
  }, 60_000);
});
