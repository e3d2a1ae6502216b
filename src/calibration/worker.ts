/** Worker-thread entry for `entente calibrate`: the context arrives once; each task is a block of points. */
import { poolContext } from '../io/poolContext.js';
import type { Value } from '../sweep/designs/design.js';
import { type CalibrationContext, type PointScore, scorePoints } from './evaluate.js';

const context = poolContext<CalibrationContext>();

export default function run(task: { first: number; points: readonly (readonly Value[])[] }): PointScore[] {
  return scorePoints(context, task.first, task.points);
}
