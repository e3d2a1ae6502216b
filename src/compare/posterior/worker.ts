/** Worker-thread entry for `entente compare --posterior`: each task is a block of particles. */

import type { RunOutcome } from '../../experiments/outcomes.js';
import { carryingErrors, poolContext } from '../../experiments/poolContext.js';
import { type ParticleBlock, type PosteriorRunContext, particleOutcomes } from './runs.js';

const context = poolContext<PosteriorRunContext>();

export default carryingErrors((block: ParticleBlock): RunOutcome[][] => particleOutcomes(context, block));
