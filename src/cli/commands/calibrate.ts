/** `entente calibrate FILE`: fit a scenario's uncertain parameters to observed figures (docs/model.md §10), or draw their posterior (--method abc). */

import { availableParallelism } from 'node:os';
import { join, parse } from 'node:path';
import { type Command, Option } from 'commander';
import { applyFitted } from '../../calibration/apply.js';
import { calibrate } from '../../calibration/calibrate.js';
import { lossTerm } from '../../calibration/evaluate.js';
import { inputError } from '../../errors.js';
import { CsvFile, formatNumber } from '../../io/csvFile.js';
import { defaultOut, writeJson, writeOutputDir } from '../../io/outputDir.js';
import { claimOutput } from '../../io/ownership.js';
import { scenarioFacts } from '../../scenario/labels.js';
import { loadSweep } from '../../sweep/load.js';
import { parseShard } from '../../sweep/plan.js';
import { manifestHead } from '../manifest.js';
import { printNext, reportStep } from '../next.js';
import { positiveInt, workerCount } from '../options.js';
import { runAbcCommand } from './calibrateAbc.js';
import { collectAbc, runAbcShard } from './calibrateAbcShards.js';
import { reportAfter } from './report.js';

interface Flags {
  method?: 'optimise' | 'abc';
  particles?: number;
  generations?: number;
  replications?: number;
  resume?: boolean;
  shard?: string;
  collect?: boolean;
  apply?: boolean;
  out?: string;
  workers?: number;
  quiet?: boolean;
  report?: boolean;
  force?: boolean;
}

export function registerCalibrate(program: Command, print: (text: string) => void): void {
  program
    .command('calibrate')
    .argument('<file>', 'sweep file with a calibration: block (observed data and targets)')
    .option('-o, --out <dir>', 'output directory (default: out/<file name>)')
    .option('-w, --workers <n>', 'worker threads (default: the available cores)', workerCount)
    .addOption(
      new Option('--method <method>', 'optimise: the best point of a design, refined by zoom; abc: a posterior by ABC-SMC (posterior.csv)')
        .choices(['optimise', 'abc'])
        .default('optimise'),
    )
    .option('--particles <n>', 'abc: particles per generation (default 1000)', positiveInt('particles'))
    .option('--generations <n>', 'abc: the most generations (default 15)', positiveInt('generations'))
    .option('--resume', 'abc: continue an interrupted posterior in --out from its last complete generation')
    .option('--shard <K/N>', 'abc: evaluate shard K of N of the next round of proposals in --out (Slurm: slurm/abc.sbatch)')
    .option('--collect', 'abc: start --out for shards, save the generations their rounds complete, write the posterior when done')
    .option('-r, --replications <n>', 'abc: replications per proposal (default: the file’s)', positiveInt('replications'))
    .option('--apply', 'write the best values into the scenario file (comments kept, 4 significant digits)')
    .option('--report', 'also draw charts and write report.html in the output directory (entente report)')
    .option('--force', 'replace the output of another entente command in --out (never a directory entente did not write)')
    .option('-q, --quiet', 'print nothing on success')
    .action(async (file: string, flags: Flags) => {
      const started = Date.now();
      const loaded = loadSweep(file);
      const workers = flags.workers ?? availableParallelism();
      const out = flags.out ?? defaultOut(loaded.sweep.name ?? parse(file).name, file);
      if (flags.method === 'abc' && flags.apply)
        throw inputError(
          'calibration.apply',
          '--apply writes one point; --method abc gives a posterior',
          { file, path: '--apply' },
          '--method optimise with --apply, or --method abc without it',
        );
      if (flags.method !== 'abc' && flags.replications !== undefined)
        throw inputError(
          'calibration.replications',
          '--replications applies to --method abc; the optimiser takes the file’s replications',
          { file, path: '--replications' },
          'replications: N in the calibration file, or --method abc',
        );
      if (flags.method !== 'abc' && flags.resume)
        throw inputError(
          'calibration.resume',
          '--resume continues an interrupted --method abc; the optimiser runs again from the start',
          { file, path: '--resume' },
          '--method abc --resume, or no --resume',
        );
      if (flags.method !== 'abc' && (flags.shard !== undefined || flags.collect))
        throw inputError(
          'calibration.shard',
          '--shard and --collect run an ABC posterior on several machines; the optimiser runs on one',
          { file, path: flags.collect ? '--collect' : '--shard' },
          '--method abc with --shard K/N or --collect',
        );
      if (flags.shard !== undefined && (flags.collect || flags.resume || flags.report))
        throw inputError(
          'calibration.shard',
          '--shard evaluates one slice of proposals; --collect (run after the shards) resumes, saves and reports',
          { file, path: '--shard' },
          '--shard K/N alone, then --collect (with --report if wanted)',
        );
      if (flags.method === 'abc') {
        const abc = {
          particles: flags.particles ?? 1000,
          generations: flags.generations ?? 15,
          replications: flags.replications ?? loaded.replications,
          resume: flags.resume === true,
          force: flags.force === true,
          quiet: flags.quiet === true,
        };
        if (flags.shard !== undefined) {
          await runAbcShard(loaded, out, workers, abc, parseShard(flags.shard), print);
          return;
        }
        const complete = flags.collect ? await collectAbc(loaded, file, out, abc, print) : true;
        if (!flags.collect) await runAbcCommand(loaded, file, out, workers, abc, print);
        if (flags.report && complete) await reportAfter(out, print, flags.quiet);
        return;
      }
      claimOutput(out, 'calibration', { force: flags.force === true }); // before the work, not after
      const result = await calibrate(loaded, workers, flags.quiet === true);
      const paths = loaded.parameters.map((p) => p.path);
      const bestValues = result.points[result.best.point] as readonly (string | number)[];
      const set = paths.map((p, i) => `${p}=${bestValues[i]}`);
      await writeOutputDir(
        out,
        'calibration',
        async (dir) => {
          const points = new CsvFile(join(dir, 'calibration.csv'), [
            'point',
            'round',
            ...paths,
            'loss',
            ...result.targets.map((t) => t.label),
          ]);
          for (const s of result.scores)
            points.write([s.point, result.rounds[s.point] as number, ...(result.points[s.point] ?? []), s.loss, ...s.simulated]);
          await points.close();
          const targets = new CsvFile(join(dir, 'targets.csv'), [
            'indicator',
            'period',
            'statistic',
            'observed',
            'simulated',
            'scale',
            'weight',
            'loss',
          ]);
          result.targets.forEach((t, i) => {
            const sim = result.best.simulated[i] as number;
            targets.write([t.spec.indicator, t.spec.period, t.spec.statistic, t.observed, sim, t.errorScale, t.weight, lossTerm(t, sim)]);
          });
          await targets.close();
          writeJson(join(dir, 'manifest.json'), {
            ...manifestHead('calibration'),
            calibration: { file: loaded.source.file, sha256: loaded.source.hash, observed: result.observedFile },
            ...scenarioFacts(loaded.scenarioFile, loaded.scenarioSource.hash, loaded.scenario),
            design: loaded.sweep.design,
            points: result.points.length,
            refine: loaded.sweep.calibration?.refine ?? null,
            replications: loaded.replications,
            seed: loaded.seed,
            loss: 'Σ weight · ((simulated − observed) / scale)², simulated = mean over replications of the statistic',
            best: { point: result.best.point, loss: result.best.loss, set },
            workers,
            timings: { seconds: (Date.now() - started) / 1000 },
          });
        },
        { force: flags.force === true },
      );
      if (flags.apply) applyFitted(loaded.scenarioFile, loaded.scenario, paths, bestValues);
      if (flags.report) await reportAfter(out, print, flags.quiet);
      if (flags.quiet) return;
      print(
        `${file}: ${result.points.length} points × ${loaded.replications} replications scored on ${result.targets.length} targets → ${out}`,
      );
      print(`best: point ${result.best.point}, loss ${formatNumber(result.best.loss)}`);
      for (const line of set) print(`  --set ${line}`);
      if (flags.apply) print(`written to ${loaded.scenarioFile} (4 significant digits)`);
      const rows = result.targets.map((t, i) => [
        t.label,
        formatNumber(t.observed),
        formatNumber(result.best.simulated[i] as number),
        `±${formatNumber(t.errorScale)}`,
      ]);
      const widths = [0, 1, 2, 3].map((c) => Math.max(...rows.map((r) => (r[c] as string).length), 8));
      print(['target'.padEnd(widths[0] as number), 'observed', 'simulated', 'scale'].join('  '));
      for (const r of rows)
        print(r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] as number) : cell.padStart(widths[c] as number))).join('  '));
      printNext(
        print,
        false,
        flags.apply
          ? [`entente run ${loaded.scenarioFile} --report   # the scenario with the fitted values`]
          : [`entente calibrate ${file} --apply   # write these values into the scenario`, reportStep(out, flags.report)],
      );
    });
}
