/**
 * `calibrate --method abc` as shards sharing a directory (--collect, --shard K/N), as a Slurm
 * job runs it: the same posterior, byte for byte, as one process, whatever the split of each
 * round, and with a shard run twice.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CALIBRATION } from '../attacks/abcSmall.js';
import { entente, expectRefused, fileIn, tempDir } from '../helpers.js';

describe('entente calibrate --method abc --shard K/N and --collect', () => {
  const dir = tempDir();
  const file = fileIn(dir, 'abc.yaml', CALIBRATION);
  const args = ['calibrate', file, '--method', 'abc', '--particles', '300', '--generations', '3'];
  const local = join(dir, 'local');
  const sharded = join(dir, 'sharded');
  const read = (out: string, name: string) => readFileSync(join(out, name), 'utf8');
  const log: string[] = [];

  beforeAll(async () => {
    expect((await entente([...args, '--out', local, '-q', '-w', '2'])).status).toBe(0);
    const collect = async () => {
      const r = await entente([...args, '--out', sharded, '--collect']);
      expect(r.status, r.stderr).toBe(0);
      log.push(r.stdout);
      return JSON.parse(read(sharded, 'manifest.json')).complete === true;
    };
    await collect();
    // Rounds alternate between 2 and 3 shards; shard 1 runs twice in every round.
    for (let step = 0; step < 30 && !(await collect()); step++) {
      const n = 2 + (step % 2);
      for (const k of [1, 1, ...Array.from({ length: n - 1 }, (_, i) => i + 2)]) {
        const r = await entente([...args, '--out', sharded, '--shard', `${k}/${n}`, '-w', '1']);
        expect(r.status, r.stderr).toBe(0);
        log.push(r.stdout);
      }
    }
  }, 240_000);

  it('gives the posterior of one process, byte for byte', () => {
    for (const name of ['posterior.csv', 'generations.csv', 'predictive.csv']) expect(read(sharded, name), name).toBe(read(local, name));
    expect(JSON.parse(read(sharded, 'manifest.json')).complete).toBe(true);
  });

  // Generations of several rounds: tests/calibration/abcRounds.test.ts.
  it('ran every generation in shards, and a shard run again did nothing', () => {
    const text = log.join('');
    for (const t of [0, 1, 2]) expect(text).toMatch(new RegExp(`generation ${t}, round 0, shard 2/`));
    expect(text).toMatch(/shard 1\/[23]: already done/);
  });

  it('refuses a shard before --collect has started the directory, and a round split two ways', async () => {
    await expectRefused(dir, [...args, '--shard', '1/2'], /no sharded calibration has been started/);
    const split = join(dir, 'split');
    expect((await entente([...args, '--out', split, '--collect', '-q'])).status).toBe(0);
    expect((await entente([...args, '--out', split, '--shard', '1/2', '-q'])).status).toBe(0);
    const r = await entente([...args, '--out', split, '--shard', '1/3', '-q']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/being run as 2 shards/);
  }, 60_000);

  it('refuses --shard with the optimiser, and --shard with --collect', async () => {
    await expectRefused(dir, ['calibrate', file, '--shard', '1/2'], /--shard and --collect run an ABC posterior/);
    await expectRefused(dir, [...args, '--shard', '1/2', '--collect'], /--shard evaluates one slice/);
  });
});
