/** Worker-thread entry for `entente calibrate`: the context arrives once; each task is a block of points. */

import type { Value } from '../experiments/designs/design.js';
import { carryingErrors, poolContext } from '../experiments/poolContext.js';
import { type CalibrationContext, type PointScore, scorePoints } from './evaluate.js';

const context = poolContext<CalibrationContext>();

export default carryingErrors((task: { first: number; points: readonly (readonly Value[])[] }): PointScore[] =>
  scorePoints(context, task.first, task.points),
);
