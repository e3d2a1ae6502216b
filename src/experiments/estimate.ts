/**
 * What a run of a scenario will write, estimated before it runs, from the
 * rows each file gets and a generous size per row (measured on the default
 * scenario: ties 97 bytes, pairs 59, actors 52, contributions 58, observables 63).
 */
import type { ModelConfig } from '../model/config.js';
import { D } from '../model/domains.js';

export const ROW_BYTES = { ties: 110, pairs: 70, actors: 60, contributions: 70, observables: 75, summary: 70, events: 80 } as const;

export interface RunShape {
  readonly replications: number;
  readonly contributions: boolean;
  readonly observables: number;
}

/** Bytes of the per-tick rows of one run (every file `run` writes per tick). */
export function perTickBytes(
  cfg: ModelConfig,
  files: { ties: boolean; pairs: boolean; actors: boolean; contributions?: boolean; observables?: number },
): number {
  let perTick = 0;
  if (files.ties) perTick += cfg.K * ROW_BYTES.ties;
  if (files.pairs) perTick += cfg.P * ROW_BYTES.pairs;
  if (files.actors) perTick += cfg.n * ROW_BYTES.actors;
  if (files.contributions) perTick += cfg.K * D * cfg.mechanisms.length * ROW_BYTES.contributions;
  perTick += (files.observables ?? 0) * ROW_BYTES.observables;
  return cfg.ticks * perTick;
}

/** Bytes `entente run` will write. */
export function runOutputBytes(cfg: ModelConfig, shape: RunShape): number {
  const perRun =
    perTickBytes(cfg, { ties: true, pairs: true, actors: true, contributions: shape.contributions, observables: shape.observables }) +
    cfg.P * ROW_BYTES.summary +
    cfg.shocks.length * 2 * ROW_BYTES.events;
  return shape.replications * perRun;
}
