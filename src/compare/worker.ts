/** Worker-thread entry for `entente compare --workers`: arms are resolved once; each task is a block of replications. */

import type { RunOutcome } from '../experiments/outcomes.js';
import { carryingErrors, poolContext } from '../experiments/poolContext.js';
import { prepare } from '../scenario/load.js';
import type { ScenarioFile } from '../scenario/schema.js';
import type { Source } from '../scenario/source.js';
import { type Arm, pairedOutcomes } from './paired.js';

export interface CompareContext {
  readonly scenarioFile: string;
  readonly scenario: ScenarioFile;
  readonly levers: readonly string[];
  readonly seed: number;
}

const context = poolContext<CompareContext>();
const source: Source = { file: context.scenarioFile, data: context.scenario, hash: '', locate: () => undefined };
const arms: Arm[] = [null, ...context.levers].map((lever) => ({
  name: lever ?? 'baseline',
  config: prepare(source, context.scenario, lever === null ? {} : { lever }).config,
}));

export default carryingErrors((task: { first: number; count: number }): RunOutcome[][] =>
  pairedOutcomes(arms, context.seed, task.first, task.count),
);
