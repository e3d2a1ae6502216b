/**
 * `entente calibrate FILE --method abc`: ABC-SMC over the sweep file's parameters as
 * priors, against its calibration targets, on the calibration worker pool (docs/calibration.md).
 */
import { EntenteError } from '../../errors.js';
import { pointsContext } from '../../experiments/chunk.js';
import type { Value } from '../../experiments/designs/design.js';
import type { LoadedSweep } from '../../experiments/loadSweep.js';
import { workerPool } from '../../experiments/pool.js';
import { calibrationTargets } from '../calibrate.js';
import type { CalibrationContext, PointScore } from '../evaluate.js';
import type { Target } from '../targets.js';
import { type AbcParameters, abcModel, abcParameters } from './model.js';
import { type AbcModel, type AbcOptions, type AbcResult, abcSmc, observationFloor } from './smc.js';

export interface AbcCalibration {
  readonly targets: readonly Target[];
  readonly observedFile: string;
  readonly parameters: AbcParameters;
  readonly result: AbcResult;
  /** The tolerance at which it stops: the targets' observation errors (smc.ts, observationFloor). */
  readonly floor: number;
}

/** The targets and priors of a calibration file, checked: what must hold before any output is started. */
export interface AbcSetup {
  readonly targets: readonly Target[];
  readonly observedFile: string;
  readonly parameters: AbcParameters;
}

export function abcSetup(loaded: LoadedSweep): AbcSetup {
  const { targets, observedFile } = calibrationTargets(loaded);
  const parameters = abcParameters(loaded, (path, message) => {
    throw new EntenteError('calibration.prior', `parameter ${path}: ${message}`, {
      where: { file: loaded.source.file, path: `parameters.${path}` },
      expected: '{ min, max } with an optional log: true or prior: { kind: normal | beta, … }; or [value] to fix it',
    });
  });
  return { targets, observedFile, parameters };
}

/** The options every way of running this calibration shares: the stop at the observation floor, the file's seed. */
export function abcOptions(
  loaded: LoadedSweep,
  setup: { targets: readonly Target[] },
  options: Omit<AbcOptions, 'seed'>,
): AbcOptions & { floor: number } {
  const floor = observationFloor(setup.targets.map((t) => t.weight));
  const kernel = loaded.sweep.calibration?.kernel;
  const sampler = loaded.sweep.calibration?.sampler;
  return { minTolerance: floor, ...options, seed: loaded.seed, floor, ...(kernel ? { kernel } : {}), ...(sampler ? { sampler } : {}) };
}

/** `use` the model on a calibration worker pool, destroyed after. */
export async function withAbcModel<T>(
  loaded: LoadedSweep,
  workers: number,
  replications: number,
  setup: { targets: readonly Target[]; parameters: AbcParameters },
  use: (model: AbcModel) => Promise<T>,
): Promise<T> {
  const context: CalibrationContext = { ...pointsContext(loaded), replications, targets: setup.targets };
  const pool = workerPool<{ first: number; points: readonly (readonly Value[])[] }, PointScore[]>(
    'calibration/worker.js',
    workers,
    context,
  );
  try {
    return await use(abcModel(setup.parameters, pool));
  } finally {
    await pool.destroy();
  }
}

export async function calibrateAbc(
  loaded: LoadedSweep,
  workers: number,
  options: Omit<AbcOptions, 'seed'> & { readonly replications?: number },
  setup = abcSetup(loaded),
): Promise<AbcCalibration> {
  const { targets, observedFile, parameters } = setup;
  const all = abcOptions(loaded, setup, options);
  const result = await withAbcModel(loaded, workers, options.replications ?? loaded.replications, setup, (model) => abcSmc(model, all));
  return { targets, observedFile, parameters, result, floor: all.floor };
}
