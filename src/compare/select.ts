/** Which levers a comparison runs. */
import { EntenteError } from '../errors.js';
import type { ScenarioFile } from '../scenario/schema.js';

/** `--levers all` or a comma-separated list; a scenario without levers is an error. */
export function selectLevers(option: string, scenario: ScenarioFile, file: string): string[] {
  const levers =
    option === 'all'
      ? Object.keys(scenario.levers ?? {})
      : option
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
  if (levers.length === 0) {
    throw new EntenteError('compare.noLevers', 'no levers to compare', {
      where: { file, path: 'levers' },
      expected: 'a scenario with levers, or --levers a,b',
    });
  }
  return levers;
}
