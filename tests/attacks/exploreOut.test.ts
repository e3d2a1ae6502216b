/**
 * Issue 27: `entente explore --out` keeps the rule every other command keeps (docs/reference.md,
 * "Where output goes"): it replaces a page it wrote, and never another file, whatever the flags;
 * and it decides by looking at the file's first bytes, never by reading it whole.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, ftruncateSync, openSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO, entente, fileIn, tempDir } from '../helpers.js';

/** A refusal as bad input: exit 2, one line naming the file, no stack trace, and no offer of --force. */
async function refused(out: string, ...flags: string[]): Promise<string> {
  const r = await entente(['explore', DEFAULT_SCENARIO, '--out', out, '--no-posterior', '-q', ...flags]);
  expect(r.status, r.stderr).toBe(2);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toContain(out);
  expect(r.stderr).not.toMatch(/\n\s+at |internal error|--force/);
  return r.stderr;
}

describe('entente explore --out replaces only its own page', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir('entente-attack-explore-out-');
  });

  it('a user’s text file is refused, even with --force, and left byte for byte', async () => {
    const text = 'my notes\n\u00e9t\u00e9 \u2014 not a page\n';
    for (const name of ['notes.txt', 'notes.html']) {
      const mine = fileIn(dir, name, text);
      const before = readFileSync(mine);
      for (const flags of [[], ['--force']]) {
        expect(await refused(mine, ...flags)).toMatch(/exists and is not a page entente explore wrote/);
        expect(readFileSync(mine).equals(before)).toBe(true);
      }
    }
  });

  it('its own page is replaced, with or without --force', async () => {
    const own = join(dir, 'own.html');
    for (const flags of [[], [], ['--force']]) {
      const r = await entente(['explore', DEFAULT_SCENARIO, '--out', own, '--no-posterior', '-q', ...flags]);
      expect(r.status, r.stderr).toBe(0);
    }
    expect(readFileSync(own, 'utf8')).toMatch(/^<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="generator"/);
  });

  it('a 3 GB file is refused from its head, never read whole, and left as it was', async () => {
    // Sparse: its size costs no disk, and reading it whole would take 3 GB of memory.
    const big = join(dir, 'big.html');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, 3 * 2 ** 30);
    closeSync(fd);
    const before = statSync(big);
    for (const flags of [[], ['--force']]) expect(await refused(big, ...flags)).toMatch(/is not a page entente explore wrote/);
    const after = statSync(big);
    expect([after.size, after.mtimeMs, after.ino]).toEqual([before.size, before.mtimeMs, before.ino]);
  });

  it('a FIFO is refused without being opened, even with --force, and stays a FIFO', async () => {
    const fifo = join(dir, 'page.html');
    execFileSync('mkfifo', [fifo]);
    for (const flags of [[], ['--force']]) expect(await refused(fifo, ...flags)).toMatch(/is not a page entente explore wrote/);
    expect(statSync(fifo).isFIFO()).toBe(true);
  });
});
