/**
 * Attack: a nearly full disk, where write(2) writes part of what it is given and reports no error.
 * Every command that writes is run with a few pages less free space than its output needs, so
 * that the last and largest writes come up short: it must either finish with every file whole,
 * or exit 4 with one line naming ENOSPC and leave nothing behind (src/io/atomicFile.ts writeAll
 * and expectSize). Before: calibrate --apply cut a user's scenario, and the explore page,
 * report.html and a run's manifest.json were cut, each with exit 0.
 *
 * Needs a small tmpfs: one of 4 MiB mounted here as root, else ENTENTE_FULL_DISK (which .ci/run mounts).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, readlinkSync, rmSync, statfsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliResult, entente, ROOT, tempDir } from '../helpers.js';

const PAGE = 4096;
const TUTORIAL = join(ROOT, 'scenarios', 'tutorial.yaml');
const DEFAULT = join(ROOT, 'scenarios', 'china-russia-2022.yaml');
const work = tempDir('entente-attack-short-');

const mounted: string[] = [];
function tmpfs(): string | undefined {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return undefined;
  const at = tempDir('entente-attack-tmpfs-');
  if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', at]).status !== 0) return undefined;
  mounted.push(at);
  return at;
}
const disk = tmpfs() ?? process.env.ENTENTE_FULL_DISK;
afterAll(() => {
  for (const at of mounted) spawnSync('umount', [at]);
});

const free = (d: string) => Number(statfsSync(d).bavail) * Number(statfsSync(d).bsize);

/** Empty the disk, lay down `before` (files the command needs there), then leave `bytes` free. */
function prepare(d: string, before: () => void, bytes: number): void {
  for (const f of readdirSync(d)) rmSync(join(d, f), { recursive: true, force: true });
  before();
  writeFileSync(join(d, 'ballast'), Buffer.alloc(Math.max(0, free(d) - bytes)));
}

/** Files this process holds open under `d` (Linux: /proc/self/fd): a failure that leaks a descriptor keeps a deleted file, and its disk, busy. */
function heldOn(d: string): string[] {
  if (!existsSync('/proc/self/fd')) return [];
  return readdirSync('/proc/self/fd').flatMap((fd) => {
    try {
      const target = readlinkSync(join('/proc/self/fd', fd));
      return target.startsWith(d) ? [target] : [];
    } catch {
      return [];
    }
  });
}

/** Temporary files and directories anywhere under `d`. */
const litter = (d: string) => readdirSync(d, { recursive: true, encoding: 'utf8' }).filter((f) => /partial|\.tmp-/.test(f));

interface Case {
  readonly name: string;
  /** Files the command needs on the disk before it runs. */
  readonly before: (d: string) => void;
  readonly run: (d: string) => Promise<CliResult>;
  /** What the command writes, for its size and to be checked whole: paths under the disk. */
  readonly outputs: (d: string) => string[];
  /** Throws unless the files the command left are whole. */
  readonly whole: (d: string, reference: Map<string, Buffer>) => void;
  /** The room it takes, if not what the disk lost (a file replaced takes room for its new text beside the old). */
  readonly room?: (reference: Map<string, Buffer>) => number;
}

/** Every file under `path` (or `path` itself), by path relative to the disk. */
function filesUnder(d: string, path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path.slice(d.length + 1)];
  return readdirSync(path, { recursive: true, encoding: 'utf8' })
    .map((f) => join(path, f))
    .filter((f) => statSync(f).isFile())
    .map((f) => f.slice(d.length + 1));
}

/** Each file the same size as in the roomy run (manifests: JSON that parses; their timings differ). */
function sameAsReference(d: string, reference: Map<string, Buffer>, paths: string[]): void {
  for (const rel of paths) {
    if (rel.includes('/chunks/')) continue; // an unfinished sweep's chunks: each proven by its record, or run again (experiments/chunkFiles.ts)
    const bytes = readFileSync(join(d, rel));
    if (rel.endsWith('manifest.json')) expect(() => JSON.parse(bytes.toString('utf8')), rel).not.toThrow();
    else expect(bytes.length, rel).toBe(reference.get(rel)?.length);
  }
}

let shards: string[] = [];
let finishedRun = '';
let calibration = '';
beforeAll(async () => {
  const sweep = join(work, 'sweep.yaml');
  writeFileSync(
    sweep,
    `scenario: ${TUTORIAL}\nname: small\ndesign: grid\nreplications: 2\nseed: 3\nparameters:\n  actors.P.costAversion: { min: 0.3, max: 0.6, steps: 3 }\n`,
  );
  shards = [1, 2].map((k) => join(work, `shard${k}`));
  for (const [i, out] of shards.entries())
    expect((await entente(['sweep', sweep, '--out', out, '--shard', `${i + 1}/2`, '-w', '1', '-q'])).status).toBe(0);
  finishedRun = join(work, 'run');
  expect((await entente(['run', TUTORIAL, '--out', finishedRun, '-q', '-r', '2'])).status).toBe(0);
  calibration = join(work, 'calibration.yaml');
  writeFileSync(join(work, 'short.yaml'), readFileSync(TUTORIAL, 'utf8').replace(/^ticks: 24 /m, 'ticks: 13 '));
});

const cases: Case[] = [
  {
    name: 'run',
    before: () => {},
    // 160 replications of a 13-month tutorial: its manifest.json (the runs' seeds) is two pages, written last.
    run: (d) => entente(['run', join(work, 'short.yaml'), '--out', join(d, 'out'), '-q', '-r', '160']),
    outputs: (d) => filesUnder(d, join(d, 'out')),
    whole: (d, ref) => sameAsReference(d, ref, filesUnder(d, join(d, 'out'))),
  },
  {
    name: 'sweep',
    before: () => {},
    run: (d) => entente(['sweep', join(work, 'sweep.yaml'), '--out', join(d, 'out'), '-q', '-w', '1']),
    outputs: (d) => filesUnder(d, join(d, 'out')),
    whole: (d, ref) => sameAsReference(d, ref, filesUnder(d, join(d, 'out'))),
  },
  {
    name: 'merge',
    before: () => {},
    run: (d) => entente(['merge', ...shards, '--out', join(d, 'out')]),
    outputs: (d) => filesUnder(d, join(d, 'out')),
    whole: (d, ref) => sameAsReference(d, ref, filesUnder(d, join(d, 'out'))),
  },
  {
    name: 'run --format parquet',
    before: () => {},
    run: (d) => entente(['run', join(work, 'short.yaml'), '--out', join(d, 'out'), '-q', '-r', '160', '--format', 'parquet']),
    outputs: (d) => filesUnder(d, join(d, 'out')),
    whole: (d, ref) => sameAsReference(d, ref, filesUnder(d, join(d, 'out'))),
  },
  {
    name: 'sweep --format parquet',
    before: () => {},
    run: (d) => entente(['sweep', join(work, 'sweep.yaml'), '--out', join(d, 'out'), '-q', '-w', '1', '--format', 'parquet']),
    outputs: (d) => filesUnder(d, join(d, 'out')),
    whole: (d, ref) => sameAsReference(d, ref, filesUnder(d, join(d, 'out'))),
  },
  {
    name: 'merge --format parquet',
    before: () => {},
    run: (d) => entente(['merge', ...shards, '--out', join(d, 'out'), '--format', 'parquet']),
    outputs: (d) => filesUnder(d, join(d, 'out')),
    whole: (d, ref) => sameAsReference(d, ref, filesUnder(d, join(d, 'out'))),
  },
  {
    name: 'compare',
    before: () => {},
    run: (d) => entente(['compare', DEFAULT, '--no-posterior', '-r', '20', '--out', join(d, 'out'), '-q']),
    outputs: (d) => filesUnder(d, join(d, 'out')),
    whole: (d, ref) => sameAsReference(d, ref, filesUnder(d, join(d, 'out'))),
  },
  {
    name: 'report',
    before: (d) => cpSync(finishedRun, join(d, 'run'), { recursive: true }),
    run: (d) => entente(['report', join(d, 'run'), '-q']),
    outputs: (d) => filesUnder(d, join(d, 'run')),
    whole: (d, ref) => {
      sameAsReference(d, ref, filesUnder(d, join(d, 'run')));
      const html = join(d, 'run', 'report.html');
      if (existsSync(html)) expect(readFileSync(html, 'utf8')).toMatch(/<\/html>\s*$/);
    },
  },
  {
    name: 'explore',
    before: () => {},
    run: (d) => entente(['explore', TUTORIAL, '--out', join(d, 'page.html'), '-q']),
    outputs: (d) => filesUnder(d, join(d, 'page.html')),
    whole: (d, ref) => {
      sameAsReference(d, ref, filesUnder(d, join(d, 'page.html')));
      if (existsSync(join(d, 'page.html'))) expect(readFileSync(join(d, 'page.html'), 'utf8')).toMatch(/<\/html>\s*$/);
    },
  },
  {
    name: 'calibrate --apply',
    before: (d) => {
      cpSync(DEFAULT, join(d, 'scenario.yaml'));
      writeFileSync(
        calibration,
        `name: tiny\nscenario: ${join(d, 'scenario.yaml')}\ndesign: lhs\nsamples: 2\nreplications: 1\nseed: 9\nparameters:\n  model.glutDiscount: { min: 1, max: 30 }\n  model.marketGain: { min: 0.5, max: 4 }\ncalibration:\n  observed: ${join(ROOT, 'data', 'china-russia-observed.csv')}\n  targets:\n    - { indicator: bilateral_trade, period: "2022", statistic: growth, scale: 0.05 }\n`,
      );
    },
    run: () => entente(['calibrate', calibration, '--apply', '--out', join(work, `calibration-${Math.random()}`), '-q', '-w', '1']),
    outputs: (d) => ['scenario.yaml'].filter((f) => existsSync(join(d, f))),
    whole: (d, ref) => {
      const text = readFileSync(join(d, 'scenario.yaml'));
      // Either the original (the write failed and left it) or the whole new text: never a part.
      if (!text.equals(readFileSync(DEFAULT))) expect(text.equals(ref.get('scenario.yaml') as Buffer)).toBe(true);
    },
    room: (ref) => Math.ceil((ref.get('scenario.yaml') as Buffer).length / PAGE) * PAGE,
  },
];

describe.skipIf(disk === undefined)('a nearly full disk: every write is whole, or the command fails and leaves nothing', () => {
  for (const c of cases) {
    it(c.name, { timeout: 120_000 }, async () => {
      const d = disk as string;
      // The roomy run: what the command writes, and how much room it takes.
      prepare(d, () => c.before(d), 3 * 1024 * 1024);
      const before = free(d);
      const roomy = await c.run(d);
      expect(roomy.status, roomy.stderr).toBe(0);
      const reference = new Map(c.outputs(d).map((rel) => [rel, readFileSync(join(d, rel))]));
      const need = c.room?.(reference) ?? before - free(d);
      expect(need).toBeGreaterThan(0);
      // Then short by one page, by two, by half the room: the last writes come up short.
      for (const short of [PAGE, 2 * PAGE, Math.floor(need / 2 / PAGE) * PAGE]) {
        prepare(d, () => c.before(d), Math.max(0, need - short));
        const r = await c.run(d);
        if (r.status === 0) c.whole(d, reference);
        else {
          expect(r.status, `${c.name}, ${short} bytes short: ${r.stderr}`).toBe(4);
          expect(r.stderr).toMatch(/ENOSPC \(no space left on device\)|EIO \(input\/output error\)/);
          expect(r.stderr, 'the line names the file on the full disk').toContain(d);
          expect(r.stderr, 'the file the user asked for, not a temporary one').not.toMatch(/\.tmp-\d+|partial/);
          expect(r.stderr.trim().split('\n')).toHaveLength(1);
          c.whole(d, reference); // what is there (an untouched scenario, say) is whole
        }
        expect(litter(d)).toEqual([]);
        expect(heldOn(d), 'files left open on the disk').toEqual([]);
      }
    });
  }
});

if (disk === undefined)
  console.warn('skipped tests/attacks/shortWrites.test.ts: no tmpfs (set ENTENTE_FULL_DISK, or run as root on Linux)');
