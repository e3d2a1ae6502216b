/** `entente discover SWEEP --lever L`: where in parameter space does a lever's effect cross a threshold (PRIM)? */
import { availableParallelism } from 'node:os';
import { join, parse } from 'node:path';
import type { Command } from 'commander';
import { stringify } from 'csv-stringify/sync';
import { runArms } from '../../compare/robustness.js';
import { prim } from '../../discovery/prim.js';
import { EntenteError } from '../../errors.js';
import { writeAtomic } from '../../io/atomicFile.js';
import { formatNumber } from '../../io/csvFile.js';
import { defaultOut, finishInPlace, startInPlace } from '../../io/outputDir.js';
import { scenarioFacts } from '../../scenario/labels.js';
import { checkDesignTable } from '../../sweep/estimate.js';
import { loadSweep } from '../../sweep/load.js';
import { commandLine } from '../manifest.js';
import { printNext, reportStep } from '../next.js';
import { finiteNumber, workerCount } from '../options.js';
import { VERSION } from '../version.js';
import { reportAfter } from './report.js';

interface Flags {
  lever: string;
  pair?: string;
  threshold: number;
  below?: boolean;
  out?: string;
  workers?: number;
  resume?: boolean;
  force?: boolean;
  quiet?: boolean;
  report?: boolean;
}

const COLUMNS = [
  'lever',
  'a',
  'b',
  'condition',
  'parameter',
  'low',
  'high',
  'restricted',
  'coverage',
  'density',
  'in_box',
  'cases',
  'points',
  'quasi_p',
];

/** trajectory.csv: PRIM's box after each peel, and which one was reported (before pasting and dropping slight restrictions). */
const TRAJECTORY_COLUMNS = ['peel', 'coverage', 'density', 'in_box', 'restrictions', 'chosen'];

export function registerDiscover(program: Command, print: (text: string) => void): void {
  program
    .command('discover')
    .argument('<file>', 'sweep file')
    .requiredOption('--lever <name>', 'the lever to study')
    .option('--pair <A-B>', 'pair whose final depth is the outcome (default: the scenario’s first focus pair)')
    .option('--threshold <x>', 'threshold on the change in final depth', finiteNumber('threshold'), 0)
    .option('--below', 'cases are points where the change is below the threshold (default: above: where the lever fails to pull apart)')
    .option('-o, --out <dir>', 'output directory (default: out/<sweep name>-discover-<lever>)')
    .option('-w, --workers <n>', 'worker threads (default: the available cores)', workerCount)
    .option('--resume', 'continue an interrupted run in --out')
    .option(
      '--force',
      'replace the output of another entente command in --out, or start an unfinished one over (never a directory entente did not write)',
    )
    .option('--report', 'also draw the peeling trajectory and the box, and write report.html (entente report)')
    .option('-q, --quiet', 'print nothing on success')
    .action(async (file: string, flags: Flags) => {
      const loaded = loadSweep(file, { lever: flags.lever });
      const pair = flags.pair ?? loaded.scenario.focus?.[0];
      if (!pair)
        throw new EntenteError('discover.pair', 'no pair to study', {
          where: { file },
          expected: '--pair A-B, or focus: [A-B] in the scenario',
        });
      const [a = '', b = ''] = pair.split('-');
      // PRIM needs every point at once: refuse a design too large for that before running it.
      checkDesignTable(loaded.pointCount, loaded.parameters.length, file);
      for (const id of [a, b])
        if (!Object.hasOwn(loaded.scenario.actors, id))
          throw new EntenteError('discover.pair', `no actor ${JSON.stringify(id)} in the scenario`, {
            where: { file: loaded.scenarioFile, path: 'actors' },
            expected: `--pair A-B with actors among ${Object.keys(loaded.scenario.actors).join(', ')}`,
            found: JSON.stringify(pair),
          });
      const name = loaded.sweep.name ?? parse(file).name;
      // One folder per lever, so studying two levers in turn does not replace the first.
      const out = flags.out ?? defaultOut(name, file, `-discover-${flags.lever}`);
      const command = commandLine();
      startInPlace(out, 'discovery', { resume: flags.resume === true, force: flags.force === true }, { command, version: VERSION });
      const arms = await runArms(file, [flags.lever], {
        out,
        workers: flags.workers ?? availableParallelism(),
        resume: flags.resume === true,
        quiet: flags.quiet === true,
        command,
        version: VERSION,
      });
      const key = [`depth_final|${a}|${b}`, `depth_final|${b}|${a}`].find((k) => arms.baseline.has(k));
      if (!key)
        throw new EntenteError('discover.pair', `pair ${pair} has no tie`, {
          where: { file },
          expected: 'two actors joined by a tie, e.g. CHN-RUS',
          found: JSON.stringify(pair),
        });
      const base = arms.baseline.get(key) as Float64Array;
      const withLever = arms.levers[0]?.get(key) as Float64Array;
      const numeric = loaded.parameters
        .map((p, j) => ({ p, j }))
        .filter(({ j }) => loaded.points.every((row) => typeof row[j] === 'number'));
      const xs = loaded.points.map((row) => numeric.map(({ j }) => row[j] as number));
      const deltas = Array.from(base, (v, x) => (withLever[x] as number) - v);
      const y = deltas.map((d) => (flags.below ? d < flags.threshold : d > flags.threshold));
      const condition = `delta ${flags.below ? '<' : '>'} ${flags.threshold}`;
      const [keyA, keyB] = key.split('|').slice(1) as [string, string];
      const result = prim(xs, y);
      const rows = numeric.map(({ p }, d) => {
        const restricted = result.restricted[d] === true;
        return [
          flags.lever,
          keyA,
          keyB,
          condition,
          p.path,
          result.box.low[d] as number,
          result.box.high[d] as number,
          String(restricted),
          result.coverage,
          result.density,
          result.inBox,
          result.cases,
          xs.length,
          restricted ? (result.quasiP[d] as number) : '',
        ];
      });
      writeAtomic(join(out, 'discovery.csv'), stringify([COLUMNS, ...rows], { cast: { number: formatNumber } }));
      writeAtomic(
        join(out, 'trajectory.csv'),
        stringify(
          [
            TRAJECTORY_COLUMNS,
            ...result.trajectory.map((t, i) => [i + 1, t.coverage, t.density, t.inBox, t.restricted, String(i === result.chosen)]),
          ],
          { cast: { number: formatNumber } },
        ),
      );
      finishInPlace(out, 'discovery', {
        version: VERSION,
        command,
        sweep: { file, sha256: loaded.source.hash },
        ...scenarioFacts(loaded.scenarioFile, loaded.scenarioSource.hash, loaded.scenario),
        lever: flags.lever,
        pair: `${keyA}-${keyB}`,
        condition,
        seed: loaded.seed,
        replications: loaded.replications,
        points: loaded.pointCount,
      });
      if (flags.report) await reportAfter(out, print, flags.quiet);
      if (flags.quiet) return;
      const cases = y.filter(Boolean).length;
      print(`${flags.lever} on ${keyA}-${keyB}: ${condition} at ${cases} of ${xs.length} points → ${join(out, 'discovery.csv')}`);
      if (cases === 0) {
        print('  no point meets the condition: nothing to discover');
        return;
      }
      print(
        `  the condition holds mostly where (coverage ${result.coverage.toFixed(2)}, density ${result.density.toFixed(2)}, ${result.inBox} points in the box):`,
      );
      for (const r of rows.filter((row) => row[7] === 'true')) {
        print(
          `    ${String(r[4]).padEnd(36)} in [${(r[5] as number).toPrecision(3)}, ${(r[6] as number).toPrecision(3)}]   quasi-p ${(r[13] as number).toPrecision(2)}`,
        );
      }
      if (rows.every((r) => r[7] !== 'true')) print('    (everywhere in the swept ranges)');
      printNext(print, false, [reportStep(out, flags.report)]);
    });
}
