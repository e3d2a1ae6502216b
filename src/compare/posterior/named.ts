/** The posterior a scenario file names (`posterior:`), resolved against the file; it must exist. */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { EntenteError } from '../../errors.js';
import { isSweepFile } from '../../experiments/loadSweep.js';
import { loadScenario } from '../../scenario/load.js';

export function scenarioPosterior(file: string): string | undefined {
  if (isSweepFile(file)) return undefined;
  const loaded = loadScenario(file);
  const named = loaded.spec.posterior;
  if (named === undefined) return undefined;
  const dir = resolve(dirname(file), named);
  if (!existsSync(join(dir, 'posterior.csv'))) {
    const line = loaded.source.locate(['posterior']);
    throw new EntenteError('compare.noPosterior', `the scenario's posterior ${dir} has no posterior.csv`, {
      where: { file, ...(line ? { line } : {}), path: 'posterior' },
      expected: 'a directory written by entente calibrate --method abc (npm run posterior for the default scenario), or --no-posterior',
    });
  }
  return dir;
}
