/**
 * ABC-SMC spread over processes that share only a directory (Slurm tasks): each
 * generation's proposals are evaluated in rounds, each round's range split among N shards, each
 * shard writing the distances of its slice to `rounds/TTT.RRRR.K-of-N.json` (roundFile.ts: proved
 * by its record and every value checked when it is read back). What to do next is
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
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { EntenteError } from '../../errors.js';
import type { Shard } from '../../experiments/plan.js';
import { type Generation, GenerationBuilder, type Proposal, type Proposer, proposalAt, proposer } from './generation.js';
import type { Prior } from './priors.js';
import { ROUNDS_DIR, type Round, readRound, roundFiles, writeRound } from './roundFile.js';
import { type AbcModel, type AbcOptions, type AbcResult, BATCH, MAX_PROPOSALS, nextStep } from './smc.js';

export { ROUNDS_DIR, type Round } from './roundFile.js';

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
    const from = proposer(priors, options.seed, step.t, step.previous, options.kernel);
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
        const slice = shardSlice(round, { index: k, count: entry.of });
        const proposals = Array.from({ length: slice.to - slice.from }, (_, j) => proposalAt(from, slice.from + j));
        const distances = readRound(out, entry.files.get(k) as string, { ...round, shard: k, of: entry.of, proposals });
        for (let j = 0; j < proposals.length && builder.add(proposals[j] as Proposal, distances[j]); j++);
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
  const distances: (number | undefined)[] = [];
  const step = BATCH * 4;
  for (let first = slice.from; first < slice.to; first += step) {
    const proposals = Array.from({ length: Math.min(step, slice.to - first) }, (_, b) => proposalAt(state.proposer, first + b));
    const inside = proposals.flatMap((p, b) => (Number.isFinite(p.logPrior) ? [b] : []));
    const d = await model.distances(
      round.t,
      inside.map((b) => first + b),
      inside.map((b) => proposals[b]?.theta as Float64Array),
    );
    const row: (number | undefined)[] = proposals.map(() => undefined);
    inside.forEach((b, j) => {
      row[b] = d[j];
    });
    distances.push(...row);
  }
  writeRound(out, round, shard, distances);
  return true;
}

/** Remove the round files (and their records) of generations before `t` (saved now as checkpoints), or all of them. */
export function removeRounds(out: string, before = Number.POSITIVE_INFINITY): void {
  const dir = join(out, ROUNDS_DIR);
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) if (Number(name.slice(0, 3)) < before) rmSync(join(dir, name), { force: true });
  if (readdirSync(dir).length === 0) rmSync(dir, { recursive: true, force: true });
}
