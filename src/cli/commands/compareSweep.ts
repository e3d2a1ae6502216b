/** `entente compare SWEEP`: every lever across a sweep's points, with its worst and best case and regret (robustness.csv). */
import { availableParallelism } from 'node:os';
import { join, parse } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { compareAcrossSweep } from '../../compare/robustness.js';
import { selectLevers } from '../../compare/select.js';
import { EntenteError } from '../../errors.js';
import { writeAtomic } from '../../io/atomicFile.js';
import { formatNumber } from '../../io/csvFile.js';
import { defaultOut, finishInPlace, startInPlace } from '../../io/outputDir.js';
import { scenarioFacts } from '../../scenario/labels.js';
import { loadSweep } from '../../sweep/load.js';
import { commandLine } from '../manifest.js';
import { printNext, reportStep } from '../next.js';
import { VERSION } from '../version.js';
import type { CompareFlags } from './compare.js';
import { reportAfter } from './report.js';

const ROBUSTNESS_COLUMNS = [
  'lever',
  'a',
  'b',
  'mean_effect',
  'worst_case',
  'best_case',
  'share_closer',
  'mean_regret',
  'max_regret',
  'points',
];

export async function compareSweep(file: string, flags: CompareFlags, print: (text: string) => void): Promise<void> {
  for (const [flag, value] of [
    ['--replications', flags.replications],
    ['--seed', flags.seed],
  ] as const) {
    if (value !== undefined)
      throw new EntenteError('compare.sweepOption', `${flag} applies to a scenario, not to a sweep file`, {
        where: { file },
        expected: `the sweep file's own ${flag.slice(2)}: (edit it there), or compare a scenario file`,
      });
  }
  const base = loadSweep(file, { lever: null });
  const levers = selectLevers(flags.levers, base.scenario, base.scenarioFile);
  for (const lever of levers) loadSweep(file, { lever }); // every lever must be valid at every point's extremes before anything runs
  const name = base.sweep.name ?? parse(file).name;
  const out = flags.out ?? defaultOut(name, file, '-compare');
  const command = commandLine();
  startInPlace(out, 'robustness', { resume: flags.resume === true, force: flags.force === true }, { command, version: VERSION });
  const rows = await compareAcrossSweep(file, levers, {
    out,
    workers: flags.workers ?? availableParallelism(),
    resume: flags.resume === true,
    quiet: flags.quiet === true,
    minEffect: flags.minEffect,
    command,
    version: VERSION,
  });
  writeAtomic(
    join(out, 'robustness.csv'),
    stringify(
      [
        ROBUSTNESS_COLUMNS,
        ...rows.map((r) => [r.lever, r.a, r.b, r.meanEffect, r.worstCase, r.bestCase, r.shareCloser, r.meanRegret, r.maxRegret, r.points]),
      ],
      {
        cast: { number: formatNumber },
      },
    ),
  );
  finishInPlace(out, 'robustness', {
    version: VERSION,
    command,
    sweep: { file, sha256: base.source.hash },
    ...scenarioFacts(base.scenarioFile, base.scenarioSource.hash, base.scenario),
    levers,
    seed: base.seed,
    replications: base.replications,
    points: base.pointCount,
    minEffect: flags.minEffect,
    arms: ['baseline', ...levers].map((arm) => join('arms', arm)),
  });
  if (flags.report) await reportAfter(out, print, flags.quiet);
  if (flags.quiet) return;
  const focus = base.scenario.focus?.[0] ?? `${rows[0]?.a}-${rows[0]?.b}`;
  const shown = rows.filter((r) => `${r.a}-${r.b}` === focus).sort((x, y) => x.meanEffect - y.meanEffect);
  const f = (x: number) => (x >= 0 ? '+' : '') + x.toFixed(4);
  print(
    `${name}: ${levers.length} lever(s) across ${rows[0]?.points ?? 0} points; Δ final depth of ${focus} (lower = further apart) → ${join(out, 'robustness.csv')}`,
  );
  print(['lever'.padEnd(26), 'mean Δ'.padStart(8), 'worst Δ'.padStart(8), 'closer at'.padStart(10), 'max regret'.padStart(11)].join('  '));
  for (const r of shown)
    print(
      [
        r.lever.padEnd(26),
        f(r.meanEffect).padStart(8),
        f(r.worstCase).padStart(8),
        `${(r.shareCloser * 100).toFixed(0)}%`.padStart(10),
        f(r.maxRegret).padStart(11),
      ].join('  '),
    );
  const bestAverage = shown[0];
  const bestWorst = [...shown].sort((x, y) => x.worstCase - y.worstCase)[0];
  if (bestAverage && bestWorst) print(`best on average: ${bestAverage.lever}; best in the worst case: ${bestWorst.lever}`);
  printNext(print, false, [
    reportStep(out, flags.report),
    `entente discover ${file} --lever ${bestAverage?.lever ?? 'NAME'}   # where in the sweep a lever fails`,
  ]);
}
