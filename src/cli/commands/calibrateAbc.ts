/** `entente calibrate FILE --method abc`: a posterior by ABC-SMC, written as posterior.csv and generations.csv. */

import { join } from 'node:path';
import { PREDICTIVE_COLUMNS, predictiveSeries } from '../../calibration/abc/predictiveSeries.js';
import { calibrateAbc } from '../../calibration/abc/run.js';
import { type Generation, marginal } from '../../calibration/abc/smc.js';
import { CsvFile, formatNumber } from '../../io/csvFile.js';
import { writeJson, writeOutputDir } from '../../io/outputDir.js';
import type { LoadedSweep } from '../../sweep/load.js';
import { manifestHead } from '../manifest.js';

export interface AbcFlags {
  readonly particles: number;
  readonly generations: number;
  readonly replications: number;
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
  const abc = await calibrateAbc(loaded, workers, {
    particles: flags.particles,
    maxGenerations: flags.generations,
    replications: flags.replications,
    // A line per generation on stderr: a posterior of 1,000 particles takes minutes.
    ...(flags.quiet
      ? {}
      : {
          onGeneration: (g: Generation) =>
            process.stderr.write(
              `abc: generation ${g.t}: tolerance ${formatNumber(g.tolerance)}, acceptance ${formatNumber(g.acceptance)}, ESS ${g.ess.toFixed(0)}, ${g.simulations} simulations, ${((Date.now() - started) / 1000).toFixed(0)} s\n`,
            ),
        }),
  });
  const { result, parameters } = abc;
  const paths = loaded.parameters.map((p) => p.path);
  const freePaths = parameters.free.map((i) => paths[i] as string);
  const final = result.generations[result.generations.length - 1];
  if (!final) throw new Error('ABC returned no generation');
  await writeOutputDir(
    out,
    'calibration',
    async (dir) => {
      const posterior = new CsvFile(join(dir, 'posterior.csv'), ['particle', 'weight', 'distance', ...paths]);
      final.particles.forEach((theta, i) => {
        posterior.write([i, final.weights[i] as number, final.distances[i] as number, ...parameters.point(theta)]);
      });
      await posterior.close();
      const predictive = new CsvFile(join(dir, 'predictive.csv'), PREDICTIVE_COLUMNS);
      const points = final.particles.map((theta) => parameters.point(theta));
      for (const row of predictiveSeries(loaded, points, final.weights))
        predictive.write([row.indicator, row.unit, row.tick, row.date, ...row.quantiles]);
      await predictive.close();
      const generations = new CsvFile(join(dir, 'generations.csv'), ['generation', 'tolerance', 'acceptance_rate', 'ess', 'simulations']);
      for (const g of result.generations) generations.write([g.t, g.tolerance, g.acceptance, g.ess, g.simulations]);
      await generations.close();
      writeJson(join(dir, 'manifest.json'), {
        ...manifestHead('calibration'),
        method: 'abc-smc',
        calibration: { file: loaded.source.file, sha256: loaded.source.hash, observed: abc.observedFile },
        scenario: { file: loaded.scenarioFile, sha256: loaded.scenarioSource.hash },
        particles: flags.particles,
        generations: result.generations.length,
        stopped: result.stopped,
        floor: abc.floor,
        stopRules:
          'a generation accepting under 1% of its simulations, a tolerance falling by under 1%, --generations, or the tolerance floor √(k(1 − 2/(9k))³), k = Σ target weights: the median distance the true parameters would have if each scale were the observation error',
        replications: flags.replications,
        seed: loaded.seed,
        predictive:
          'predictive.csv: weighted quantiles over the final particles of each observable at each tick, one run per particle (point 1001·2³² + i)',
        distance: '√(Σ weight · ((simulated − observed) / scale)²), simulated = mean over replications of the statistic',
        priors: parameters.free.map((i, j) => ({ path: paths[i], prior: parameters.priors[j] })),
        workers,
        timings: { seconds: (Date.now() - started) / 1000 },
      });
    },
    { force: flags.force },
  );
  if (flags.quiet) return;
  const simulations = result.generations.reduce((a, g) => a + g.simulations, 0);
  print(
    `${file}: ABC-SMC, ${flags.particles} particles, ${result.generations.length} generations (stopped: ${result.stopped}), ${simulations} simulations × ${flags.replications} replications → ${out}`,
  );
  print(`final tolerance ${formatNumber(final.tolerance)}, acceptance ${formatNumber(final.acceptance)}, ESS ${formatNumber(final.ess)}`);
  const width = Math.max(...freePaths.map((p) => p.length), 9);
  print(`${'parameter'.padEnd(width)}  posterior mean  sd`);
  freePaths.forEach((p, j) => {
    const { mean, sd } = marginal(final, j);
    print(`${p.padEnd(width)}  ${formatNumber(mean).padStart(14)}  ${formatNumber(sd)}`);
  });
}
