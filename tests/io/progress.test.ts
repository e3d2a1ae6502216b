/**
 * Progress (src/experiments/progress.ts): a bar redrawn in place on a terminal, a line every few
 * seconds in a log, nothing when quiet; and on the commands that can take long (report here;
 * sweep, compare, calibrate draw theirs the same way).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { progress } from '../../src/experiments/progress.js';
import { cli, DEFAULT_SCENARIO, tempDir } from '../helpers.js';

function sink(tty: boolean): { stream: NodeJS.WriteStream; text: () => string } {
  let text = '';
  const write = (s: string) => {
    text += s;
    return true;
  };
  const stream = { isTTY: tty, write } as unknown as NodeJS.WriteStream;
  // The terminal's erase-to-end-of-line escape, shown as <EL> so the patterns below can name it.
  return { stream, text: () => text.replaceAll('\u001b[K', '<EL>') };
}

describe('progress', () => {
  it('on a terminal: a bar redrawn in place, with count, rate, ETA and unit, and a final line end', () => {
    const out = sink(true);
    const bar = progress(4, 0, { quiet: false, stream: out.stream, unit: 'charts' });
    bar.add(1);
    bar.add(3);
    bar.done();
    expect(out.text()).toMatch(/^\r\[#{8}\.{22}\] 1\/4 charts {2}[\d.]+ charts\/s {2}ETA \S+<EL>/);
    expect(out.text()).toMatch(/\r\[#{30}\] 4\/4 charts .*<EL>\n$/);
  });

  it('in a log: plain labelled lines, not a redrawn bar; nothing when quiet', () => {
    const log = sink(false);
    const bar = progress(10, 2, { quiet: false, stream: log.stream, label: 'report', unit: 'charts' });
    bar.add(3);
    bar.done();
    const lines = log.text().trimEnd().split('\n');
    expect(lines.every((l) => /^report: \d+\/10 charts /.test(l))).toBe(true);
    expect(log.text()).not.toContain('\r');
    const quiet = sink(false);
    const none = progress(10, 0, { quiet: true, stream: quiet.stream });
    none.add(5);
    none.done();
    expect(quiet.text()).toBe('');
  });

  it('entente report shows progress on stderr, and none with --quiet', () => {
    const out = join(tempDir(), 'run');
    expect(cli(['run', DEFAULT_SCENARIO, '-r', '2', '--out', out, '-q']).status).toBe(0);
    const r = cli(['report', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^report: \d\/\d charts /m);
    expect(cli(['report', out, '-q']).stderr).toBe('');
  }, 60_000);
});
