/**
 * Attack: what only a process meets. A reader that closes the pipe early (`entente CMD --help |
 * head -1`) printed an EPIPE stack trace for every command; SIGTERM (what `timeout`, Slurm and
 * `docker stop` send) was not handled, so a run left its hidden partial folder (1.4 GB once) until
 * the next run into that place. Both through the built binary (src/cli/main.ts).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, DEFAULT_SCENARIO, entente, tempDir } from '../helpers.js';

const COMMANDS = ['run', 'sweep', 'merge', 'compare', 'sensitivity', 'discover', 'calibrate', 'explore', 'report', 'check', 'schema'];

describe('a pipe closed by its reader', () => {
  it.each(COMMANDS)('entente %s --help | head -1: the first line, and not a word on stderr', (command) => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" ${command} --help | head -c 20`], { encoding: 'utf8' });
    expect(r.stdout).toMatch(/^Usage: entente/);
    expect(r.stderr).toBe('');
  });

  it('entente schema | head -c 1 (a long output cut after its first byte)', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" schema | head -c 1`], { encoding: 'utf8' });
    expect(r.stdout).toHaveLength(1);
    expect(r.stderr).toBe('');
  });
});

describe('SIGTERM stops a command as Ctrl-C does', () => {
  it('a run: status 143, one line, no output and no hidden partial folder left', async () => {
    const dir = tempDir('entente-attack-sigterm-');
    const out = join(dir, 'run');
    const child = spawn(process.execPath, [BIN, 'run', DEFAULT_SCENARIO, '--out', out, '-r', '100000', '--max-output', '100G', '-q']);
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += String(d);
    });
    // Wait until the run is writing (its partial folder exists), then stop it.
    for (let i = 0; i < 200 && !readdirSync(dir).some((f) => f.includes('partial')); i++) await new Promise((r) => setTimeout(r, 25));
    expect(readdirSync(dir).some((f) => f.includes('partial'))).toBe(true);
    child.kill('SIGTERM');
    const status = await new Promise((resolve) => child.on('exit', (code) => resolve(code)));
    expect(status).toBe(143);
    expect(stderr.trim().split('\n')).toEqual(['entente: terminated (SIGTERM) (a run leaves no output; a sweep continues with --resume)']);
    expect(readdirSync(dir)).toEqual([]);
    expect(existsSync(out)).toBe(false);
    // And the place is usable at once.
    expect((await entente(['run', DEFAULT_SCENARIO, '--out', out, '-q', '-r', '1'])).status).toBe(0);
  });

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('a report: %s stops it between charts (it ran to the end and exited 0)', async (signal, code) => {
    const dir = tempDir('entente-attack-report-signal-');
    const out = join(dir, 'run');
    expect((await entente(['run', DEFAULT_SCENARIO, '--out', out, '-q', '-r', '2'])).status).toBe(0);
    const child = spawn(process.execPath, [BIN, 'report', out]);
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += String(d);
    });
    // Wait until the first chart is drawn, then stop it.
    const drawn = () => existsSync(join(out, 'charts')) && readdirSync(join(out, 'charts')).some((f) => f.endsWith('.svg'));
    for (let i = 0; i < 800 && !drawn(); i++) await new Promise((r) => setTimeout(r, 5));
    expect(drawn()).toBe(true);
    child.kill(signal);
    const status = await new Promise((resolve) => child.on('exit', (c) => resolve(c)));
    expect(status, stderr).toBe(code);
    expect(existsSync(join(out, 'report.html'))).toBe(false);
  });
});
