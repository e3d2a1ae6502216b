/** Which levers a comparison runs. */
import { EntenteError } from '../errors.js';
import type { ScenarioFile } from '../scenario/schema.js';
import { didYouMean } from '../suggest.js';

/** `--levers all` or a comma-separated list of the scenario's levers; a scenario without levers, or a name it lacks, is an error. */
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
  // A misspelt name is the user's, said of --levers before anything runs (not of the first particle it would have failed at).
  const known = Object.keys(scenario.levers ?? {});
  const unknown = levers.find((l) => !known.includes(l));
  if (unknown !== undefined)
    throw new EntenteError('scenario.unknownLever', `--levers: unknown lever "${unknown}"${didYouMean(unknown, known)}`, {
      where: { file, path: 'levers' },
      expected: known.length ? `one of: ${known.join(', ')}` : 'a lever defined under `levers:` (this scenario has none)',
      found: JSON.stringify(unknown),
    });
  return levers;
}
