/** entente sweep and merge through the built binary: equality across workers, shards and resume; bad input. */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, type CliResult, DEFAULT_SCENARIO, entente, tempDir } from '../helpers.js';

const dir = tempDir('entente-sweep-');

function sweepFile(name: string, body: string): string {
  const file = join(dir, name);
  writeFileSync(file, `scenario: ${DEFAULT_SCENARIO}\n${body}`);
  return file;
}

// 40 points × 32 replications: chunks of 8 points, so 5 chunks to split, kill and resume.
const SWEEP = sweepFile(
  'lhs.yaml',
  `design: lhs
samples: 40
replications: 32
seed: 11
parameters:
  actors.CHN.costAversion: { min: 0.4, max: 1.0 }
  shocks.eo14114.enforcement: { min: 0.2, max: 1.0 }
  pairs.CHN-RUS.alignment: [0.5, 0.7, 0.9]
`,
);

const read = (d: string, f: string) => readFileSync(join(d, f), 'utf8');

/** SWEEP with another seed, as file `name`: a different sweep whose shape is the same. */
const reseeded = (name: string, seed: number) =>
  sweepFile(
    name,
    read(dir, 'lhs.yaml')
      .replace(/^scenario:.*\n/, '')
      .replace('seed: 11', `seed: ${seed}`),
  );

/** Resolves once a sweep has finished its first chunk (its record, written last, is there). */
function firstChunk(chunks: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const started = Date.now();
    const poll = setInterval(() => {
      const done = existsSync(chunks) ? readdirSync(chunks).filter((f) => f.endsWith('.done.json')).length : 0;
      if (done >= 1) {
        clearInterval(poll);
        resolve();
      } else if (Date.now() - started > 30_000) {
        clearInterval(poll);
        reject(new Error('no chunk finished within 30 s'));
      }
    }, 5);
  });
}

describe('entente sweep', () => {
  const one = join(dir, 'w1');
  const two = join(dir, 'w2');
  let r1: CliResult;
  let r2: CliResult;
  beforeAll(async () => {
    r1 = await entente(['sweep', SWEEP, '--out', one, '--workers', '1']);
    r2 = await entente(['sweep', SWEEP, '--out', two, '--workers', '2', '--quiet']);
  });

  it('writes points.csv and runs.csv with the columns of docs/reference.md', () => {
    expect(r1.status, r1.stderr).toBe(0);
    expect(read(one, 'runs.csv').split('\n')[0]).toBe(
      'point,replication,seed,actors.CHN.costAversion,shocks.eo14114.enforcement,pairs.CHN-RUS.alignment,a,b,depth_final,depth_mean,rhetoric_final,rhetoric_mean',
    );
    expect(read(one, 'points.csv').trim().split('\n')).toHaveLength(41);
    // 40 points × 32 replications × 12 pairs, in (point, replication) order.
    const rows = read(one, 'runs.csv').trim().split('\n').slice(1);
    expect(rows).toHaveLength(40 * 32 * 12);
    const keys = rows.map((r) => r.split(',').slice(0, 2).map(Number));
    for (let i = 1; i < keys.length; i++) {
      const [p0, r0] = keys[i - 1] as number[];
      const [p1, r1_] = keys[i] as number[];
      expect((p1 as number) > (p0 as number) || (p1 === p0 && (r1_ as number) >= (r0 as number))).toBe(true);
    }
    expect(r1.stdout).toMatch(/40 points × 32 replications, 1280 runs/);
    expect(r1.stderr).toMatch(/sweep: 1280\/1280 runs/); // not a terminal: progress lines
    expect(r2.stderr).toBe('');
  });

  it('gives byte-identical files for 1 and 2 workers', () => {
    expect(r2.status, r2.stderr).toBe(0);
    for (const f of ['runs.csv', 'points.csv', 'failures.csv', 'sweep.json']) expect(read(two, f)).toBe(read(one, f));
  });

  it('3 shards merged equal the single-machine sweep; merge refuses mixed or missing shards', async () => {
    const shards = [1, 2, 3].map((k) => join(dir, `shard${k}`));
    for (const [i, out] of shards.entries()) {
      const r = await entente(['sweep', SWEEP, '--out', out, '--shard', `${i + 1}/3`, '--workers', '1', '-q']);
      expect(r.status, r.stderr).toBe(0);
    }
    const merged = join(dir, 'merged');
    const m = await entente(['merge', shards[2] as string, shards[0] as string, shards[1] as string, '--out', merged]);
    expect(m.status, m.stderr).toBe(0);
    for (const f of ['runs.csv', 'points.csv', 'failures.csv', 'sweep.json']) expect(read(merged, f)).toBe(read(one, f));

    const missing = await entente(['merge', shards[0] as string, shards[2] as string, '--out', join(dir, 'm2')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/shards are missing or repeated \(expected shards 1, 2, 3 once each, found 1, 3\)/);

    const other = join(dir, 'other-seed');
    expect((await entente(['sweep', reseeded('seed.yaml', 12), '--out', other, '--shard', '2/3', '-q'])).status).toBe(0);
    const mixed = await entente(['merge', shards[0] as string, other, shards[2] as string, '--out', join(dir, 'm3')]);
    expect(mixed.status).toBe(2);
    expect(mixed.stderr).toMatch(/shards come from different sweeps/);
    expect(existsSync(join(dir, 'm3'))).toBe(false);
  });

  it('Ctrl-C stops with status 130 and keeps finished chunks; --resume completes the same runs.csv', async () => {
    const out = join(dir, 'interrupted');
    const child = spawn(process.execPath, [BIN, 'sweep', SWEEP, '--out', out, '--workers', '1', '-q']);
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += String(d);
    });
    await firstChunk(join(out, 'chunks'));
    child.kill('SIGINT');
    const status = await new Promise((resolve) => child.on('exit', (code) => resolve(code)));
    expect(status).toBe(130);
    expect(stderr).toMatch(/interrupted.*--resume/);
    expect(existsSync(join(out, 'runs.csv'))).toBe(false);
    const resumed = await entente(['sweep', SWEEP, '--out', out, '--resume', '-q']);
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(read(out, 'runs.csv')).toBe(read(one, 'runs.csv'));
  });

  it('--resume after kill -9 runs only what is missing and ends with the same runs.csv', async () => {
    const out = join(dir, 'killed');
    const child = spawn(process.execPath, [BIN, 'sweep', SWEEP, '--out', out, '--workers', '1', '-q']);
    await firstChunk(join(out, 'chunks'));
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('exit', resolve));
    expect(existsSync(join(out, 'runs.csv'))).toBe(false); // killed before the end: nothing that looks complete

    const again = await entente(['sweep', SWEEP, '--out', out, '--workers', '2', '-q']);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/holds an unfinished sweep \(expected --resume to continue it, --force to start it over/);

    // A finished chunk damaged after the kill (a truncated file) must not count as done,
    // and the litter of killed writers is cleaned.
    const chunks = join(out, 'chunks');
    const finished = readdirSync(chunks).filter((f) => f.endsWith('.done.json'));
    const victim = join(chunks, (finished[0] as string).replace('.done.json', '.runs.csv'));
    writeFileSync(victim, read(chunks, basename(victim)).slice(0, 100));
    writeFileSync(join(chunks, '00000004.runs.csv.tmp-99999999'), 'half a chunk');
    writeFileSync(join(out, 'runs.csv.tmp-99999998'), 'half a file');

    const resumed = await entente(['sweep', SWEEP, '--out', out, '--workers', '2', '--resume', '-q']);
    expect(resumed.status, resumed.stderr).toBe(0);
    const manifest = JSON.parse(read(out, 'manifest.json'));
    expect(manifest.chunksResumed).toBe(finished.length - 1); // the damaged chunk ran again
    expect(manifest.chunksRun).toBe(5 - finished.length + 1);
    expect(manifest.complete).toBe(true);
    expect(read(out, 'runs.csv')).toBe(read(one, 'runs.csv'));
    expect(readdirSync(out).filter((f) => f.includes('.tmp-'))).toEqual([]);

    const wrong = await entente(['sweep', reseeded('seed2.yaml', 99), '--out', out, '--resume', '-q']);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(/cannot resume: the directory holds another sweep/);
  });
});

describe('bad sweep files: exit status 2, a clear message, nothing written', () => {
  const cases: [string, string, RegExp][] = [
    [
      'unknown path',
      'design: random\nsamples: 4\nparameters:\n  actors.CHN.costAversoin: { min: 0, max: 1 }\n',
      /parameters\.actors\.CHN\.costAversoin: parameter "actors\.CHN\.costAversoin" = 0: parameter path names nothing/,
    ],
    [
      'empty list',
      'design: grid\nparameters:\n  actors.CHN.costAversion: []\n',
      /parameters\.actors\.CHN\.costAversion: (too few items|wrong type)/,
    ],
    [
      'min > max',
      'design: lhs\nsamples: 4\nparameters:\n  actors.CHN.costAversion: { min: 0.9, max: 0.1 }\n',
      /:5: parameters\.actors\.CHN\.costAversion\.min: min is greater than max \(expected min ≤ max \(0\.1\), found 0\.9\)/,
    ],
    [
      'samples with grid',
      'design: grid\nsamples: 10\nparameters:\n  actors.CHN.costAversion: [0.2, 0.4]\n',
      /samples: samples are not allowed by the grid design/,
    ],
    [
      'lhs without samples',
      'design: lhs\nparameters:\n  actors.CHN.costAversion: { min: 0.2, max: 0.4 }\n',
      /design: the lhs design needs samples/,
    ],
    [
      'value out of range',
      'design: random\nsamples: 4\nparameters:\n  actors.CHN.costAversion: { min: 0.5, max: 1.5 }\n',
      /parameter "actors\.CHN\.costAversion" = 1\.5: out of range/,
    ],
    [
      'unknown design',
      'design: sobolev\nsamples: 4\nparameters:\n  actors.CHN.costAversion: [0.2]\n',
      /design: not an allowed value \(expected one of: grid, random, lhs/,
    ],
    [
      'grid range without steps',
      'design: grid\nparameters:\n  actors.CHN.costAversion: { min: 0.2, max: 0.4 }\n',
      /a range in a grid needs steps/,
    ],
  ];
  it.each(cases)('%s', async (name, body, pattern) => {
    const file = sweepFile(`bad-${name.replace(/\W+/g, '-')}.yaml`, body);
    const out = join(dir, `bad-out-${name.replace(/\W+/g, '-')}`);
    const r = await entente(['sweep', file, '--out', out]);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(pattern);
    expect(existsSync(out)).toBe(false);
    expect((await entente(['check', file])).status).toBe(2);
  });

  it('a bad --shard', async () => {
    const r = await entente(['sweep', SWEEP, '--shard', '4/3']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/bad --shard \(expected K\/N/);
  });

  it('keeps per-tick files when asked, identical across workers and shards', async () => {
    const file = sweepFile(
      'per-tick.yaml',
      'design: lhs\nsamples: 12\nreplications: 4\nseed: 2\noutputs: { pairs: true, events: true }\nparameters:\n  actors.CHN.costAversion: { min: 0.4, max: 1.0 }\n',
    );
    const a = join(dir, 'pt-a');
    const b = join(dir, 'pt-b');
    expect((await entente(['sweep', file, '--out', a, '-w', '1', '-q'])).status).toBe(0);
    expect((await entente(['sweep', file, '--out', join(b, 's1'), '--shard', '1/2', '-w', '2', '-q'])).status).toBe(0);
    expect((await entente(['sweep', file, '--out', join(b, 's2'), '--shard', '2/2', '-w', '2', '-q'])).status).toBe(0);
    expect((await entente(['merge', join(b, 's1'), join(b, 's2'), '--out', join(b, 'm')])).status).toBe(0);
    expect(read(a, 'pairs.csv').split('\n')[0]).toBe(
      'point,replication,seed,tick,a,b,depth,rhetoric,trade_usd_bn,channel,divergence,commitment_ab,commitment_ba',
    );
    expect(read(a, 'pairs.csv').trim().split('\n')).toHaveLength(12 * 4 * 48 * 12 + 1);
    for (const f of ['runs.csv', 'pairs.csv', 'events.csv']) expect(read(join(b, 'm'), f)).toBe(read(a, f));
    expect(existsSync(join(a, 'ties.csv'))).toBe(false);
  });

  it('sobol and morris sweeps run: N(k+2) points and r(k+1) points', async () => {
    const params = 'parameters:\n  actors.CHN.costAversion: { min: 0.4, max: 1.0 }\n  shocks.eo14114.enforcement: { min: 0.2, max: 1.0 }\n';
    for (const [design, samples, points] of [
      ['sobol', 8, 8 * 4],
      ['morris', 5, 5 * 3],
    ] as const) {
      const out = join(dir, `design-${design}`);
      const r = await entente([
        'sweep',
        sweepFile(`${design}.yaml`, `design: ${design}\nsamples: ${samples}\nreplications: 2\n${params}`),
        '--out',
        out,
        '-q',
      ]);
      expect(r.status, r.stderr).toBe(0);
      expect(read(out, 'points.csv').trim().split('\n')).toHaveLength(points + 1);
      expect(read(out, 'runs.csv').trim().split('\n')).toHaveLength(points * 2 * 12 + 1);
    }
  });

  it('check accepts a good sweep file; schema sweep prints its schema', async () => {
    const r = await entente(['check', SWEEP]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/ok \(sweep, lhs: 40 points × 32 replications over 3 parameters\)/);
    const s = await entente(['schema', 'sweep']);
    expect(JSON.parse(s.stdout).properties.design.enum).toEqual(['grid', 'random', 'lhs', 'sobol', 'morris']);
  });
});
