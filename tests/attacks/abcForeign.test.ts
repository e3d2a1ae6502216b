/**
 * Attack: files of another calibration copied into this one's directory. Two calibrations of the
 * same file with different seeds, each started as shards; B's round file, or B's saved generation
 * with its record, copied over A's: A must refuse them with one line (record.ts: a record names the
 * calibration that wrote its file), where before it took B's distances or B's generation 0 and wrote
 * its posterior with exit 0.
 */
import { cpSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, it } from 'vitest';
import { tempDir } from '../helpers.js';
import { CALIBRATION, copier, ok, refused, smallAbc } from './abcSmall.js';

describe('calibrate --method abc refuses files another calibration wrote', () => {
  const dir = tempDir();
  const { args } = smallAbc(dir);
  const otherFile = join(dir, 'other.yaml');
  writeFileSync(otherFile, CALIBRATION.replace('seed: 5', 'seed: 6'));
  const other = ['calibrate', otherFile, ...args.slice(2)];
  const [a, b] = [join(dir, 'a'), join(dir, 'b')];
  const { copy } = copier(dir, a);

  beforeAll(async () => {
    for (const [flags, out] of [
      [args, a],
      [other, b],
    ] as const) {
      await ok([...flags, '--out', out, '--collect', '-q']);
      for (const k of [1, 2]) await ok([...flags, '--out', out, '--shard', `${k}/2`, '-q']);
    }
  }, 120_000);

  it('a round file (and its record) of a calibration with another seed', async () => {
    const out = copy();
    for (const name of readdirSync(join(b, 'rounds'))) cpSync(join(b, 'rounds', name), join(out, 'rounds', name));
    await refused([...args, '--out', out, '--collect'], out, /was written by another calibration/);
  });

  it('a saved generation (and its record) of a calibration with another seed', async () => {
    await ok([...args, '--out', a, '--collect', '-q']);
    await ok([...other, '--out', b, '--collect', '-q']);
    const out = copy();
    const saved = readdirSync(join(b, 'checkpoint'));
    for (const name of saved) cpSync(join(b, 'checkpoint', name), join(out, 'checkpoint', name));
    await refused([...args, '--out', out, '--shard', '1/2'], out, /was written by another calibration/);
  });
});
