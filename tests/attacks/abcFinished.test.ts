/**
 * Issue 27: `calibrate --method abc --resume`, `--collect` and `--shard K/N` on a calibration that
 * has already finished (a Slurm job submitted again, docs/calibration.md) say it is finished and
 * exit 0, changing no byte of the directory; a calibration with other settings or another file is
 * still refused. The finished manifest's `calibration` says more than the identity a run checks
 * (the file's name and the observed data's path): it was compared as a whole and refused as
 * "another calibration".
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { entente, fileIn, tempDir } from '../helpers.js';
import { CALIBRATION, complete, ok, runSharded, smallAbc, snapshot } from './abcSmall.js';

describe('calibrate --method abc on a finished calibration', () => {
  const dir = tempDir();
  const { file, args } = smallAbc(dir);
  const local = join(dir, 'local');
  const sharded = join(dir, 'sharded');

  beforeAll(async () => {
    await ok([...args, '--out', local, '-q']);
    await runSharded(args, sharded);
    expect(complete(sharded)).toBe(true);
  }, 120_000);

  it.each([
    ['--resume', ['--resume'], /complete; nothing to resume/],
    ['--collect', ['--collect'], /the calibration is complete/],
    ['--shard', ['--shard', '2/2'], /complete; shard 2\/2 has nothing to do/],
  ])('%s says it is finished, exits 0 and changes nothing', async (_, flags, said) => {
    for (const out of [local, sharded]) {
      const before = snapshot(out);
      const r = await entente([...args, '--out', out, ...flags]);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toMatch(said);
      expect(snapshot(out)).toEqual(before);
    }
  });

  it('the directories finished in one process and by shards hold the same posterior', () => {
    const [a, b] = [snapshot(local), snapshot(sharded)];
    for (const name of ['posterior.csv', 'generations.csv', 'predictive.csv']) expect(b.get(name), name).toBe(a.get(name));
  });

  it('still refuses other settings or another calibration file, with one line', async () => {
    const other = fileIn(dir, 'other.yaml', CALIBRATION.replace('seed: 5', 'seed: 6'));
    for (const [flags, said] of [
      [[...args.map((a) => (a === '20' ? '30' : a)), '--resume'], /another particles/],
      [[...args.map((a) => (a === file ? other : a)), '--collect'], /another calibration/],
      [[...args.map((a) => (a === file ? other : a)), '--shard', '1/2'], /another calibration/],
    ] as const) {
      const before = snapshot(local);
      const r = await entente([...flags, '--out', local]);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(said);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(snapshot(local)).toEqual(before);
    }
  });
});
