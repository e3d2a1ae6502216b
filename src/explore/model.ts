/**
 * What the explore page embeds and how it runs the model: the scenario as the command validated
 * it, the controls, and the engine calls. This module is shared by the command (which writes
 * the page) and the page (which runs it), and touches no file: the page bundles it.
 */
import { stringify } from 'csv-stringify/sync';
import { compareLevers, type LeverEffect } from '../compare/compare.js';
import { particleOutcomes } from '../compare/posterior/runs.js';
import { quantile } from '../compare/stats.js';
import { COLUMNS } from '../experiments/columnNames.js';
import { resolveObservables } from '../experiments/observables.js';
import { outcomeCollector, type RunOutcome } from '../experiments/outcomes.js';
import { type PairRow, pairRows } from '../experiments/pairRows.js';
import { PAIR_REPORTERS } from '../experiments/reporters.js';
import { formatNumber } from '../io/formatNumber.js';
import { D } from '../model/domains.js';
import { deriveSeed } from '../model/rng.js';
import { type LoadedScenario, prepare } from '../scenario/load.js';
import type { ScenarioFile } from '../scenario/schema.js';

/** One slider: a scenario path and the range the schema (or a sweep) allows. */
export interface Control {
  readonly path: string;
  /** Words for it, from the scenario (actor names, shock descriptions). */
  readonly label: string;
  readonly group: string;
  readonly min: number;
  readonly max: number;
  readonly step: number;
  /** The scenario's own value. */
  readonly value: number;
}

/** Everything the page needs, embedded as JSON. */
export interface Embedded {
  /** The scenario file as given on the command line, and its SHA-256. */
  readonly file: string;
  readonly hash: string;
  /** The file's content, parsed and validated by the command. */
  readonly data: ScenarioFile;
  readonly controls: readonly Control[];
  readonly levers: readonly { readonly name: string; readonly description: string }[];
  /** Pairs first in the charts (the scenario's focus, else the first pair). */
  readonly focus: readonly string[];
  readonly seed: number;
  readonly replications: number;
  readonly version: string;
  /** Observed figures for the scenario's indicators (its `observed:` file), placed on the monthly axis. */
  readonly observed: readonly { readonly indicator: string; readonly date: string; readonly value: number; readonly label: string }[];
  /** Words for each indicator (its description), by name. */
  readonly indicators: Readonly<Record<string, string>>;
  /** A sample of a calibrated posterior's particles, drawn by weight (so equally weighted here). */
  readonly posterior?: PagePosterior;
  /** Settings `data` already carries from a sweep's `set:` or a posterior's structure (PATH=VALUE): the command line repeats them. */
  readonly fixed?: readonly string[];
}

export interface PagePosterior {
  readonly dir: string;
  readonly paths: readonly string[];
  /** particles[i][j]: particle i's value of paths[j], as posterior.csv writes it. */
  readonly particles: readonly (readonly string[])[];
  /** The whole posterior's particle count and effective sample size. */
  readonly count: number;
  readonly ess: number;
}

/** What a view of the page is: overrides, one lever or none, seed and replications. */
export interface Settings {
  readonly set: Readonly<Record<string, number>>;
  readonly lever: string | undefined;
  readonly seed: number;
  readonly replications: number;
  /** Run over the posterior's particles (its values replace the sliders' for its parameters). */
  readonly posterior?: boolean;
}

/** The overrides as `entente run --set` takes them, in the controls' order: only those that differ from the scenario. */
export function setFlags(page: Embedded, settings: Settings): string[] {
  return page.controls
    .filter((c) => settings.set[c.path] !== undefined && settings.set[c.path] !== c.value)
    .map((c) => `${c.path}=${settings.set[c.path]}`);
}

/** The scenario resolved with the settings, exactly as `entente run` resolves it with the same flags (and `extra` --set flags after them). */
export function resolve(page: Embedded, settings: Settings, extra: readonly string[] = []): LoadedScenario {
  const source = { file: page.file, data: page.data, hash: page.hash, locate: () => undefined };
  return prepare(source, page.data, {
    lever: settings.lever,
    set: [...setFlags(page, settings), ...extra],
    seed: settings.seed,
    replications: settings.replications,
  });
}

/** One run of the page's settings: pairs.csv's rows, and what the charts read of the state as it goes. */
export interface PageRun {
  readonly rows: readonly PairRow[];
  /** The focus pair's commitment each way in each domain at the last tick, mean over replications. */
  readonly domains: readonly { readonly from: string; readonly to: string; readonly values: readonly number[] }[];
  /** Each indicator's mean over replications at each tick (observables.csv's values). */
  readonly indicators: readonly { readonly indicator: string; readonly unit: string; readonly mean: Float64Array }[];
  /** Each replication's outcome as a comparison reads it (compare/paired.ts), when asked for: the lever chart reuses this run. */
  readonly outcomes: readonly RunOutcome[];
}

export function runPage(loaded: LoadedScenario, focus: string | undefined, outcomes = true): PageRun {
  const cfg = loaded.config;
  const [a = '', b = ''] = (focus ?? '').split('-');
  const ends = [
    [a, b],
    [b, a],
  ].map(([from = '', to = '']) => ({ from, to, tie: cfg.tieOf[cfg.actorIds.indexOf(from) * cfg.n + cfg.actorIds.indexOf(to)] ?? -1 }));
  const ties = ends.filter((e) => e.tie >= 0 && cfg.actorIds.includes(e.from) && cfg.actorIds.includes(e.to));
  const domains = ties.map(() => new Float64Array(D));
  const observables = resolveObservables(loaded);
  const sums = observables.map(() => new Float64Array(cfg.ticks));
  const last = cfg.ticks - 1;
  // Each replication's outcome, for the lever chart to reuse (it needs welfare tracked, which costs time).
  const gathered: RunOutcome[] = [];
  let collect = outcomes ? outcomeCollector(cfg) : undefined;
  const { pairs } = pairRows(loaded, {
    welfare: outcomes,
    onEnd: (_r, s) => {
      if (!collect) return;
      gathered.push(collect.finish(s));
      collect = outcomeCollector(cfg);
    },
    onTick: (_r, t, s) => {
      collect?.tick(s);
      observables.forEach((o, k) => {
        const sum = sums[k] as Float64Array;
        sum[t] += o.value(s, t);
      });
      if (t === last)
        ties.forEach((e, k) => {
          const sum = domains[k] as Float64Array;
          for (let d = 0; d < D; d++) sum[d] += s.commitment[e.tie * D + d];
        });
    },
  });
  const R = loaded.replications;
  return {
    rows: pairs,
    domains: ties.map((e, k) => ({ from: e.from, to: e.to, values: Array.from(domains[k] as Float64Array, (v) => v / R) })),
    indicators: observables.map((o, k) => ({ indicator: o.indicator, unit: o.unit, mean: (sums[k] as Float64Array).map((v) => v / R) })),
    outcomes: gathered,
  };
}

/** pairs.csv's text for these rows: the command's header, and numbers as every CSV writes them. */
export function pairsCsv(rows: readonly PairRow[]): string {
  return stringify(
    [[...COLUMNS.pairs], ...rows.map((r) => [r.replication, r.seed, r.tick, r.a, r.b, ...PAIR_REPORTERS.map((p) => r[p.field])])],
    { cast: { number: formatNumber } },
  );
}

/** At each tick: the 5% and 95% quantiles and the mean, across series. */
export interface Band {
  readonly low: Float64Array;
  readonly mean: Float64Array;
  readonly high: Float64Array;
}

/** Across series (replications or particles), at each tick: the mean and the 5% and 95% quantiles (as the report's bands). */
export function bandOf(series: readonly Float64Array[]): Band {
  const T = series[0]?.length ?? 0;
  const low = new Float64Array(T);
  const mean = new Float64Array(T);
  const high = new Float64Array(T);
  const column = new Float64Array(series.length);
  for (let t = 0; t < T; t++) {
    series.forEach((x, i) => {
      column[i] = x[t];
    });
    column.sort();
    low[t] = quantile(column, 0.05);
    high[t] = quantile(column, 0.95);
    mean[t] = column.reduce((a, b) => a + b, 0) / column.length;
  }
  return { low, mean, high };
}

/** A pair's depth at each tick, one series per replication of the rows. */
/** A value of pair `pair`'s rows ("A-B", either way round) at each tick, one series per replication; `reversed` when a row names the pair b-a. */
export function pairSeries(rows: readonly PairRow[], pair: string, read: (r: PairRow, reversed: boolean) => number): Float64Array[] {
  const [a = '', b = ''] = pair.split('-');
  const series: Float64Array[] = [];
  const ticks = rows.reduce((m, r) => Math.max(m, r.tick + 1), 0);
  for (const r of rows)
    if ((r.a === a && r.b === b) || (r.a === b && r.b === a)) {
      series[r.replication] ??= new Float64Array(ticks);
      (series[r.replication] as Float64Array)[r.tick] = read(r, r.a !== a);
    }
  return series;
}

export const depthSeries = (rows: readonly PairRow[], pair: string): Float64Array[] => pairSeries(rows, pair, (r) => r.depth);

/** The cost-weighted commitment of the pair's first actor toward its second (`first`), or of the second toward the first. */
export const sideSeries = (rows: readonly PairRow[], pair: string, first: boolean): Float64Array[] =>
  pairSeries(rows, pair, (r, reversed) => (first !== reversed ? r.commitmentAB : r.commitmentBA));

/** What the posterior says at these settings: each chart's plausible range, and each lever's effect as a posterior probability. */
export interface PosteriorView {
  /** The focus pair's depth. */
  readonly depth: Band;
  readonly indicators: readonly { readonly indicator: string; readonly band: Band }[];
  readonly effects: readonly LeverEffect[];
}

/**
 * Every sampled particle run once at these settings with its own values (common random numbers:
 * the page's seed for every particle's trajectories; particle i's seeds deriveSeed(seed, i, r) for
 * the levers, as entente compare --posterior), so the spread is the posterior's.
 */
export function posteriorView(page: Embedded, settings: Settings): PosteriorView | undefined {
  const post = page.posterior;
  if (!post || !settings.posterior) return undefined;
  const focus = page.focus[0] ?? '';
  // Trajectories at the current view (its lever too); lever effects against the baseline.
  const view = { ...settings, replications: 1 };
  const base = { ...view, lever: undefined };
  const depths: Float64Array[] = [];
  const indicators = new Map<string, Float64Array[]>();
  for (const values of post.particles) {
    const run = runPage(
      resolve(
        page,
        view,
        post.paths.map((path, j) => `${path}=${values[j]}`),
      ),
      focus,
      false,
    );
    depths.push(...depthSeries(run.rows, focus));
    for (const ind of run.indicators)
      (indicators.get(ind.indicator) ?? indicators.set(ind.indicator, []).get(ind.indicator))?.push(ind.mean);
  }
  const loaded = resolve(page, base);
  const levers = page.levers.map((l) => l.name);
  const outcomes = particleOutcomes(
    {
      scenarioFile: page.file,
      scenario: loaded.spec,
      levers,
      paths: post.paths,
      seed: loaded.seed,
      replications: 1,
    },
    { first: 0, values: post.particles },
  );
  const K = post.particles.length;
  const effects = compareLevers(
    loaded,
    {
      levers,
      replications: K,
      seed: loaded.seed,
      minEffect: 0.005,
      posterior: { weights: new Float64Array(K).fill(1 / K), confidence: 0.9, level: 0.9 },
      unitSeed: (i) => deriveSeed(loaded.seed, i, 0),
    },
    () => {},
    outcomes,
  );
  return {
    depth: bandOf(depths),
    indicators: [...indicators].map(([indicator, series]) => ({ indicator, band: bandOf(series) })),
    effects,
  };
}
