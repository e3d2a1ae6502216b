/**
 * `entente calibrate FILE --method abc`: a posterior by ABC-SMC, written as posterior.csv,
 * generations.csv and predictive.csv. Written in place: each generation is saved as it completes
 * (checkpoint.ts), so `--resume` continues an interrupted run; the manifest says complete last.
 * With --shard or --collect, the generations run as shards (calibrateAbcShards.ts).
 */

import type { LoadedSweep } from '../../experiments/loadSweep.js';
import { progressNote } from '../../experiments/progress.js';
import { formatNumber } from '../../io/csvFile.js';
import { commandLine } from '../../io/manifest.js';
import { startInPlace } from '../../io/outputDir.js';
import { VERSION } from '../../version.js';
import { removeCheckpoints, saveGeneration } from './checkpoint.js';
import { checkAbcSize } from './estimate.js';
import { type AbcFlags, abcIdentity, finishAbc, resumable, sameCalibration } from './finish.js';
import { abcSetup, calibrateAbc } from './run.js';
import type { Generation } from './smc.js';

export type { AbcFlags } from './finish.js';

export async function runAbcCommand(
  loaded: LoadedSweep,
  file: string,
  out: string,
  workers: number,
  flags: AbcFlags,
  print: (text: string) => void,
): Promise<void> {
  const started = Date.now();
  const command = commandLine();
  const identity = abcIdentity(loaded, flags);
  const setup = abcSetup(loaded); // bad priors or targets are refused before the output is started
  checkAbcSize(loaded, setup, flags, false); // and an output beyond --max-output
  const claim = startInPlace(out, 'calibration', { resume: flags.resume, force: flags.force }, { version: VERSION, command, ...identity });
  if (claim === 'resume' && sameCalibration(out, identity).complete === true) {
    if (!flags.quiet) print(`${out}: this calibration is complete; nothing to resume (--force to run it again)`);
    return;
  }
  const { generations: resumeFrom, damaged } =
    claim === 'resume' ? resumable(out, identity, setup.parameters.priors, 'redraw') : { generations: [], damaged: undefined };
  if (damaged) {
    // This run draws it again, the same bytes (checkpoint.ts); what was after it goes with it.
    removeCheckpoints(out, resumeFrom.length);
    progressNote(`abc: ${damaged.format()}`);
  }
  if (!flags.quiet && resumeFrom.length > 0) progressNote(`abc: resuming after generation ${resumeFrom.length - 1}`);
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
          progressNote(
            `abc: generation ${g.t}: tolerance ${formatNumber(g.tolerance)}, acceptance ${formatNumber(g.acceptance)}, ESS ${g.ess.toFixed(0)}, ${g.simulations} simulations, ${((Date.now() - started) / 1000).toFixed(0)} s`,
          );
      },
    },
    setup,
  );
  const ran = { workers, resumedAfter: resumeFrom.length > 0 ? resumeFrom.length - 1 : null };
  finishAbc(
    out,
    loaded,
    setup,
    abc.result,
    { identity, file, started, floor: abc.floor, observedFile: abc.observedFile, ran },
    flags,
    print,
  );
}
