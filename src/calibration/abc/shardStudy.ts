/**
 * `entente calibrate FILE --method abc --out DIR --collect` and `--shard K/N`: ABC-SMC run as
 * shards that share only DIR (Slurm tasks; slurm/abc.sbatch loops them). --collect starts DIR,
 * saves the generations the shards' rounds complete, and writes the posterior once the schedule
 * stops; --shard K/N evaluates shard K's slice of the round DIR asks for next. Either can be run
 * again at any time: what to do is read from DIR (calibration/abc/shards.ts), and the result is
 * the same bytes as one process gives.
 */

import { EntenteError } from '../../errors.js';
import type { LoadedSweep } from '../../experiments/loadSweep.js';
import type { Shard } from '../../experiments/plan.js';
import { progressNote } from '../../experiments/progress.js';
import { formatNumber } from '../../io/csvFile.js';
import { commandLine } from '../../io/manifest.js';
import { startInPlace } from '../../io/outputDir.js';
import { inspectOutput } from '../../io/ownership.js';
import { VERSION } from '../../version.js';
import { saveGeneration } from './checkpoint.js';
import { checkAbcSize } from './estimate.js';
import { type AbcFlags, abcIdentity, finishAbc, resumable, sameCalibration } from './finish.js';
import { abcOptions, abcSetup, withAbcModel } from './run.js';
import { readState, removeRounds, runShard, shardSlice } from './shards.js';

function settings(loaded: LoadedSweep, flags: AbcFlags) {
  const setup = abcSetup(loaded);
  checkAbcSize(loaded, setup, flags, true); // before the directory is started or a round file written
  const options = abcOptions(loaded, setup, { particles: flags.particles, maxGenerations: flags.generations });
  if (options.sampler === 'replenish')
    throw new EntenteError('calibration.shardSampler', 'the replenishment sampler runs in one process: its shards are not built yet', {
      where: { file: loaded.source.file, path: 'calibration.sampler' },
      expected: 'calibrate without --shard/--collect (it runs on every core of one machine), or sampler: pmc',
    });
  return { setup, options, identity: abcIdentity(loaded, flags) };
}

/** Shard K of N of the next round; nothing when its file is there or the calibration needs only collecting. */
export async function runAbcShard(
  loaded: LoadedSweep,
  out: string,
  workers: number,
  flags: AbcFlags,
  shard: Shard,
  print: (text: string) => void,
): Promise<void> {
  const started = Date.now();
  const { setup, options, identity } = settings(loaded, flags);
  const found = inspectOutput(out);
  if (found.state !== 'entente' || found.kind !== 'calibration')
    throw new EntenteError('calibration.notStarted', 'no sharded calibration has been started in this directory', {
      where: { file: out, path: '--out' },
      expected: `the directory started by \`entente calibrate FILE --method abc --out ${out} --collect\` (run it before the shards)`,
    });
  if (sameCalibration(out, identity).complete === true) {
    if (!flags.quiet) print(`${out}: the calibration is complete; shard ${shard.index}/${shard.count} has nothing to do`);
    return;
  }
  const { priors } = setup.parameters;
  const state = readState(out, priors, options, resumable(out, identity, priors, 'refuse').generations);
  if (state.kind === 'stop') {
    if (!flags.quiet) print(`${out}: the schedule has stopped (${state.stopped}); --collect writes the posterior`);
    return;
  }
  const { round } = state;
  const slice = shardSlice(round, shard);
  const ran = await withAbcModel(loaded, workers, flags.replications, setup, (model) => runShard(out, state, shard, model));
  if (flags.quiet) return;
  const what = `generation ${round.t}, round ${round.round}, shard ${shard.index}/${shard.count}`;
  print(
    ran
      ? `${what}: proposals ${slice.from}–${slice.to - 1} (of ${round.from}–${round.to - 1}) at tolerance ${formatNumber(round.tolerance)} in ${((Date.now() - started) / 1000).toFixed(1)} s`
      : `${what}: already done`,
  );
}

/** Start DIR, save the generations complete rounds make, and write the posterior once ABC has stopped (true: complete). */
export async function collectAbc(
  loaded: LoadedSweep,
  file: string,
  out: string,
  flags: AbcFlags,
  print: (text: string) => void,
): Promise<boolean> {
  const started = Date.now();
  const { setup, options, identity } = settings(loaded, flags);
  const command = commandLine();
  const claim = startInPlace(out, 'calibration', { resume: !flags.force, force: flags.force }, { version: VERSION, command, ...identity });
  if (claim === 'resume' && sameCalibration(out, identity).complete === true) {
    if (!flags.quiet) print(`${out}: the calibration is complete`);
    return true;
  }
  const { priors } = setup.parameters;
  // Collect cannot draw a damaged generation again (its rounds are gone): refused, naming the file (checkpoint.ts).
  const saved = claim === 'resume' ? resumable(out, identity, priors, 'refuse').generations : [];
  const state = readState(out, priors, options, saved);
  for (const g of state.assembled) {
    saveGeneration(out, g);
    if (!flags.quiet)
      progressNote(
        `abc: generation ${g.t}: tolerance ${formatNumber(g.tolerance)}, acceptance ${formatNumber(g.acceptance)}, ESS ${g.ess.toFixed(0)}, ${g.simulations} simulations`,
      );
  }
  removeRounds(out, state.generations.length);
  if (state.kind === 'stop') {
    const result = { generations: state.generations, stopped: state.stopped };
    const facts = {
      identity,
      file,
      started,
      floor: options.floor,
      observedFile: setup.observedFile,
      ran: { ran: 'shards (--shard, --collect)' },
    };
    finishAbc(out, loaded, setup, result, facts, flags, print);
    return true;
  }
  if (flags.quiet) return false;
  const { round, present, of } = state;
  const missing = of === undefined ? 'no shard has run yet' : `shards ${present.join(', ')} of ${of} are done`;
  print(
    `${out}: next, generation ${round.t} round ${round.round} (proposals ${round.from}–${round.to - 1}): ${missing}; run --shard K/N for the rest, then --collect`,
  );
  return false;
}
