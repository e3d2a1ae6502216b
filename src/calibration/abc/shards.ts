/**
 * ABC-SMC spread over processes that share only a directory (Slurm tasks, issue 15): each
 * generation's proposals are evaluated in rounds, each round's range split among N shards, each
 * shard writing the distances of its slice to `rounds/TTT.RRRR.K-of-N.json`. What to do next is
 * a function of the directory alone (readState): the saved generations, then the complete
 * rounds of the pending generation, assembled in proposal order exactly as a run in one process
 * assembles its batches (generation.ts). So the posterior is the same, byte for byte, whatever
 * the number of shards, rounds or workers, and a shard that is run again, or late, changes
 * nothing.
 *
 * A round's range depends only on the complete rounds before it (roundSize), so every shard
 * plans the same one. Proposals past the N-th acceptance are simulated and thrown away: about a
 * fifth more simulations than a run in one process, for one round (one Slurm step) a generation.
 */
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { EntenteError } from '../../errors.js';
import { writeAtomic } from '../../io/atomicFile.js';
import { readRegularText } from '../../io/readFile.js';
import type { Shard } from '../../sweep/plan.js';
import { type Generation, GenerationBuilder, type Proposer, proposalAt, proposer } from './generation.js';
import type { Prior } from './priors.js';
import { type AbcModel, type AbcOptions, type AbcResult, BATCH, MAX_PROPOSALS, nextStep } from './smc.js';

export const ROUNDS_DIR = 'rounds';

/** One round of a generation: proposals [from, to), at this tolerance. */
export interface Round {
  readonly t: number;
  readonly round: number;
  readonly from: number;
  readonly to: number;
  readonly tolerance: number;
}

/** What the directory says comes next. */
export type ShardState =
  | {
      readonly kind: 'round';
      /** Generations complete, saved or assembled from rounds. */
      readonly generations: readonly Generation[];
      /** Those of them assembled from rounds and not yet saved (collect saves them). */
      readonly assembled: readonly Generation[];
      readonly round: Round;
      readonly proposer: Proposer;
      /** Shards of this round whose files are there, and the N they were run with. */
      readonly present: readonly number[];
      readonly of: number | undefined;
    }
  | {
      readonly kind: 'stop';
      readonly generations: readonly Generation[];
      readonly assembled: readonly Generation[];
      readonly stopped: AbcResult['stopped'];
    };

interface Stored extends Omit<Round, 'tolerance'> {
  /** As a string: exact, and generation 0's Infinity (which JSON has not). */
  readonly tolerance: string;
  readonly shard: number;
  readonly of: number;
  /** Each proposal of the slice in order: its distance as a string (exact, and Infinity allowed), or null outside the prior. */
  readonly distances: (string | null)[];
}

const fileName = (t: number, round: number, k: number, n: number) =>
  `${String(t).padStart(3, '0')}.${String(round).padStart(4, '0')}.${k}-of-${n}.json`;

/** Proposals [from, to) of a round that shard K of N evaluates: contiguous, as sweeps split their chunks. */
export function shardSlice(round: Round, shard: Shard): { from: number; to: number } {
  const size = round.to - round.from;
  return {
    from: round.from + Math.floor(((shard.index - 1) * size) / shard.count),
    to: round.from + Math.floor((shard.index * size) / shard.count),
  };
}

/** Where a generation gives up, as a run in one process does: at the first batch starting past maxProposals. */
const limit = (options: AbcOptions) => Math.ceil((options.maxProposals ?? MAX_PROPOSALS) / BATCH) * BATCH;

/**
 * The size of the next round (see the header): enough, at the acceptance rate expected, for the
 * particles still missing and a fifth more, so that most generations take one round. Expected: the
 * rate of this generation's rounds so far; before any, three quarters of the previous generation's
 * (the tolerance falls to its median: the rate fell by 0.6–0.9 a generation in the shipped
 * posterior), or a half after generation 0 (which accepts all). A later round at most quadruples
 * the proposals so far.
 */
function roundSize(n: number, builder: GenerationBuilder, previous: Generation | undefined): number {
  const missing = n - builder.accepted;
  if (!previous) return missing;
  const expected =
    builder.proposals > 0 ? Math.max(builder.accepted, 1) / builder.proposals : previous.t === 0 ? 0.5 : 0.75 * previous.acceptance;
  const size = Math.ceil((1.2 * missing) / expected / BATCH) * BATCH;
  return builder.proposals > 0 ? Math.min(size, 4 * Math.ceil(builder.proposals / BATCH) * BATCH) : size;
}

function damaged(out: string, name: string, why: string): EntenteError {
  return new EntenteError('output.damaged', `a shard's round file ${why}`, {
    where: { file: join(out, ROUNDS_DIR, name) },
    expected: 'the file as `entente calibrate --method abc --shard` wrote it for this calibration: remove it to run that shard again',
  });
}

/** The round files of generation t, by round: shard number → file name, and each round's N. */
function roundFiles(out: string, t: number): Map<number, { of: number; files: Map<number, string> }> {
  const rounds = new Map<number, { of: number; files: Map<number, string> }>();
  const dir = join(out, ROUNDS_DIR);
  if (!existsSync(dir)) return rounds;
  const prefix = `${String(t).padStart(3, '0')}.`;
  for (const name of readdirSync(dir).sort()) {
    const m = /^\d{3}\.(\d{4})\.(\d+)-of-(\d+)\.json$/.exec(name);
    if (!m || !name.startsWith(prefix)) continue;
    const [r, k, n] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const entry = rounds.get(r) ?? { of: n, files: new Map<number, string>() };
    if (entry.of !== n) throw damaged(out, name, `says ${n} shards where another file of its round says ${entry.of}`);
    entry.files.set(k, name);
    rounds.set(r, entry);
  }
  return rounds;
}

function readRound(out: string, name: string, expected: Round, shard: Shard): (number | undefined)[] {
  let s: Stored;
  try {
    s = JSON.parse(readRegularText(join(out, ROUNDS_DIR, name))) as Stored;
  } catch {
    throw damaged(out, name, 'cannot be read');
  }
  const slice = shardSlice(expected, shard);
  const { t, round, from, to, tolerance } = expected;
  if (
    s.t !== t ||
    s.round !== round ||
    s.from !== from ||
    s.to !== to ||
    s.tolerance !== String(tolerance) ||
    s.distances?.length !== slice.to - slice.from
  )
    throw damaged(out, name, 'was planned for another round of proposals (another calibration, or another version of entente)');
  return s.distances.map((d) => (d === null ? undefined : Number(d)));
}

/**
 * Replay the directory: its saved generations, then each pending generation's complete rounds in
 * order, until a round is incomplete or missing (what comes next) or the schedule stops.
 */
export function readState(out: string, priors: readonly Prior[], options: AbcOptions, saved: readonly Generation[]): ShardState {
  const generations = [...saved];
  const assembled: Generation[] = [];
  for (;;) {
    const step = nextStep(generations, options);
    if (step.kind === 'stop') return { kind: 'stop', generations, assembled, stopped: step.stopped };
    const from = proposer(priors, options.seed, step.t, step.previous);
    const builder = new GenerationBuilder(options.particles, step.tolerance, from);
    const files = roundFiles(out, step.t);
    let next = 0;
    let r = 0;
    for (; !builder.full; r++) {
      const round: Round = {
        t: step.t,
        round: r,
        from: next,
        to: Math.min(limit(options), next + roundSize(options.particles, builder, step.previous)),
        tolerance: step.tolerance,
      };
      if (round.from >= round.to) {
        if (step.t === 0) throw new Error('ABC: no proposal from the prior could be simulated');
        return { kind: 'stop', generations, assembled, stopped: 'acceptance' };
      }
      const entry = files.get(r);
      const complete = entry !== undefined && Array.from({ length: entry.of }, (_, k) => entry.files.has(k + 1)).every(Boolean);
      if (!complete) {
        const present = entry ? [...entry.files.keys()].sort((a, b) => a - b) : [];
        return { kind: 'round', generations, assembled, round, proposer: from, present, of: entry?.of };
      }
      for (let k = 1; k <= entry.of && !builder.full; k++) {
        const shard = { index: k, count: entry.of };
        const slice = shardSlice(round, shard);
        const distances = readRound(out, entry.files.get(k) as string, round, shard);
        for (let i = slice.from; i < slice.to && builder.add(proposalAt(from, i), distances[i - slice.from]); i++);
      }
      next = round.to;
    }
    const g = builder.finish();
    generations.push(g);
    assembled.push(g);
  }
}

/** Evaluate shard K of N of the round the state asks for, and write its file (atomically); false if it is there already. */
export async function runShard(out: string, state: ShardState & { kind: 'round' }, shard: Shard, model: AbcModel): Promise<boolean> {
  const { round } = state;
  if (state.of !== undefined && state.of !== shard.count)
    throw new EntenteError('options.shard', `round ${round.round} of generation ${round.t} is being run as ${state.of} shards`, {
      where: { file: join(out, ROUNDS_DIR), path: '--shard' },
      expected: `K/${state.of} until the round is complete (a round's split cannot change midway)`,
      found: `${shard.index}/${shard.count}`,
    });
  if (state.present.includes(shard.index)) return false;
  const slice = shardSlice(round, shard);
  const distances: (string | null)[] = [];
  const step = BATCH * 4;
  for (let first = slice.from; first < slice.to; first += step) {
    const proposals = Array.from({ length: Math.min(step, slice.to - first) }, (_, b) => proposalAt(state.proposer, first + b));
    const inside = proposals.flatMap((p, b) => (Number.isFinite(p.logPrior) ? [b] : []));
    const d = await model.distances(
      round.t,
      inside.map((b) => first + b),
      inside.map((b) => proposals[b]?.theta as Float64Array),
    );
    const row: (string | null)[] = proposals.map(() => null);
    inside.forEach((b, j) => {
      row[b] = String(d[j]);
    });
    distances.push(...row);
  }
  const stored: Stored = { ...round, tolerance: String(round.tolerance), shard: shard.index, of: shard.count, distances };
  mkdirSync(join(out, ROUNDS_DIR), { recursive: true });
  writeAtomic(join(out, ROUNDS_DIR, fileName(round.t, round.round, shard.index, shard.count)), JSON.stringify(stored));
  return true;
}

/** Remove the round files of generations before `t` (saved now as checkpoints), or all of them. */
export function removeRounds(out: string, before = Number.POSITIVE_INFINITY): void {
  const dir = join(out, ROUNDS_DIR);
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) if (Number(name.slice(0, 3)) < before) rmSync(join(dir, name), { force: true });
  if (readdirSync(dir).length === 0) rmSync(dir, { recursive: true, force: true });
}
