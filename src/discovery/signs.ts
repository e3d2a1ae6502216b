/**
 * Where each lever's sign turns (`entente compare SCENARIO --robustness`, docs/studies.md): every
 * lever against the baseline over the prior (a calibration or sweep file's ranges, sampled by its
 * design, each point on its replications: the sweep machinery, so it runs on all cores and
 * resumes) and over the posterior (compare's, in posterior/), on each declared outcome that a
 * sweep records (depth at the end, mean depth). For each: the shares of the prior and of the
 * posterior where the lever pushes the pair closer, apart, or by less than the minimum effect;
 * the share of the prior where its sign turns (the rarer of closer and apart there); and with PRIM
 * the box of the prior where it does. A lever whose sign turns at no point of the prior is
 * "sign fixed by structure": no value the prior allows turns it, so no datum can either.
 */
import { rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import type { LeverEffect } from '../compare/compare.js';
import { declaredOutcomes } from '../compare/leverOutcomes.js';
import { comparePosterior, type PosteriorResult } from '../compare/posterior/study.js';
import { runArms } from '../compare/robustness.js';
import { selectLevers } from '../compare/select.js';
import { EntenteError } from '../errors.js';
import { type LoadedSweep, loadSweep, sweepRecord } from '../experiments/loadSweep.js';
import type { Shard } from '../experiments/plan.js';
import { checkDesignTable } from '../experiments/sweepEstimate.js';
import { writeAtomic } from '../io/atomicFile.js';
import { commandLine } from '../io/manifest.js';
import { defaultOut, finishInPlace, startInPlace } from '../io/outputDir.js';
import { scenarioFacts } from '../scenario/labels.js';
import type { LeverOutcomeName } from '../scenario/outcomes.js';
import { VERSION } from '../version.js';
import { checkSignShards, mergeSignShards, runSignShard } from './signsShards.js';
import { BOXES, describeBox, SIGNS, type SignBoxRow, type SignRow } from './signsTables.js';
import { signTurn } from './signTurn.js';

/** The outcomes a sweep's runs.csv records, which the prior can be judged on. */
const SWEPT: readonly LeverOutcomeName[] = ['depth_final', 'depth_mean'];

export interface SignsOptions {
  /** The prior: a calibration or sweep file of the scenario. */
  readonly prior: string;
  /** The posterior's directory, if any (its shares and each lever's direction). */
  readonly posterior?: string;
  readonly levers: string;
  readonly minEffect: number;
  readonly confidence: number;
  /** Replications per particle over the posterior. */
  readonly replications?: number;
  readonly out?: string;
  readonly workers?: number;
  readonly resume: boolean;
  readonly force: boolean;
  readonly quiet: boolean;
  /** Run only shard K of N of the prior's arms into `out` (a Slurm task); no study is written. */
  readonly shard?: Shard;
  /** The shards' outputs, whose arms are merged into `out` before the study reads them. */
  readonly merge?: readonly string[];
}

export interface SignsResult {
  readonly name: string;
  readonly out: string;
  readonly levers: readonly string[];
  readonly points: number;
  readonly rows: readonly SignRow[];
  readonly posterior?: PosteriorResult;
  /** Set when only this shard of the arms ran. */
  readonly shard?: Shard;
}

/** The prior's sweep, refused unless it varies this scenario. */
function priorSweep(file: string, prior: string): LoadedSweep {
  const loaded = loadSweep(prior, { lever: null });
  if (resolve(loaded.scenarioFile) !== resolve(file))
    throw new EntenteError('compare.priorScenario', `the prior ${prior} varies another scenario (${loaded.scenarioFile})`, {
      where: { file: prior, path: 'scenario' },
      expected: `a calibration or sweep file whose scenario: is ${file}`,
    });
  checkDesignTable(loaded.pointCount, loaded.parameters.length, prior); // PRIM needs every point at once
  return loaded;
}

export async function leverSigns(file: string, options: SignsOptions, note: (text: string) => void): Promise<SignsResult> {
  const prior = priorSweep(file, options.prior);
  const levers = selectLevers(options.levers, prior.scenario, file);
  for (const lever of levers) loadSweep(options.prior, { lever }); // every lever valid at every point's extremes before anything runs
  const name = prior.scenario.name;
  const out = options.out ?? defaultOut(name, file, '-robustness');
  const command = commandLine();
  const workers = options.workers ?? availableParallelism();
  if (options.shard) {
    const { resume, force, quiet } = options;
    await runSignShard(
      { prior: options.prior, priorHash: prior.source.hash, levers, out, workers, resume, force, quiet, command },
      options.shard,
    );
    return { name, out, levers, points: prior.pointCount, rows: [], shard: options.shard };
  }
  if (options.merge) checkSignShards(options.merge, levers, prior.source.hash);
  const claim = startInPlace(out, 'signs', { resume: options.resume, force: options.force }, { command, version: VERSION });
  if (options.merge)
    try {
      await mergeSignShards(options.merge, out, levers, command);
    } catch (err) {
      if (claim !== 'resume') rmSync(out, { recursive: true, force: true }); // shards that do not fit leave nothing behind
      throw err;
    }
  const posterior =
    options.posterior === undefined
      ? undefined
      : await comparePosterior(
          file,
          {
            posterior: options.posterior,
            levers: levers.join(','),
            minEffect: options.minEffect,
            confidence: options.confidence,
            ...(options.replications !== undefined ? { replications: options.replications } : {}),
            out: () => join(out, 'posterior'),
            workers,
            force: true,
            quiet: options.quiet,
          },
          note,
        );
  const arms = await runArms(options.prior, levers, {
    out,
    workers,
    resume: options.resume || options.merge !== undefined, // merged arms are complete: read, not run
    quiet: options.quiet,
    command,
    version: VERSION,
  });
  const numeric = prior.parameters.map((p, j) => ({ p, j })).filter(({ j }) => prior.points.every((row) => typeof row[j] === 'number'));
  const xs = prior.points.map((row) => numeric.map(({ j }) => row[j] as number));
  // The sample's own extremes: an edge of PRIM's box still there was not peeled.
  const ranges = numeric.map((_, k) => {
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (const x of xs) {
      min = Math.min(min, x[k] as number);
      max = Math.max(max, x[k] as number);
    }
    return { min, max }; // a loop, not Math.min(...): a design can hold more points than a call takes arguments
  });
  const outcomes = declaredOutcomes(prior.scenario).filter((o) => SWEPT.includes(o));
  const focus = new Set(prior.scenario.focus ?? []);
  const rows: SignRow[] = [];
  const boxes: SignBoxRow[] = [];
  for (const [key, base] of arms.baseline) {
    const [outcome = '', a = '', b = ''] = key.split('|');
    if (!outcomes.includes(outcome as LeverOutcomeName) || (focus.size > 0 && !focus.has(`${a}-${b}`))) continue;
    levers.forEach((lever, l) => {
      const withLever = arms.levers[l]?.get(key) as Float64Array;
      const d = Float64Array.from(base, (v, x) => (withLever[x] as number) - v);
      const effect = posterior?.effects.find((e: LeverEffect) => e.lever === lever && e.a === a && e.b === b);
      const judged = effect?.byOutcome.find((o) => o.outcome === outcome);
      const sign = signTurn(d, xs, options.minEffect);
      const found = sign.box;
      const row: SignRow = {
        lever,
        a,
        b,
        outcome: outcome as LeverOutcomeName,
        direction: sign.direction,
        priorCloser: sign.closer,
        priorApart: sign.apart,
        priorNegligible: sign.negligible,
        points: d.length,
        ...(judged
          ? { posteriorCloser: judged.probCloser, posteriorApart: judged.probApart, posteriorNegligible: judged.probNegligible }
          : {}),
        turned: sign.turned,
        signFixed: sign.fixed,
        box: found
          ? describeBox(
              found,
              numeric.map(({ p }) => p.path),
              ranges,
            )
          : '',
        ...(found ? { boxCoverage: found.coverage, boxDensity: found.density, boxPoints: found.inBox } : {}),
      };
      rows.push(row);
      if (found)
        numeric.forEach(({ p }, k) => {
          boxes.push({
            sign: row,
            parameter: p.path,
            low: found.box.low[k] as number,
            high: found.box.high[k] as number,
            restricted: found.restricted[k] === true,
            quasiP: found.quasiP[k] as number,
          });
        });
    });
  }
  writeAtomic(join(out, 'signs.csv'), SIGNS.text(rows));
  writeAtomic(join(out, 'boxes.csv'), BOXES.text(boxes));
  finishInPlace(out, 'signs', {
    version: VERSION,
    command,
    prior: { ...sweepRecord(prior), points: prior.pointCount, replications: prior.replications },
    ...(options.posterior !== undefined ? { posterior: { dir: options.posterior, compare: 'posterior' } } : {}),
    ...scenarioFacts(file, prior.scenarioSource.hash, prior.scenario),
    outcomes,
    levers,
    minEffect: options.minEffect,
    confidence: options.confidence,
    turned:
      'a prior point where the lever moves the pair, by more than min-effect, the way it does less often over the prior (its direction is the other way); flip_share is their share',
    box: 'PRIM (Friedman & Fisher 1999) on the prior points, cases: the points where the sign turned',
    arms: ['baseline', ...levers].map((arm) => join('arms', arm)),
  });
  return { name, out, levers, points: prior.pointCount, rows, ...(posterior ? { posterior } : {}) };
}
