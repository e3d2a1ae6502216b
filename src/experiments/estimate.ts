/**
 * What a run of a scenario will write, estimated before it runs, from the
 * rows each file gets and a generous size per row (measured on the default
 * scenario: ties 97 bytes, pairs 59, actors 52, contributions 58, observables 63),
 * plus the text every row repeats beyond what those rows held: actor ids longer than the
 * default's three letters, and each observable's name and unit (scenario/schema.ts bounds them).
 */
import type { ModelConfig } from '../model/config.js';
import { D } from '../model/domains.js';

export const ROW_BYTES = { ties: 110, pairs: 70, actors: 60, contributions: 70, observables: 75, summary: 70, events: 80 } as const;

/** The text an observables.csv row repeats. */
export interface ObservableText {
  readonly indicator: string;
  readonly unit: string;
}

export interface RunShape {
  readonly replications: number;
  readonly contributions: boolean;
  readonly observables: readonly ObservableText[];
}

/** Bytes an id longer than the default scenario's (three letters) adds to each row that names it. */
export function idExtra(cfg: ModelConfig): number {
  return Math.max(0, ...cfg.actorIds.map((id) => Buffer.byteLength(id) - 3));
}

/** Bytes of the per-tick rows of one run (every file `run` writes per tick). */
export function perTickBytes(
  cfg: ModelConfig,
  files: { ties: boolean; pairs: boolean; actors: boolean; contributions?: boolean; observables?: readonly ObservableText[] },
): number {
  const id = idExtra(cfg);
  let perTick = 0;
  if (files.ties) perTick += cfg.K * (ROW_BYTES.ties + 2 * id);
  if (files.pairs) perTick += cfg.P * (ROW_BYTES.pairs + 2 * id);
  if (files.actors) perTick += cfg.n * (ROW_BYTES.actors + id);
  if (files.contributions) perTick += cfg.K * D * cfg.mechanisms.length * (ROW_BYTES.contributions + 2 * id);
  // Text quoted for CSV can double (every " becomes ""): counted twice.
  for (const o of files.observables ?? [])
    perTick += ROW_BYTES.observables + 2 * (Buffer.byteLength(o.indicator) + Buffer.byteLength(o.unit));
  return cfg.ticks * perTick;
}

/** Bytes `entente run` will write. */
export function runOutputBytes(cfg: ModelConfig, shape: RunShape): number {
  const perRun =
    perTickBytes(cfg, { ties: true, pairs: true, actors: true, contributions: shape.contributions, observables: shape.observables }) +
    cfg.P * (ROW_BYTES.summary + 2 * idExtra(cfg)) +
    cfg.shocks.length * 2 * ROW_BYTES.events;
  return shape.replications * perRun;
}
