/**
 * `entente calibrate FILE --method abc`: a posterior by ABC-SMC, written as posterior.csv,
 * generations.csv and predictive.csv. Written in place: each generation is saved as it completes
 * (checkpoint.ts), so `--resume` continues an interrupted run; the manifest says complete last.
 */

import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { loadGenerations, removeCheckpoints, saveGeneration } from '../../calibration/abc/checkpoint.js';
import { PREDICTIVE_COLUMNS, predictiveSeries } from '../../calibration/abc/predictiveSeries.js';
import { abcSetup, calibrateAbc } from '../../calibration/abc/run.js';
import { type Generation, marginal } from '../../calibration/abc/smc.js';
import { EntenteError } from '../../errors.js';
import { writeAtomic } from '../../io/atomicFile.js';
import { formatNumber } from '../../io/csvFile.js';
import { finishInPlace, startInPlace } from '../../io/outputDir.js';
import { readJsonObject } from '../../io/ownership.js';
import type { LoadedSweep } from '../../sweep/load.js';
import { VERSION } from '../version.js';

export interface AbcFlags {
  readonly particles: number;
  readonly generations: number;
  readonly replications: number;
  readonly resume: boolean;
  readonly force: boolean;
  readonly quiet: boolean;
}

export async function runAbcCommand(
  loaded: LoadedSweep,
  file: string,
  out: string,
  workers: number,
  flags: AbcFlags,
  print: (text: string) => void,
): Promise<void> {
  const started = Date.now();
  const command = ['entente', ...process.argv.slice(2)].join(' ');
  // What a resumed run must share with the one it continues (the calibration file by its hash).
  const identity = {
    method: 'abc-smc',
    calibration: { sha256: loaded.source.hash },
    particles: flags.particles,
    generationLimit: flags.generations,
    replications: flags.replications,
    seed: loaded.seed,
  };
  const setup = abcSetup(loaded); // bad priors or targets are refused before the output is started
  const claim = startInPlace(out, 'calibration', { resume: flags.resume, force: flags.force }, { version: VERSION, command, ...identity });
  const resumeFrom = claim === 'resume' ? resumable(out, identity) : [];
  if (!flags.quiet && resumeFrom.length > 0) process.stderr.write(`abc: resuming after generation ${resumeFrom.length - 1}\n`);
  const abc = await calibrateAbc(
    loaded,
    workers,
    {
      particles: flags.particles,
      maxGenerations: flags.generations,
      replications: flags.replications,
      resumeFrom,
      onGeneration: (g: Generation) => {
        saveGeneration(out, g);
        // A line per generation on stderr: a posterior of 1,000 particles takes minutes.
        if (!flags.quiet)
          process.stderr.write(
            `abc: generation ${g.t}: tolerance ${formatNumber(g.tolerance)}, acceptance ${formatNumber(g.acceptance)}, ESS ${g.ess.toFixed(0)}, ${g.simulations} simulations, ${((Date.now() - started) / 1000).toFixed(0)} s\n`,
          );
      },
    },
    setup,
  );
  const { result, parameters } = abc;
  const paths = loaded.parameters.map((p) => p.path);
  const freePaths = parameters.free.map((i) => paths[i] as string);
  const final = result.generations[result.generations.length - 1];
  if (!final) throw new Error('ABC returned no generation');
  const csv = (rows: (string | number)[][]) => stringify(rows, { cast: { number: formatNumber } });
  writeAtomic(
    join(out, 'posterior.csv'),
    csv([
      ['particle', 'weight', 'distance', ...paths],
      ...final.particles.map((theta, i) => [i, final.weights[i] as number, final.distances[i] as number, ...parameters.point(theta)]),
    ]),
  );
  const points = final.particles.map((theta) => parameters.point(theta));
  writeAtomic(
    join(out, 'predictive.csv'),
    csv([
      PREDICTIVE_COLUMNS,
      ...predictiveSeries(loaded, points, final.weights).map((row) => [row.indicator, row.unit, row.tick, row.date, ...row.quantiles]),
    ]),
  );
  writeAtomic(
    join(out, 'generations.csv'),
    csv([
      ['generation', 'tolerance', 'acceptance_rate', 'ess', 'simulations'],
      ...result.generations.map((g) => [g.t, g.tolerance, g.acceptance, g.ess, g.simulations]),
    ]),
  );
  finishInPlace(out, 'calibration', {
    version: VERSION,
    command,
    ...identity,
    calibration: { file: loaded.source.file, sha256: loaded.source.hash, observed: abc.observedFile },
    scenario: { file: loaded.scenarioFile, sha256: loaded.scenarioSource.hash },
    generations: result.generations.length,
    resumedAfter: resumeFrom.length > 0 ? resumeFrom.length - 1 : null,
    stopped: result.stopped,
    floor: abc.floor,
    stopRules:
      'a generation accepting under 1% of its simulations, a tolerance falling by under 1%, --generations, or the tolerance floor √(k(1 − 2/(9k))³), k = Σ target weights: the median distance the true parameters would have if each scale were the observation error',
    predictive:
      'predictive.csv: weighted quantiles over the final particles of each observable at each tick, one run per particle (point 1001·2³² + i)',
    distance: '√(Σ weight · ((simulated − observed) / scale)²), simulated = mean over replications of the statistic',
    priors: parameters.free.map((i, j) => ({ path: paths[i], prior: parameters.declared[j] })),
    workers,
    timings: { seconds: (Date.now() - started) / 1000 },
  });
  removeCheckpoints(out); // the generations are in generations.csv; the populations were only for resuming
  if (flags.quiet) return;
  const simulations = result.generations.reduce((a, g) => a + g.simulations, 0);
  print(
    `${file}: ABC-SMC, ${flags.particles} particles, ${result.generations.length} generations (stopped: ${result.stopped}), ${simulations} simulations × ${flags.replications} replications → ${out}`,
  );
  print(`final tolerance ${formatNumber(final.tolerance)}, acceptance ${formatNumber(final.acceptance)}, ESS ${formatNumber(final.ess)}`);
  const width = Math.max(...freePaths.map((p) => p.length), 9);
  print(`${'parameter'.padEnd(width)}  posterior mean  sd`);
  // Of the values the model ran with (a spike prior's latent u mapped to its value).
  const mapped = { ...final, particles: points.map((point) => Float64Array.from(parameters.free, (i) => Number(point[i]))) };
  freePaths.forEach((p, j) => {
    const { mean, sd } = marginal(mapped, j);
    print(`${p.padEnd(width)}  ${formatNumber(mean).padStart(14)}  ${formatNumber(sd)}`);
  });
}

/** The saved generations of the run in `out`, if it was this calibration with these settings. */
function resumable(out: string, identity: Record<string, unknown>): Generation[] {
  const manifest = readJsonObject(join(out, 'manifest.json'), `${out}'s manifest.json`, 'an ABC calibration: --force to start over');
  for (const [key, value] of Object.entries(identity)) {
    if (JSON.stringify(manifest[key]) !== JSON.stringify(value))
      throw new EntenteError('calibration.resumeMismatch', `cannot resume: the run in this directory had another ${key}`, {
        where: { file: join(out, 'manifest.json'), path: key },
        expected: JSON.stringify(value),
        found: JSON.stringify(manifest[key] ?? null),
      });
  }
  return loadGenerations(out);
}
