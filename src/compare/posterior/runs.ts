import type { RunOutcome } from '../../experiments/outcomes.js';
import { createState, type ModelState } from '../../model/state.js';
import { prepare } from '../../scenario/load.js';
import type { ScenarioFile } from '../../scenario/schema.js';
import type { Source } from '../../scenario/source.js';
import { armOutcomes } from '../paired.js';

export interface PosteriorRunContext {
  readonly scenarioFile: string;
  readonly scenario: ScenarioFile;
  readonly levers: readonly string[];
  readonly paths: readonly string[];
  readonly seed: number;
  readonly replications: number;
}

/** Particles first … first + values.length − 1, with their values in path order. */
export interface ParticleBlock {
  readonly first: number;
  readonly values: readonly (readonly string[])[];
}

/** The mean of each outcome over runs (all of one arm at one particle). */
function meanOutcome(runs: readonly RunOutcome[]): RunOutcome {
  const [head] = runs;
  if (!head) throw new Error('no runs to average');
  const average = (pick: (o: RunOutcome) => Float64Array) => {
    const sum = new Float64Array(pick(head).length);
    for (const o of runs) {
      const x = pick(o);
      for (let k = 0; k < sum.length; k++) sum[k] += x[k] / runs.length;
    }
    return sum;
  };
  return {
    depthFinal: average((o) => o.depthFinal),
    depthMean: average((o) => o.depthMean),
    depthPeak: average((o) => o.depthPeak),
    rhetoricFinal: average((o) => o.rhetoricFinal),
    mutualFinal: average((o) => o.mutualFinal),
    costMean: average((o) => o.costMean),
    welfareMean: average((o) => o.welfareMean),
  };
}

/** Per particle of the block, per arm (baseline first, then the levers in order): the mean outcome. */
export function particleOutcomes(context: PosteriorRunContext, block: ParticleBlock): RunOutcome[][] {
  const source: Source = { file: context.scenarioFile, data: context.scenario, hash: '', locate: () => undefined };
  const arms = [undefined, ...context.levers];
  let states: ModelState[] | undefined;
  return block.values.map((values, k) => {
    const particle = block.first + k;
    const set = context.paths.map((path, j) => `${path}=${values[j]}`);
    // Every value was checked against the scenario at both ends of its range before any worker started (comparePosterior).
    const configs = arms.map((lever) => prepare(source, context.scenario, { lever, set, trustedOverrides: true }).config);
    // Sizes do not change between particles (a posterior varies values, not actors or ties).
    states ??= configs.map((cfg) => createState(cfg, { welfare: true }));
    return configs.map((cfg, a) =>
      meanOutcome(
        armOutcomes((states as ModelState[])[a] as ModelState, {
          config: cfg,
          seed: context.seed,
          point: particle,
          replications: context.replications,
          place: `particle ${particle} (${set.join(', ')}), ${arms[a] ?? 'baseline'}`,
        }),
      ),
    );
  });
}
