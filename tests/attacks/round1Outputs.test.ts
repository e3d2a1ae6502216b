/**
 * The output-directory rule (README "Where output goes"), through the built
 * binary: entente replaces only its own earlier output of the same kind,
 * refuses other kinds without --force and foreign directories always, and a
 * write failure is an error that leaves nothing behind.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entente, ROOT, tempDir } from '../helpers.js';

const TUTORIAL = join(ROOT, 'scenarios', 'tutorial.yaml');
let dir: string;
let sweepFile: string;
beforeAll(() => {
  dir = tempDir('entente-outputs-');
  sweepFile = join(dir, 'small.yaml');
  writeFileSync(
    sweepFile,
    `scenario: ${TUTORIAL}\nname: small\ndesign: grid\nreplications: 2\nseed: 3\nparameters:\n  actors.P.costAversion: { min: 0.3, max: 0.6, steps: 3 }\n`,
  );
});

const mounts: string[] = [];
afterAll(() => {
  for (const at of mounts) spawnSync('umount', [at]);
});

const manifestOf = (d: string) => JSON.parse(readFileSync(join(d, 'manifest.json'), 'utf8')) as Record<string, unknown>;

describe('entente recognises its own output positively', () => {
  it('never replaces a directory with a foreign manifest.json, even with --force (and even as the working directory)', async () => {
    const x = join(dir, 'foreign');
    mkdirSync(join(x, 'src'), { recursive: true });
    writeFileSync(join(x, 'manifest.json'), '{"manifest_version":3}');
    writeFileSync(join(x, 'src', 'a.js'), 'code');
    for (const extra of [[], ['--force']]) {
      const r = await entente(['run', TUTORIAL, '--out', x, '-q', ...extra]);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/refusing to replace this directory: its manifest\.json was not written by entente/);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    writeFileSync(join(x, 'scenario.yaml'), readFileSync(TUTORIAL));
    const here = await entente(['run', 'scenario.yaml', '--out', '.', '-q'], x);
    expect(here.status).toBe(2);
    expect(readFileSync(join(x, 'src', 'a.js'), 'utf8')).toBe('code');
    expect(existsSync(join(x, 'scenario.yaml'))).toBe(true);
  });

  it('never replaces its own output once a user has put a file of theirs in it', async () => {
    const out = join(dir, 'annotated');
    expect((await entente(['run', TUTORIAL, '--out', out, '-q'])).status).toBe(0);
    writeFileSync(join(out, 'analysis.ipynb'), '{}');
    const r = await entente(['run', TUTORIAL, '--out', out, '-q', '--force']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/holds files entente did not write \(analysis\.ipynb\)/);
    expect(existsSync(join(out, 'analysis.ipynb'))).toBe(true);
  });

  it('refuses a file, and a path through a file, with exit 2 and one line', async () => {
    const file = join(dir, 'afile');
    writeFileSync(file, 'x');
    const r = await entente(['run', TUTORIAL, '--out', file, '-q']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/it is a file, not a directory/);
    const sub = await entente(['run', TUTORIAL, '--out', join(file, 'sub'), '-q']);
    expect(sub.status, sub.stderr).toBe(2);
    expect(sub.stderr).toMatch(/afile: a part of the output path is a file, not a directory/);
    expect(sub.stderr.trim().split('\n')).toHaveLength(1);
    expect(readFileSync(file, 'utf8')).toBe('x');
  });
});

describe('litter of killed runs', () => {
  it('temporary folders of dead processes on this host are removed by the next run into that place; live ones kept', async () => {
    const parent = join(dir, 'litter');
    mkdirSync(parent);
    const dead = join(parent, `.x.partial-${hostname()}-999999999-abc123`);
    const live = join(parent, `.x.partial-${hostname()}-${process.pid}-def456`);
    const elsewhere = join(parent, '.x.partial-another-host-999999999-ghi789');
    for (const d of [dead, live, elsewhere]) mkdirSync(d);
    const r = await entente(['run', TUTORIAL, '--out', join(parent, 'x'), '-q']);
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(live)).toBe(true); // this test's own process: still writing, as far as anyone can tell
    expect(existsSync(elsewhere)).toBe(true); // another machine's: its process cannot be asked
  });
});

describe('one rule for every command: replace your own kind, refuse others without --force', () => {
  it('run, compare, sweep, sensitivity-like reruns into their default folders succeed', async () => {
    const out = join(dir, 'same');
    for (let i = 0; i < 2; i++) expect((await entente(['run', TUTORIAL, '--out', out, '-q'])).status).toBe(0);
    const s = join(dir, 'sweep-again');
    for (let i = 0; i < 2; i++) {
      const r = await entente(['sweep', sweepFile, '--out', s, '-q', '--workers', '1']);
      expect(r.status, r.stderr).toBe(0);
    }
    expect(manifestOf(s)).toMatchObject({ entente_output: 'sweep', complete: true });
    const c = join(dir, 'compare-again');
    for (let i = 0; i < 2; i++) expect((await entente(['compare', TUTORIAL, '--out', c, '-q', '-r', '3'])).status).toBe(0);
    expect(manifestOf(c)).toMatchObject({ entente_output: 'compare', complete: true });
  });

  it('sweep --resume starts where nothing was started and does nothing on a finished sweep (a cluster task can always pass it)', async () => {
    const s = join(dir, 'always-resume');
    const first = await entente(['sweep', sweepFile, '--out', s, '-q', '--workers', '1', '--resume']);
    expect(first.status, first.stderr).toBe(0);
    const runs = readFileSync(join(s, 'runs.csv'), 'utf8');
    const manifest = readFileSync(join(s, 'manifest.json'), 'utf8');
    const again = await entente(['sweep', sweepFile, '--out', s, '-q', '--workers', '1', '--resume']);
    expect(again.status, again.stderr).toBe(0);
    expect(readFileSync(join(s, 'runs.csv'), 'utf8')).toBe(runs);
    expect(readFileSync(join(s, 'manifest.json'), 'utf8')).toBe(manifest); // untouched: nothing ran
  });

  it('a run refuses to replace a sweep; --force does', async () => {
    const s = join(dir, 'precious-sweep');
    expect((await entente(['sweep', sweepFile, '--out', s, '-q', '--workers', '1'])).status).toBe(0);
    const runs = readFileSync(join(s, 'runs.csv'), 'utf8');
    const r = await entente(['run', TUTORIAL, '--out', s, '-q']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/refusing to replace the output of entente sweep.*\(a sweep\) with a run.*--force/);
    expect(readFileSync(join(s, 'runs.csv'), 'utf8')).toBe(runs);
    const forced = await entente(['run', TUTORIAL, '--out', s, '-q', '--force']);
    expect(forced.status, forced.stderr).toBe(0);
    expect(existsSync(join(s, 'runs.csv'))).toBe(false);
    expect(manifestOf(s).entente_output).toBe('run');
  });

  it('compare across a sweep and discover refuse a directory holding a user’s robustness.csv or discovery.csv', async () => {
    for (const [args, name] of [
      [['compare', sweepFile], 'robustness.csv'],
      [['discover', sweepFile, '--lever', 'reward', '--pair', 'P-Q'], 'discovery.csv'],
    ] as const) {
      const mine = join(dir, `mine-${name}`);
      mkdirSync(mine);
      writeFileSync(join(mine, name), 'my,own\n1,2\n');
      const r = await entente([...args, '--out', mine, '-q', '--workers', '1']);
      expect(r.status, r.stderr).toBe(2);
      expect(readdirSync(mine)).toEqual([name]);
      expect(readFileSync(join(mine, name), 'utf8')).toBe('my,own\n1,2\n');
    }
  });

  it('compare across a sweep: written twice into its folder, marked as a robustness output, and -r/--seed refused', async () => {
    const out = join(dir, 'robust');
    for (let i = 0; i < 2; i++) {
      const r = await entente(['compare', sweepFile, '--out', out, '-q', '--workers', '1']);
      expect(r.status, r.stderr).toBe(0);
    }
    expect(manifestOf(out)).toMatchObject({ entente_output: 'robustness', complete: true });
    const before = readFileSync(join(out, 'robustness.csv'), 'utf8');
    for (const flag of [
      ['--seed', '99'],
      ['-r', '5'],
    ]) {
      const r = await entente(['compare', sweepFile, '--out', out, '-q', '--workers', '1', ...flag]);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/applies to a scenario, not to a sweep file/);
    }
    expect(readFileSync(join(out, 'robustness.csv'), 'utf8')).toBe(before);
  });

  it('report refuses a directory entente did not write', async () => {
    const mine = join(dir, 'looks-like-a-run');
    mkdirSync(mine);
    writeFileSync(join(mine, 'pairs.csv'), 'a,b\n');
    const r = await entente(['report', mine, '-q']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/not an entente output directory/);
    expect(readdirSync(mine)).toEqual(['pairs.csv']);
  });
});

describe('a write failure is an error, never a silent success', () => {
  it('a read-only place: exit 2, one line naming the path and the cause', async () => {
    let ro: string | undefined;
    let cause: RegExp;
    if (process.getuid?.() !== 0) {
      ro = join(dir, 'readonly');
      mkdirSync(ro);
      chmodSync(ro, 0o555);
      cause = /EACCES \(permission denied\)/;
    } else {
      // root writes through permissions: a read-only file system stops it.
      ro = mountTmpfs('ro,size=1m');
      cause = /EROFS \(read-only file system\)/;
    }
    if (ro === undefined) return;
    const r = await entente(['run', TUTORIAL, '--out', join(ro, 'x'), '-q']);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(cause);
    expect(r.stderr).toContain(ro);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  // A full disk: a small tmpfs that .ci/run mounts (ENTENTE_FULL_DISK), or one mounted here as root.
  const full = process.env.ENTENTE_FULL_DISK ?? mountTmpfs('size=2m');
  it.skipIf(full === undefined)(
    'a full disk: every command exits 4 with one line naming the path and ENOSPC, and leaves nothing',
    async () => {
      const disk = full as string;
      const big = join(ROOT, 'scenarios', 'china-russia-2022.yaml');
      const perTick = join(dir, 'per-tick.yaml');
      writeFileSync(perTick, `${readFileSync(sweepFile, 'utf8')}outputs: { ties: true, pairs: true }\n`);
      const cases: (readonly string[])[] = [
        ['run', big, '--contributions'],
        ['sweep', perTick, '--workers', '1'],
        ['compare', big, '--no-posterior', '-r', '400'],
        ['report', join(dir, 'report-me')],
        ['merge', join(dir, 'merge-me')],
        ['compare', perTick, '--workers', '1'], // across a sweep: its arms keep per-tick files
      ];
      expect((await entente(['run', TUTORIAL, '--out', join(dir, 'report-me'), '-q'])).status).toBe(0);
      expect((await entente(['sweep', perTick, '--out', join(dir, 'merge-me'), '--shard', '1/1', '-q', '--workers', '1'])).status).toBe(0);
      for (const args of cases) {
        // Leave 48 KiB free, so each command starts writing and runs out of space part-way.
        for (const f of readdirSync(disk)) rmSync(join(disk, f), { recursive: true, force: true });
        const free = Number(statfsSync(disk).bavail) * Number(statfsSync(disk).bsize);
        writeFileSync(join(disk, 'ballast'), Buffer.alloc(Math.max(0, free - 48 * 1024)));
        const out = join(disk, `out-${args[0]}`);
        const quiet = args[0] === 'merge' ? [] : ['-q'];
        const r = args[0] === 'report' ? await reportOnFullDisk(args[1] as string, disk) : await entente([...args, '--out', out, ...quiet]);
        expect(r.status, `${args.join(' ')}: ${r.stderr}`).toBe(4);
        expect(r.stderr).toMatch(/ENOSPC \(no space left on device\)/);
        expect(r.stderr).not.toMatch(/partial|\.tmp-/);
        expect(r.stderr.trim().split('\n')).toHaveLength(1);
        expect(litter(disk)).toEqual([]);
        if (args[0] === 'run' || args[0] === 'merge' || (args[0] === 'compare' && args[1] === big)) expect(existsSync(out)).toBe(false);
        // Written in place to be resumable (a sweep, a comparison across one): kept, and marked unfinished.
        else if (args[0] !== 'report') expect(manifestOf(out).complete).toBe(false);
        rmSync(join(disk, 'ballast'));
      }
    },
  );
});

/** Temporary files and directories anywhere under `d`. */
function litter(d: string): string[] {
  return readdirSync(d, { recursive: true, encoding: 'utf8' }).filter((f) => /partial|\.tmp-/.test(f));
}

/** A report written onto the full disk: copy a finished run there first, while there is room. */
async function reportOnFullDisk(run: string, disk: string) {
  const copy = join(disk, 'run-copy');
  rmSync(join(disk, 'ballast'), { force: true });
  cpSync(run, copy, { recursive: true });
  const free = Number(statfsSync(disk).bavail) * Number(statfsSync(disk).bsize);
  writeFileSync(join(disk, 'ballast'), Buffer.alloc(Math.max(0, free - 8 * 1024)));
  return await entente(['report', copy, '-q']);
}

/** As root on Linux, mount a small tmpfs with `options`; undefined (and a warning) where that is not permitted. */
function mountTmpfs(options: string): string | undefined {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) {
    console.warn(`skipped a case that needs a tmpfs (${options}): mounting needs root on Linux`);
    return undefined;
  }
  const at = tempDir('entente-mount-');
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', at]);
  if (r.status !== 0) {
    console.warn(`skipped a case that needs a tmpfs (${options}): ${String(r.stderr).trim()}`);
    return undefined;
  }
  mounts.push(at);
  return at;
}
