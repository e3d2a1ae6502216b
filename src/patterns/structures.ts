/**
 * The rival structures judged by the patterns (docs/model.md §10.2): the shipped model and one
 * change each, every one calibrated by ABC on the same targets (its calibration file), its
 * posterior under scenarios/posteriors/.
 */
export interface Structure {
  readonly name: string;
  readonly text: string;
  /** Relative to the repository. */
  readonly calibration: string;
  readonly posterior: string;
}

export const STRUCTURES: readonly Structure[] = [
  {
    name: 'shipped',
    text: 'competing buyers (κ = 1), first-order dollar exit, abandonment',
    calibration: 'scenarios/calibration/china-russia.yaml',
    posterior: 'scenarios/posteriors/china-russia-2022',
  },
  {
    name: 'glut-only',
    text: 'the discount from the glut alone (κ = 0)',
    calibration: 'scenarios/calibration/structures/glut-only.yaml',
    posterior: 'scenarios/posteriors/structures/glut-only',
  },
  {
    name: 's-curve',
    text: 'an S-shaped dollar exit (β_a free)',
    calibration: 'scenarios/calibration/structures/s-curve.yaml',
    posterior: 'scenarios/posteriors/structures/s-curve',
  },
  {
    name: 'no-abandonment',
    text: 'without fear of abandonment',
    calibration: 'scenarios/calibration/structures/no-abandonment.yaml',
    posterior: 'scenarios/posteriors/structures/no-abandonment',
  },
  {
    name: 'autonomy',
    text: 'actors guarding their autonomy (α_U free)',
    calibration: 'scenarios/calibration/structures/autonomy.yaml',
    posterior: 'scenarios/posteriors/structures/autonomy',
  },
];
