/**
 * A shard's round file, `rounds/TTT.RRRR.K-of-N.json` (shards.ts): the distances of shard K's slice
 * of a round's proposals, with the round it was planned for, written atomically and then its record
 * (TTT.RRRR.K-of-N.done.json, record.ts). Read back, it counts only once its record proves it and
 * every value is one the round can have given (readBack.ts); a file without its record was never
 * finished, and its shard runs again.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Shard } from '../../experiments/plan.js';
import { makeDirs } from '../../io/makeDirs.js';
import { checkRound, type PlannedRound, refusal } from './readBack.js';
import { hasRecord, readRecorded, writeRecorded } from './record.js';

export const ROUNDS_DIR = 'rounds';

/** One round of a generation: proposals [from, to), at this tolerance. */
export interface Round {
  readonly t: number;
  readonly round: number;
  readonly from: number;
  readonly to: number;
  readonly tolerance: number;
}

const fileName = (t: number, round: number, k: number, n: number) =>
  `${String(t).padStart(3, '0')}.${String(round).padStart(4, '0')}.${k}-of-${n}.json`;

/** The finished round files of generation t (those with their record), by round: shard number → file name, and each round's N. */
export function roundFiles(out: string, t: number): Map<number, { of: number; files: Map<number, string> }> {
  const rounds = new Map<number, { of: number; files: Map<number, string> }>();
  const dir = join(out, ROUNDS_DIR);
  if (!existsSync(dir)) return rounds;
  const prefix = `${String(t).padStart(3, '0')}.`;
  for (const name of readdirSync(dir).sort()) {
    const m = /^\d{3}\.(\d{4})\.(\d+)-of-(\d+)\.json$/.exec(name);
    if (!m || !name.startsWith(prefix) || !hasRecord(join(dir, name))) continue;
    const [r, k, n] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const entry = rounds.get(r) ?? { of: n, files: new Map<number, string>() };
    if (entry.of !== n)
      refusal(join(dir, name), "a shard's round file", `remove it and run --shard ${k}/${entry.of} again`)(
        `says ${n} shards where another file of its round says ${entry.of}`,
        'of',
        String(entry.of),
        String(n),
      );
    entry.files.set(k, name);
    rounds.set(r, entry);
  }
  return rounds;
}

/** Shard K of N's file of a round: what it wrote, as strings (exact, and generation 0's Infinity tolerance), null outside the prior. */
export function writeRound(out: string, round: Round, shard: Shard, distances: readonly (number | undefined)[]): void {
  const stored = {
    ...round,
    tolerance: String(round.tolerance),
    shard: shard.index,
    of: shard.count,
    distances: distances.map((d) => (d === undefined ? null : String(d))),
  };
  makeDirs(join(out, ROUNDS_DIR));
  writeRecorded(join(out, ROUNDS_DIR, fileName(round.t, round.round, shard.index, shard.count)), JSON.stringify(stored));
}

/** The distances of a finished round file (undefined: outside the prior), proved and checked; it must be there. */
export function readRound(out: string, name: string, planned: PlannedRound): (number | undefined)[] {
  const file = join(out, ROUNDS_DIR, name);
  const refuse = refusal(file, "a shard's round file", `remove it and run --shard ${planned.shard}/${planned.of} again`);
  const text = readRecorded(file, refuse);
  if (text === undefined) return refuse('is gone', undefined, 'the file and its record', 'the record alone');
  return checkRound(text, planned, refuse);
}
