/**
 * `entente compare SCENARIO --posterior DIR`: every lever against the baseline at
 * every particle of a calibrated posterior, on common random numbers; verdicts as
 * posterior probabilities (compare/stats.ts), ranks as probabilities of ranking.
 */
import { join } from 'node:path';
import { deltaCells, PARTICLE_COLUMNS, writeLevers } from '../../compare/columns.js';
import { compareLevers, type LeverEffect } from '../../compare/compare.js';
import { type Drivers, drivers } from '../../compare/posterior/drivers.js';
import { posteriorOutcomes } from '../../compare/posterior/outcomes.js';
import { type Posterior, readPosterior } from '../../compare/posterior/read.js';
import { selectLevers } from '../../compare/select.js';
import { EntenteError } from '../../errors.js';
import { CsvFile } from '../../io/csvFile.js';
import { writeJson, writeOutputDir } from '../../io/outputDir.js';
import { claimOutput } from '../../io/ownership.js';
import { deriveSeed } from '../../model/rng.js';
import { scenarioFacts } from '../../scenario/labels.js';
import { type LoadedScenario, loadScenario, prepare } from '../../scenario/load.js';
import { manifestHead } from '../manifest.js';

export interface PosteriorFlags {
  readonly posterior: string;
  readonly levers: string;
  readonly replications?: number;
  readonly seed?: number;
  readonly minEffect: number;
  readonly confidence: number;
  readonly out: string;
  readonly workers: number;
  readonly force: boolean;
  readonly quiet: boolean;
}

/** Replications per particle unless told: with common random numbers the noise left is small beside the posterior's spread. */
export const PARTICLE_REPLICATIONS = 4;
/** The credible interval's level. */
const LEVEL = 0.9;

const DRIVER_COLUMNS = ['lever', 'a', 'b', 'parameter', 'src', 'r2'];

/** Every path must name something in this scenario, and each lever must accept both ends of each path's values. */
function checkParticles(loaded: LoadedScenario, levers: readonly string[], posterior: Posterior): void {
  posterior.paths.forEach((path, j) => {
    const column = posterior.values.map((row) => Number(row[j]));
    const ends = [Math.min(...column), Math.max(...column)];
    for (const lever of [undefined, ...levers])
      for (const value of ends) {
        try {
          prepare(loaded.source, loaded.spec, { lever, set: [`${path}=${value}`] });
        } catch (err) {
          if (!(err instanceof EntenteError)) throw err;
          throw new EntenteError(err.code, `parameter "${path}" = ${value}${lever ? ` under lever ${lever}` : ''}: ${err.message}`, {
            where: { file: posterior.file, path },
            expected: err.expected ?? `a value the scenario ${loaded.source.file} accepts`,
            ...(err.found !== undefined ? { found: err.found } : {}),
          });
        }
      }
  });
}

export async function comparePosterior(file: string, flags: PosteriorFlags, print: (text: string) => void): Promise<void> {
  const loaded = loadScenario(file, { seed: flags.seed });
  const levers = selectLevers(flags.levers, loaded.spec, file);
  const posterior = readPosterior(flags.posterior);
  checkParticles(loaded, levers, posterior);
  claimOutput(flags.out, 'compare', { force: flags.force });
  if (posterior.scenario.sha256 !== loaded.source.hash && !flags.quiet)
    print(
      `note: the posterior in ${flags.posterior} was calibrated on another text of ${posterior.scenario.file} (SHA-256 differs from ${file}'s); its particles are used as they are.`,
    );
  const started = Date.now();
  const replications = flags.replications ?? PARTICLE_REPLICATIONS;
  const count = posterior.values.length;
  const outcomes = await posteriorOutcomes(
    { scenarioFile: loaded.source.file, scenario: loaded.spec, levers, paths: posterior.paths, seed: loaded.seed, replications },
    posterior,
    flags.workers,
    flags.quiet,
  );
  const mainDrivers = new Map<string, string>();
  const effects = await writeOutputDir(
    flags.out,
    'compare',
    async (dir) => {
      const particles = new CsvFile(join(dir, 'particles.csv'), PARTICLE_COLUMNS);
      const byLever = new Map<string, Float64Array>();
      const result = compareLevers(
        loaded,
        {
          levers,
          replications: count,
          seed: loaded.seed,
          minEffect: flags.minEffect,
          posterior: { weights: posterior.weights, confidence: flags.confidence, level: LEVEL },
          unitSeed: (i) => deriveSeed(loaded.seed, i, 0),
        },
        (row) => {
          const key = `${row.lever}|${row.a}|${row.b}`;
          const effects = byLever.get(key) ?? new Float64Array(count);
          byLever.set(key, effects);
          effects[row.replication] = row.deltaDepthFinal;
          particles.write([row.lever, row.replication, posterior.weights[row.replication] as number, row.a, row.b, ...deltaCells(row)]);
        },
        outcomes,
      );
      await particles.close();
      const x = posterior.values.map((row) => Float64Array.from(row, Number));
      const driversFile = new CsvFile(join(dir, 'drivers.csv'), DRIVER_COLUMNS);
      for (const e of result) {
        const found = drivers(x, byLever.get(`${e.lever}|${e.a}|${e.b}`) as Float64Array, posterior.weights);
        found.src.forEach((src, j) => {
          driversFile.write([e.lever, e.a, e.b, posterior.paths[j] as string, src, found.r2]);
        });
        if (e.focus) mainDrivers.set(e.lever, topDrivers(found, posterior.paths));
      }
      await driversFile.close();
      await writeLevers(dir, levers.length, result);
      writeJson(join(dir, 'manifest.json'), {
        ...manifestHead('compare'),
        ...scenarioFacts(file, loaded.source.hash, loaded.spec),
        posterior: {
          dir: flags.posterior,
          file: posterior.file,
          sha256: posterior.sha256,
          particles: count,
          ess: posterior.ess,
          calibratedOn: posterior.scenario,
        },
        levers,
        seed: loaded.seed,
        replications,
        minEffect: flags.minEffect,
        confidence: flags.confidence,
        design:
          'every particle i runs the baseline and every lever with its values, replication r with seed deriveSeed(seed, i, r) (common random numbers); its effect is the mean paired difference',
        interval: `${LEVEL * 100}% central credible interval: weighted quantiles of the particles' effects`,
        verdict: `closer if P(Δ > min-effect) ≥ confidence; apart if P(Δ < −min-effect) ≥ confidence; negligible if P(|Δ| ≤ min-effect) ≥ confidence; otherwise uncertain`,
        ranks:
          'p_rank_k: the posterior probability that the lever ranks k-th among the levers for the pair, most dividing (lowest Δ) first',
        timings: { seconds: (Date.now() - started) / 1000 },
      });
      return result;
    },
    { force: flags.force },
  );
  if (flags.quiet) return;
  print(
    `${loaded.spec.name}: ${levers.length} lever(s) vs baseline over ${count} particles (ESS ${posterior.ess.toFixed(0)}), ${replications} paired replication(s) each, final depth (min effect ${flags.minEffect}, verdicts at ${flags.confidence}) → ${flags.out}`,
  );
  print(posteriorTable(effects));
  if (mainDrivers.size > 0) {
    print('what each effect depends on most across the posterior (standardised regression coefficients, drivers.csv):');
    for (const [lever, text] of mainDrivers) print(`  ${lever}: ${text}`);
  }
}

/** The two parameters with the largest |SRC|, and the regression's R². */
function topDrivers(found: Drivers, paths: readonly string[]): string {
  const order = Array.from(found.src.keys()).sort((a, b) => Math.abs(found.src[b] as number) - Math.abs(found.src[a] as number));
  const top = order
    .slice(0, 2)
    .filter((j) => (found.src[j] as number) !== 0)
    .map((j) => `${paths[j]} (${(found.src[j] as number) >= 0 ? '+' : ''}${(found.src[j] as number).toFixed(2)})`);
  return `${top.join(', ') || 'nothing linear'}; R² ${found.r2.toFixed(2)}`;
}

function posteriorTable(effects: readonly LeverEffect[]): string {
  const shown = effects.some((e) => e.focus) ? effects.filter((e) => e.focus) : effects;
  const rows = [...shown].sort((x, y) => y.deltaMean - x.deltaMean);
  const f = (x: number) => (x >= 0 ? '+' : '') + x.toFixed(4);
  const pct = (x: number) => `${(100 * x).toFixed(0)}%`;
  const header = [
    'lever',
    'pair',
    'Δ depth',
    `${LEVEL * 100}% credible`,
    'P(closer)',
    'P(apart)',
    'P(negl.)',
    'P(most dividing)',
    'verdict',
  ];
  const body = rows.map((e) => [
    e.lever,
    `${e.a}-${e.b}`,
    f(e.deltaMean),
    `[${f(e.ciLow)}, ${f(e.ciHigh)}]`,
    pct(e.probCloser),
    pct(e.probApart),
    pct(e.probNegligible),
    pct(e.rank[0] ?? Number.NaN),
    e.verdict,
  ]);
  const all = [header, ...body];
  const widths = header.map((_, c) => Math.max(...all.map((r) => (r[c] as string).length)));
  return all
    .map((r) =>
      r
        .map((cell, c) => (c < 2 || c === 8 ? cell.padEnd(widths[c] as number) : cell.padStart(widths[c] as number)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
