/**
 * Every rival structure (structures.ts) judged across its shipped posterior: what `npm run
 * patterns` writes and what tests/validation/structures.test.ts checks docs/model.md against.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readObserved } from '../calibration/targets.js';
import { readPosterior } from '../compare/posterior/read.js';
import { loadSweep } from '../experiments/loadSweep.js';
import { loadScenario } from '../scenario/load.js';
import { judge } from './judge.js';
import { observedFrom } from './observed.js';
import { STRUCTURES } from './structures.js';
import type { Judged } from './table.js';

export interface PatternStudy {
  readonly judged: readonly Judged[];
  /** The shipped calibration's targets, "indicator period": what makes a pattern in-sample. */
  readonly targets: ReadonlySet<string>;
}

export function judgeStructures(root: string, progress: (line: string) => void = () => {}): PatternStudy {
  const observedFile = join(root, 'data', 'china-russia-observed.csv');
  const observed = observedFrom(readObserved(observedFile), observedFile);
  const judged: Judged[] = [];
  let targets = new Set<string>();
  for (const structure of STRUCTURES) {
    const started = Date.now();
    const sweep = loadSweep(join(root, structure.calibration), { estimate: false });
    if (structure.name === 'shipped') targets = new Set((sweep.sweep.calibration?.targets ?? []).map((t) => `${t.indicator} ${t.period}`));
    const posterior = readPosterior(join(root, structure.posterior));
    const generations = readFileSync(join(root, structure.posterior, 'generations.csv'), 'utf8')
      .trim()
      .split('\n');
    const tolerance = Number(generations[generations.length - 1]?.split(',')[1]);
    judged.push({ name: structure.name, shares: judge(loadScenario(sweep.scenarioFile), posterior, observed), tolerance });
    progress(`${structure.name}: ${posterior.values.length} particles in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  return { judged, targets };
}
