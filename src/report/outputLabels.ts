/**
 * The words a report uses for an output directory: the labels its manifest holds (commands
 * write them since labels existed), else those of the scenario file its manifest names, if that
 * file is still where it was (an output written before: its words, though the file may have
 * changed since; they name things, they do not change numbers), else none (ids are shown).
 */
import { existsSync } from 'node:fs';
import { type Labels, labelsIn, labelsOf, NO_LABELS } from '../scenario/labels.js';
import type { ScenarioFile } from '../scenario/schema.js';
import { readSource } from '../scenario/source.js';
import type { OutputDir } from './outputs.js';

export function labelsFor(out: OutputDir): Labels {
  if (out.manifest.labels !== undefined) return labelsIn(out.manifest);
  const scenario = out.manifest.scenario as { path?: unknown; file?: unknown } | undefined;
  for (const candidate of [scenario?.path, scenario?.file]) {
    if (typeof candidate !== 'string' || !existsSync(candidate)) continue;
    try {
      return labelsOf(readSource(candidate).data as ScenarioFile);
    } catch {
      // Not a scenario any more: no words, ids instead.
    }
  }
  return NO_LABELS;
}
