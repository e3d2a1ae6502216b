/**
 * A large run says how much it will write before it starts, and shows its progress (issue 32: a
 * `run --contributions` wrote 130 MB with no word); a small one prints nothing on stderr.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO, entente, tempDir } from '../helpers.js';

describe('entente run and the size of what it writes', () => {
  it('with --contributions over 50 MB: a note of the size first, then progress by replication', async () => {
    const r = await entente(['run', DEFAULT_SCENARIO, '--contributions', '-r', '12', '--out', join(tempDir(), 'big')]);
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toMatch(/^note: this run writes about (\d+) MB, [\d.]+ MB a replication \(contributions\.csv is most of it\)$/);
    expect(Number(/about (\d+) MB/.exec(lines[0] as string)?.[1])).toBeGreaterThan(50);
    expect(lines.at(-1)).toMatch(/^run: 12\/12 replications/);
  }, 60_000);

  it('a small run writes nothing on stderr, and -q silences a large one', async () => {
    const small = await entente(['run', DEFAULT_SCENARIO, '-r', '2', '--out', join(tempDir(), 'small')]);
    expect([small.status, small.stderr]).toEqual([0, '']);
    const quiet = await entente(['run', DEFAULT_SCENARIO, '--contributions', '-r', '12', '--out', join(tempDir(), 'quiet'), '-q']);
    expect([quiet.status, quiet.stderr]).toEqual([0, '']);
  }, 60_000);
});
