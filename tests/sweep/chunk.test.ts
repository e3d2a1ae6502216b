import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runChunk } from '../../src/experiments/chunk.js';
import { loadSweep } from '../../src/experiments/loadSweep.js';
import { runSweep } from '../../src/sweep/run.js';
import { ROOT, tempDir } from '../helpers.js';

const SWEEP = join(ROOT, 'scenarios', 'sweeps', 'china-cost-aversion.yaml');

describe('failure isolation', () => {
  let loaded: ReturnType<typeof loadSweep>;
  let paths: string[];
  const ctx = () => ({
    scenarioFile: loaded.scenarioFile,
    scenario: loaded.scenario,
    paths,
    seed: 1,
    replications: 2,
    perTick: [],
  });
  beforeAll(() => {
    loaded = loadSweep(SWEEP);
    paths = loaded.parameters.map((p) => p.path);
  });
  // A point whose enforcement is infinite at t = 30 (the loader would refuse it; runs can still meet such
  // values, e.g. from a scenario edited under a running sweep): it must fail alone, with its seed and parameters.
  const points = [
    [0.5, 0.5, 0.5],
    [0.5, 0.5, '1 / (30 - t)'],
    [0.9, 0.5, 0.5],
  ];

  it('a failing point is recorded with its point, replication, seed, parameters and error; the others run', () => {
    const result = runChunk(ctx(), { chunk: 0, lever: undefined, first: 10, points });
    expect(result.failureCount).toBe(2);
    expect(result.runCount).toBe(4);
    const failures = result.failures.trim().split('\n');
    expect(failures[0]).toMatch(/^11,0,\d+,0\.5,0\.5,1 \/ \(30 - t\),.*not finite at t=30/);
    expect(failures[1]).toMatch(/^11,1,\d+,0\.5,0\.5,1 \/ \(30 - t\),/);
    const runPoints = new Set(
      result.runs
        .trim()
        .split('\n')
        .map((l) => l.split(',')[0]),
    );
    expect([...runPoints]).toEqual(['10', '12']);
  });

  it('runSweep writes failures.csv and still finishes runs.csv', async () => {
    const out = join(tempDir(), 'sweep');
    const result = await runSweep(
      // A sweep runs the points its design streams: these stand in for the design's.
      { ...loaded, points, pointCount: points.length, streamPoints: () => points.map((row) => [...row]) },
      { out, workers: 1, shard: undefined, resume: false, quiet: true, command: 'test', version: 'test' },
    );
    expect(result.failures).toBe(loaded.replications);
    expect(readFileSync(join(out, 'failures.csv'), 'utf8').split('\n')[0]).toBe(`point,replication,seed,${paths.join(',')},error`);
    expect(readFileSync(join(out, 'runs.csv'), 'utf8')).toMatch(/\n2,0,/);
    expect(existsSync(join(out, 'chunks'))).toBe(false);
  });
});
