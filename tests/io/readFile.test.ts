/**
 * src/io/readFile.ts released: a stream's descriptor is closed when it resolves, whether the
 * stream was read to its end or left part way (the path a failing command takes). Without it,
 * a failed merge --format parquet returned while still holding a deleted file (seen in CI).
 */
import { readdirSync, readlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { released, streamRegular } from '../../src/io/readFile.js';
import { tempDir } from '../helpers.js';

const held = (path: string) =>
  readdirSync('/proc/self/fd').filter((fd) => {
    try {
      return readlinkSync(join('/proc/self/fd', fd)) === path;
    } catch {
      return false;
    }
  }).length;

describe.skipIf(process.platform !== 'linux')('released', () => {
  const path = join(tempDir(), 'big.csv');
  writeFileSync(path, 'x'.repeat(1 << 20));

  it('closes the descriptor of a stream left part way, as a throw out of for await leaves it', async () => {
    const source = streamRegular(path);
    for await (const _ of source) break;
    // for await's return() destroyed the stream, but its descriptor is closed later.
    const before = held(path);
    await released(source);
    expect(before).toBe(1);
    expect(held(path)).toBe(0);
  });

  it('and of one read to its end, and of one never read', async () => {
    const read = streamRegular(path);
    for await (const _ of read);
    await released(read);
    const unread = streamRegular(path);
    expect(held(path)).toBe(1);
    await released(unread);
    expect(held(path)).toBe(0);
    await released(unread); // twice is harmless
  });
});
