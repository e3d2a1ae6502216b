/** Designs by name. */
import type { DesignName } from '../sweepSchema.js';
import type { Design } from './design.js';
import { grid } from './grid.js';
import { lhs } from './lhs.js';
import { morris } from './morris.js';
import { random } from './random.js';
import { sobol } from './sobol.js';

export const DESIGN_REGISTRY: Readonly<Record<DesignName, Design>> = { grid, random, lhs, sobol, morris };
/** Whether a design draws `samples` points (true; for morris: trajectories) or derives its own count (false). */
export const NEEDS_SAMPLES: Readonly<Record<DesignName, boolean>> = { grid: false, random: true, lhs: true, sobol: true, morris: true };
