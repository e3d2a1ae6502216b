/**
 * What the scenario calls things: the words reports show instead of ids (actor names, lever
 * and shock descriptions, observables' units and descriptions, the focus pairs). Commands write
 * them into the output's manifest (`labels`), so a report reads them from the directory alone,
 * even when the scenario has moved; a manifest without them (an older output) gives the ids.
 */
import { resolve } from 'node:path';
import type { ScenarioFile } from './schema.js';

export interface ObservableLabel {
  readonly unit: string;
  readonly description: string;
}

export interface Labels {
  readonly actors: Readonly<Record<string, string>>;
  readonly levers: Readonly<Record<string, string>>;
  readonly shocks: Readonly<Record<string, string>>;
  readonly observables: Readonly<Record<string, ObservableLabel>>;
  /** The pairs the scenario names as its focus ("CHN-RUS"): reports show these first. */
  readonly focus: readonly string[];
}

export const NO_LABELS: Labels = { actors: {}, levers: {}, shocks: {}, observables: {}, focus: [] };

/** The scenario's names and descriptions, by id; ids without one are left out. */
export function labelsOf(spec: ScenarioFile): Labels {
  const given = <T>(entries: [string, T | undefined][]) =>
    Object.fromEntries(entries.filter((e): e is [string, T] => e[1] !== undefined && e[1] !== '')) as Record<string, T>;
  return {
    actors: given(Object.entries(spec.actors).map(([id, a]) => [id, a.name])),
    levers: given(Object.entries(spec.levers ?? {}).map(([id, l]) => [id, l.description])),
    shocks: given((spec.shocks ?? []).map((s) => [(s as { id?: string }).id ?? '', s.description])),
    observables: given(
      Object.entries(spec.observables ?? {}).map(([id, o]) => [
        id,
        o.unit || o.description ? { unit: o.unit ?? '', description: o.description ?? '' } : undefined,
      ]),
    ),
    focus: [...(spec.focus ?? [])],
  };
}

/** The labels a manifest holds; what is missing or malformed reads as no label. */
export function labelsIn(manifest: Record<string, unknown>): Labels {
  const l = manifest.labels as Partial<Record<keyof Labels, unknown>> | undefined;
  const record = <T>(v: unknown, ok: (x: unknown) => x is T): Record<string, T> =>
    v !== null && typeof v === 'object' ? Object.fromEntries(Object.entries(v).filter((e): e is [string, T] => ok(e[1]))) : {};
  const text = (x: unknown): x is string => typeof x === 'string';
  const observable = (x: unknown): x is ObservableLabel =>
    x !== null && typeof x === 'object' && text((x as ObservableLabel).unit) && text((x as ObservableLabel).description);
  return {
    actors: record(l?.actors, text),
    levers: record(l?.levers, text),
    shocks: record(l?.shocks, text),
    observables: record(l?.observables, observable),
    focus: Array.isArray(l?.focus) ? l.focus.filter(text) : [],
  };
}

/**
 * What every output's manifest says of its scenario: the file as given, its absolute path, its
 * name and hash, and its words (labels). One builder for every command, so a report or a later
 * tool reads the same fields whichever command wrote the directory.
 */
export function scenarioFacts(
  file: string,
  hash: string,
  spec: ScenarioFile,
): { scenario: { file: string; path: string; name: string; sha256: string }; labels: Labels } {
  return { scenario: { file, path: resolve(file), name: spec.name, sha256: hash }, labels: labelsOf(spec) };
}
