/**
 * Issue 27: `calibrate --method abc` honours --max-output (docs/reference.md, Limits). Before
 * anything is written it estimates what ABC writes (calibration/abc/estimate.ts: the posterior,
 * the predictive series, the generations, every saved generation and, as shards, a generation's
 * round files) and refuses with exit 2 and the estimate what exceeds the limit, in one process,
 * with --collect and with --shard. The sweep design's estimate, for points ABC never runs, is not
 * what decides.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { abcOutputBytes } from '../../src/calibration/abc/estimate.js';
import { entente, expectRefused, fileIn, tempDir } from '../helpers.js';
import { CALIBRATION, ok, refused, smallAbc } from './abcSmall.js';

const bytesUnder = (dir: string): number =>
  readdirSync(dir).reduce((sum, name) => {
    const path = join(dir, name);
    return sum + (statSync(path).isDirectory() ? bytesUnder(path) : statSync(path).size);
  }, 0);

describe('calibrate --method abc --max-output', () => {
  const dir = tempDir();
  const { args } = smallAbc(dir);

  it('refuses --max-output 1K with ABC’s own estimate, in one process and as shards, writing nothing', async () => {
    for (const flags of [[], ['--collect']])
      await expectRefused(
        dir,
        [...args, ...flags, '--max-output', '1K'],
        /ABC-SMC with 20 particles × 2 parameters/,
        /above the limit of 1\.00 kB/,
      );
    const started = join(dir, 'started');
    await ok([...args, '--out', started, '--collect', '-q']);
    await refused(
      [...args, '--out', started, '--shard', '1/2', '--max-output', '1K'],
      started,
      /ABC-SMC with 20 particles .* run as shards/,
    );
  });

  it('refuses a limit the posterior and its predictive series would pass (20K): the old check saw only the design', async () => {
    await expectRefused(dir, [...args, '--max-output', '20K'], /ABC-SMC with 20 particles/, /--max-output \d/);
  });

  it('does not refuse ABC for a sweep design it never runs', async () => {
    const big = fileIn(dir, 'big.yaml', CALIBRATION.replace('samples: 4', 'samples: 100000'));
    const out = join(dir, 'big');
    const r = await entente([...args.map((a) => (a === args[1] ? big : a)), '--out', out, '--max-output', '1M', '-q']);
    expect(r.status, r.stderr).toBe(0);
  }, 60_000);

  it('the estimate covers what a run writes, within a factor of 2', async () => {
    const out = join(dir, 'measured');
    await ok([...args, '--out', out, '-q']);
    const written = bytesUnder(out);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { priors: unknown[] };
    // The scenario's observables and ticks, as predictive.csv has them (a row per observable and tick).
    const rows = readFileSync(join(out, 'predictive.csv'), 'utf8').trim().split('\n').slice(1);
    const observables = new Set(rows.map((row) => row.split(',')[0])).size;
    const shape = { particles: 20, generations: 2, parameters: 2, free: manifest.priors.length, observables, sharded: false };
    const estimate = abcOutputBytes({ ...shape, ticks: rows.length / observables });
    expect(estimate).toBeGreaterThanOrEqual(written);
    expect(estimate).toBeLessThan(2 * written);
  }, 60_000);
});
