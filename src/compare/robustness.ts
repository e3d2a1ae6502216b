/**
 * Comparing levers under uncertainty: the baseline and every lever run the
 * same sweep (each arm in its own resumable directory, on the worker pool).
 * Seeds depend only on (seed, point, replication), so arms share common
 * random numbers; a lever's effect at a point is the difference of the mean
 * depth over replications. The levers are an outside power's, so lower depth
 * is better: the worst case is the largest rise in depth over the points, and
 * regret at a point is the gap to the most dividing lever there.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadSweep } from '../experiments/loadSweep.js';
import { progress } from '../experiments/progress.js';
import { readPointOutcomes } from '../sweep/pointOutcomes.js';
import { runSweep, type SweepOptions, sweepPool } from '../sweep/run.js';

export interface RobustnessRow {
  readonly lever: string;
  readonly a: string;
  readonly b: string;
  readonly meanEffect: number;
  readonly worstCase: number;
  readonly bestCase: number;
  readonly shareCloser: number;
  readonly meanRegret: number;
  readonly maxRegret: number;
  readonly points: number;
}

export interface RobustnessOptions extends Omit<SweepOptions, 'out' | 'shard'> {
  readonly out: string;
  readonly minEffect: number;
}

export interface ArmOutcomes {
  readonly points: number;
  readonly baseline: Map<string, Float64Array>;
  /** Per lever, in order: outcome series keyed `${outcome}|${a}|${b}`, one value per point. */
  readonly levers: Map<string, Float64Array>[];
}

/** The directory of each arm of a study in `out`: the baseline's, then each lever's. */
export const armDir = (out: string, lever: string | undefined): string => join(out, 'arms', lever ?? 'baseline');

/**
 * Runs the baseline and each lever over the sweep (resumable arms), or over shard K of N of its
 * points with `shard` (a Slurm task's part, merged later). The arms share one pool and run at
 * once, so workers start and warm up once and stay busy; each arm still writes its own directory
 * in chunk order. Returns the arms' directories.
 */
export async function runArmSweeps(
  file: string,
  levers: readonly string[],
  opts: Omit<SweepOptions, 'shard'>,
  shard?: SweepOptions['shard'],
): Promise<string[]> {
  const first = loadSweep(file);
  const pool = sweepPool(first, opts.workers); // workers start while the levers' arms are loaded
  const arms = [first, ...levers.map((lever) => loadSweep(file, { lever }))];
  const share = shard ? 1 / shard.count : 1;
  const bar = progress(Math.ceil(arms.length * first.pointCount * first.replications * share), 0, { quiet: opts.quiet });
  try {
    const dirs = await Promise.all(
      arms.map(async (loaded) => {
        const dir = armDir(opts.out, loaded.sweep.lever);
        // The command has claimed opts.out; an arm not started yet starts fresh even on --resume.
        const arm = { ...opts, out: dir, shard, kind: 'sweep' as const, force: false, resume: opts.resume && existsSync(dir) };
        await runSweep(loaded, arm, { pool, progress: bar });
        return dir;
      }),
    );
    bar.done();
    return dirs;
  } finally {
    await pool.destroy();
  }
}

/** runArmSweeps over every point, then each arm's mean outcomes per point. */
export async function runArms(file: string, levers: readonly string[], opts: Omit<SweepOptions, 'shard'>): Promise<ArmOutcomes> {
  const points = loadSweep(file, { estimate: false }).pointCount;
  const dirs = await runArmSweeps(file, levers, opts);
  const series = await Promise.all(dirs.map(async (dir) => (await readPointOutcomes(dir, points)).series));
  const [baseline, ...rest] = series as [Map<string, Float64Array>, ...Map<string, Float64Array>[]];
  return { points, baseline, levers: rest };
}

export async function compareAcrossSweep(file: string, levers: readonly string[], opts: RobustnessOptions): Promise<RobustnessRow[]> {
  const { points, baseline, levers: leverSeries } = await runArms(file, levers, opts);
  const rows: RobustnessRow[] = [];
  for (const [key, base] of baseline) {
    const [outcome, a = '', b = ''] = key.split('|');
    if (outcome !== 'depth_final') continue;
    const deltas = leverSeries.map((s) => Float64Array.from(s.get(key) ?? [], (v, x) => v - base[x]));
    const best = Float64Array.from({ length: points }, (_, x) => Math.min(...deltas.map((d) => d[x])));
    levers.forEach((lever, l) => {
      const d = deltas[l] as Float64Array;
      let sum = 0;
      let regretSum = 0;
      let maxRegret = 0;
      let closer = 0;
      for (let x = 0; x < points; x++) {
        const v = d[x];
        sum += v;
        const regret = v - best[x];
        regretSum += regret;
        maxRegret = Math.max(maxRegret, regret);
        if (v > opts.minEffect) closer++;
      }
      rows.push({
        lever,
        a,
        b,
        meanEffect: sum / points,
        worstCase: Math.max(...d),
        bestCase: Math.min(...d),
        shareCloser: closer / points,
        meanRegret: regretSum / points,
        maxRegret,
        points,
      });
    });
  }
  return rows;
}
