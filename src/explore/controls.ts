/**
 * The explore page's sliders, from the scenario: each actor's four traits, each shock's
 * enforcement where it is a number, and the mechanisms' weights, within the ranges the schema
 * allows (a weight's slider stops at four times its value, at least 1: the schema's 100 would
 * make the slider useless). Labels in the scenario's words (report/words.ts).
 */

import type { LoadedSweep } from '../experiments/loadSweep.js';
import { DEFAULT_MECHANISM_WEIGHTS, MECHANISM_NAMES, MECHANISM_WEIGHT_MAX } from '../model/parameters.js';
import { parameterWords } from '../report/words.js';
import { labelsOf } from '../scenario/labels.js';
import { type Json, resolvePath } from '../scenario/paths.js';
import type { ScenarioFile } from '../scenario/schema.js';
import type { Control } from './model.js';

const TRAITS = ['costAversion', 'exposureAversion', 'opportunism', 'commitmentNorm'] as const;

export function controlsOf(spec: ScenarioFile): Control[] {
  const labels = labelsOf(spec);
  const control = (group: string, path: string, value: number, min: number, max: number): Control => ({
    path,
    label: parameterWords(path, labels),
    group,
    min,
    max,
    step: (max - min) / 100,
    value,
  });
  const actors = Object.entries(spec.actors).flatMap(([id, actor]) =>
    TRAITS.map((trait) => control(`${actor.name ?? id}`, `actors.${id}.${trait}`, actor[trait], 0, 1)),
  );
  const shocks = (spec.shocks ?? [])
    .filter((s) => typeof s.enforcement === 'number')
    .map((s) => control('enforcement', `shocks.${s.id}.enforcement`, s.enforcement as number, 0, 1));
  const weights = MECHANISM_NAMES.map((name) => {
    const value = spec.model?.mechanisms?.[name] ?? DEFAULT_MECHANISM_WEIGHTS[name];
    return control('mechanism weights', `model.mechanisms.${name}`, value, 0, Math.min(MECHANISM_WEIGHT_MAX, Math.max(1, 4 * value)));
  });
  return [...actors, ...shocks, ...weights];
}

/**
 * A sweep's (or calibration's) parameters as sliders, over the ranges it gives: what the analyst
 * declared uncertain. A list of numbers is a slider from its least to its greatest; a list of
 * texts has no slider. Each starts at the scenario's own value (the range's middle where the
 * scenario holds an expression or nothing there).
 */
export function controlsOfSweep(loaded: LoadedSweep): Control[] {
  const labels = labelsOf(loaded.scenario);
  const data = structuredClone(loaded.scenario) as unknown as Json;
  return loaded.parameters.flatMap((p): Control[] => {
    const spec = p.spec;
    const numbers = Array.isArray(spec) ? spec.filter((v): v is number => typeof v === 'number') : [spec.min, spec.max];
    if (numbers.length < 2) return [];
    const [min, max] = [Math.min(...numbers), Math.max(...numbers)];
    const { parent, key } = resolvePath(data, p.path);
    const own = parent[key];
    const value = typeof own === 'number' && own >= min && own <= max ? own : (min + max) / 2;
    return [
      { path: p.path, label: parameterWords(p.path, labels), group: 'the sweep’s parameters', min, max, step: (max - min) / 100, value },
    ];
  });
}
