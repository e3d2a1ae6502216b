/**
 * The observed figures a run's report plots beside its observables: from the
 * data file the scenario names (`observed:`), in the observables' own units,
 * each period placed on the monthly time axis.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { readSource } from '../scenario/source.js';
import { type OutputDir, readCsv } from './outputs.js';
import type { ObservedPoint } from './specs/observables.js';

/** The scenario file a run's manifest names (absolute path first, then as typed, relative to the working directory). */
function scenarioPath(out: OutputDir): string | undefined {
  const s = out.manifest.scenario as { path?: string; file?: string } | undefined;
  return [s?.path, s?.file].find((f): f is string => typeof f === 'string' && existsSync(f));
}

/** Observed figures for the run's observables: from the data file the scenario names (`observed:`), in matching units. */
export function observedPoints(out: OutputDir, notes: string[]): ObservedPoint[] {
  const file = scenarioPath(out);
  if (!file) {
    notes.push('Observed figures are not shown: the scenario file named in manifest.json was not found from here.');
    return [];
  }
  const source = readSource(file);
  const ran = (out.manifest.scenario as { sha256?: string } | undefined)?.sha256;
  if (ran && source.hash !== ran)
    notes.push(`${file} has changed since this run: observed figures are matched to its current observables.`);
  return scenarioObserved(file, source.data, notes);
}

/** The observed figures a scenario's data (`observed:` file) gives for its observables, in their units. */
export function scenarioObserved(file: string, scenario: unknown, notes: string[]): ObservedPoint[] {
  const data = scenario as { observed?: string; observables?: Record<string, { unit?: string }> };
  if (!data.observed) return [];
  const path = resolve(dirname(file), data.observed);
  if (!existsSync(path)) {
    notes.push(`Observed figures are not shown: ${path} was not found.`);
    return [];
  }
  const csv = readCsv(path);
  const points: ObservedPoint[] = [];
  for (const r of csv) {
    const unit = data.observables?.[r.indicator as string]?.unit;
    const value = Number(r.value);
    const date = periodDate(r.period as string);
    if (unit === undefined || r.unit !== unit || !Number.isFinite(value) || r.value === '' || !date) continue;
    points.push({ indicator: r.indicator as string, date, value, label: r.period as string });
  }
  return points;
}

/** A period of the observed data as a month to plot at: years at mid-year, quarters at their middle month. */
export function periodDate(period: string): string | undefined {
  if (/^\d{4}$/.test(period)) return `${period}-07`;
  if (/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) return period;
  const q = /^(\d{4})-Q([1-4])$/.exec(period);
  if (q) return `${q[1]}-${String(Number(q[2]) * 3 - 1).padStart(2, '0')}`;
  return undefined;
}

/**
 * The posterior predictive of the scenario's calibrated posterior (its `posterior:` directory's
 * predictive.csv: weighted quantiles of each observable, month by month), for a run that is that
 * scenario as it stands (no lever, no --set, the same text): the band a fit should be judged by.
 * Undefined otherwise, with a note saying why where there was one to show.
 */
export function posteriorPredictive(out: OutputDir, notes: string[]): { rows: Record<string, string>[]; dir: string } | undefined {
  const file = scenarioPath(out);
  if (!file) return undefined;
  const source = readSource(file);
  const named = (source.data as { posterior?: unknown }).posterior;
  if (typeof named !== 'string') return undefined;
  const dir = resolve(dirname(file), named);
  if (!existsSync(join(dir, 'predictive.csv'))) return undefined;
  const m = out.manifest as { lever?: unknown; overrides?: unknown[]; scenario?: { sha256?: string } };
  if ((m.lever ?? null) !== null || (m.overrides ?? []).length > 0 || m.scenario?.sha256 !== source.hash) {
    notes.push(
      `The calibrated posterior's predictive band (${join(dir, 'predictive.csv')}) is not drawn: this run is not the scenario as calibrated (a lever, --set, or another text of the file).`,
    );
    return undefined;
  }
  return { rows: readCsv(join(dir, 'predictive.csv')), dir };
}
