/**
 * No input may take down a shared machine, and no result may be a silent NaN:
 * finite ranges for every number, a run that goes non-finite stops naming
 * where, and sizes beyond the limits are refused (exit 2, with the estimate)
 * before anything is written.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { largeScenario } from '../../src/bench/generate.js';
import { EntenteError } from '../../src/errors.js';
import { pointsContext, runChunk, type SweepContext } from '../../src/experiments/chunk.js';
import { loadSweep } from '../../src/experiments/loadSweep.js';
import { workerPool } from '../../src/experiments/pool.js';
import { checkFinite } from '../../src/model/finite.js';
import { createState } from '../../src/model/state.js';
import { entente, expectRefused, fileIn, loadText, ROOT, tempDir } from '../helpers.js';

const TUTORIAL = join(ROOT, 'scenarios', 'tutorial.yaml');
const TEXT = readFileSync(TUTORIAL, 'utf8');
let dir: string;
beforeAll(() => {
  dir = tempDir('entente-limits-');
});

const file = (name: string, text: string) => fileIn(dir, name, text);
const refused = async (args: readonly string[], ...patterns: RegExp[]) => await expectRefused(dir, args, ...patterns);

describe('every number is finite and in a documented range', () => {
  it('refuses .inf, .nan and numbers beyond a field’s range, naming file, line and field', async () => {
    await refused(
      ['run', file('inf.yaml', TEXT.replace(/economy: [\d.]+/, 'economy: .inf'))],
      /inf\.yaml:\d+: actors\.P\.economy: not a finite number/,
    );
    await refused(
      ['run', file('nan.yaml', TEXT.replace(/costAversion: [\d.]+/, 'costAversion: .nan'))],
      /not a finite number \(expected a finite number, found NaN\)/,
    );
    await refused(
      ['run', file('big.yaml', TEXT.replace(/economy: [\d.]+/, 'economy: 1e308'))],
      /actors\.P\.economy: out of range \(expected a number <= 1000/,
    );
    await refused(
      ['run', TUTORIAL, '--set', 'model.mechanisms.commitmentCost=1e308'],
      /commitmentCost.*out of range \(expected a number <= 100/,
    );
    await refused(['run', TUTORIAL, '--set', 'model.gravity=1e308'], /gravity.*out of range/);
  });

  it('an expression that leaves its range at some tick is refused when the scenario is loaded', async () => {
    const shock = file(
      'zero.yaml',
      TEXT.replace(/^shocks:\n/m, 'shocks:\n  - { id: blowup, kind: economicShock, actor: P, at: 2, size: "1 / (t - 2)" }\n'),
    );
    await refused(['run', shock], /zero\.yaml:\d+: shocks\[0\]\.size: bad value: "1 \/ \(t - 2\)" is not finite at t=2/);
  });
});

describe('a run whose state stops being a number stops, naming where', () => {
  // Every input the loader accepts keeps the state finite; a worker trusts the scenario it is sent,
  // so the check is tried on what the loader would have refused (an economy of 1e308 overflows trade).
  const overflowing = (): SweepContext => {
    const loaded = loadSweep(
      file('sweep.yaml', `scenario: ${TUTORIAL}\ndesign: grid\nreplications: 2\nparameters:\n  actors.P.costAversion: [0.3, 0.6]\n`),
    );
    const ctx = { ...pointsContext(loaded), perTick: ['pairs'] as const };
    const scenario = structuredClone(ctx.scenario);
    (scenario.actors.P as { economy: number }).economy = 1e308;
    return { ...ctx, scenario };
  };

  it('checkFinite names tick, quantity and place', () => {
    const cfg = loadText(TEXT).config;
    const state = createState(cfg, {});
    expect(() => checkFinite(cfg, state, 5)).not.toThrow();
    state.commitment[1 * 6 + 3] = Number.NaN;
    expect(() => checkFinite(cfg, state, 5)).toThrow(/became NaN at tick 5: commitment of tie \w+>\w+, domain defense/);
    state.commitment[1 * 6 + 3] = 0.2;
    state.trade[0] = Number.POSITIVE_INFINITY;
    expect(() => checkFinite(cfg, state, 7)).toThrow(/became Infinity at tick 7: trade of pair \w+-\w+/);
  });

  it('from a worker thread it arrives as the same one-line error with its exit status, not an internal error', async () => {
    const ctx = overflowing();
    const pool = workerPool<{ first: number; count: number }, unknown>('compare/worker.js', 1, {
      scenarioFile: ctx.scenarioFile,
      scenario: ctx.scenario,
      levers: [],
      seed: 1,
    });
    try {
      const failed = await pool.run({ first: 0, count: 1 }).then(
        () => undefined,
        (err: unknown) => err,
      );
      expect(failed).toBeInstanceOf(EntenteError);
      expect((failed as EntenteError).exitStatus).toBe(3);
      expect((failed as EntenteError).message).toMatch(/became (NaN|Infinity) at tick 0/);
    } finally {
      await pool.destroy();
    }
  });

  it('in a sweep, such runs are failures (failures.csv), not rows of runs.csv or pairs.csv', () => {
    const result = runChunk(overflowing(), { chunk: 0, lever: undefined, first: 0, points: [[0.3], [0.6]] });
    expect(result.failureCount).toBe(4);
    expect(result.runCount).toBe(0);
    expect(result.runs).toBe('');
    expect(result.perTick.pairs).toBe('');
    expect(result.failures).toMatch(/became (NaN|Infinity) at tick 0: \w+ of /);
  });
});

describe('sizes beyond the limits are refused before anything runs', () => {
  it('ticks and replications past their hard bounds', async () => {
    await refused(['run', TUTORIAL, '--set', 'ticks=1000000000'], /ticks.*out of range \(expected a number <= 100000/);
    await refused(['run', file('t16.yaml', TEXT.replace(/^ticks: \d+/m, 'ticks: 1e16'))], /ticks: out of range/);
    await refused(['run', TUTORIAL, '-r', '1e300'], /replications must be a positive integer \(expected an integer from 1 to 10000000/);
    await refused(['run', file('r9.yaml', TEXT.replace(/^replications: \d+/m, 'replications: 1000000000'))], /replications: out of range/);
  });

  it('an output above --max-output is refused with its estimate; the flag lifts the limit', async () => {
    await refused(['run', TUTORIAL, '--max-output', '100k'], /would write about [\d.]+ kB, above the limit of 100 kB.*--max-output/);
    await refused(['run', TUTORIAL, '-r', '9000000', '--ticks', '1000'], /would write about [\d.]+ TB, above the limit of 10.0 GB/);
    const ok = await entente(['run', TUTORIAL, '--max-output', '100M', '--out', join(dir, 'lifted'), '-q']);
    expect(ok.status, ok.stderr).toBe(0);
  });

  it('a 10⁸-point design is sized before it is drawn: refused for its output, or for what it would hold', async () => {
    const sweep = file(
      'huge.yaml',
      `scenario: ${TUTORIAL}\ndesign: lhs\nsamples: 100000000\nparameters:\n  actors.P.costAversion: { min: 0.1, max: 0.9 }\n  actors.Q.costAversion: { min: 0.1, max: 0.9 }\n`,
    );
    await refused(
      ['sweep', sweep],
      /huge\.yaml: 100000000 points × 10 replications would write about [\d.]+ GB, above the limit of 10.0 GB/,
    );
    // A Latin hypercube holds its permutations while it streams: 4 bytes per point and parameter.
    await refused(
      ['sweep', sweep, '--max-output', '1P', '--max-memory', '500M'],
      /a design of 100000000 points would need about 801 MB of memory/,
    );
  });

  it('a design streams: a shard of a 2,000,000-point sweep runs its chunks without drawing the rest into memory', async () => {
    const sweep = file(
      'streamed.yaml',
      `scenario: ${TUTORIAL}\ndesign: random\nsamples: 2000000\nreplications: 1\nseed: 5\nparameters:\n  actors.P.costAversion: { min: 0.1, max: 0.9 }\n`,
    );
    const out = join(dir, 'streamed');
    const r = await entente(['sweep', sweep, '--out', out, '-q', '--workers', '1', '--shard', '1/2000']);
    expect(r.status, r.stderr).toBe(0);
    const points = readFileSync(join(out, 'points.csv'), 'utf8').trim().split('\n');
    expect(points).toHaveLength(2_000_001);
    const runs = readFileSync(join(out, 'runs.csv'), 'utf8').trim().split('\n').slice(1);
    const first = Number(runs[0]?.split(',')[0]);
    expect(first).toBe(0);
    // Each run's parameter value is its point's, as points.csv has it: chunks were cut from the same stream.
    for (const row of runs.slice(0, 50)) {
      const cells = row.split(',');
      expect(points[Number(cells[0]) + 1]?.split(',')[1]).toBe(cells[3]);
    }
  });

  it('a command that needs every point at once (discover) refuses a design too large to hold', async () => {
    const sweep = file(
      'discover-huge.yaml',
      `scenario: ${TUTORIAL}\ndesign: random\nsamples: 50000000\nreplications: 1\nparameters:\n  actors.P.costAversion: { min: 0.1, max: 0.9 }\n`,
    );
    await refused(
      ['discover', sweep, '--lever', 'reward', '--pair', 'P-Q', '--max-output', '1P', '--max-memory', '1G'],
      /all 50000000 points of the design at once would need about [\d.]+ GB/,
    );
  });

  it('refuses more workers than four per core', async () => {
    const r = await entente([
      'sweep',
      join(ROOT, 'scenarios', 'sweeps', 'china-cost-aversion.yaml'),
      '--workers',
      '100000',
      '--out',
      join(dir, 'w'),
      '-q',
    ]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/workers must be at most \d+ \(four per core/);
    expect(existsSync(join(dir, 'w'))).toBe(false);
  });
});

describe('sweep workers are sized from the scenario', () => {
  it('a 200-actor sweep keeping pairs.csv (955,200 rows a run) finishes, where a 64 MB worker ran out of memory', async () => {
    const scenario = file('big200.json', JSON.stringify(largeScenario(200)));
    const sweep = file(
      'big200-sweep.yaml',
      `scenario: ${scenario}\ndesign: grid\nreplications: 1\nparameters:\n  actors.A0.costAversion: [0.5]\noutputs: { pairs: true }\n`,
    );
    const out = join(dir, 'big200');
    const r = await entente(['sweep', sweep, '--out', out, '-q', '--workers', '1']);
    expect(r.status, r.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ complete: true, runs: 1, failures: 0 });
  }, 120_000);
});
