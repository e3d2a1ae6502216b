/**
 * Memory that grows with the square of the number of actors: the resolved scenario keeps
 * actor-by-actor tables (tie and pair indices, grievance and exposure, their conditions) and
 * each run's state another, about 35 bytes per actor pair in all (measured: peak RSS 613 MB for
 * 4,000 actors with one tie, 238 MB for 2,000, against 57 MB for the default scenario). Checked
 * when a command loads a scenario, before the tables are made; a command that holds several
 * copies (a sweep's workers, a comparison's arms) says how many.
 */
import { checkMemory } from '../io/limits.js';

/** Bytes per ordered pair of actors, with a margin over the 35 measured. */
const BYTES_PER_ACTOR_PAIR = 40;

/** Bytes the actor-by-actor tables of one copy of a scenario of `actors` actors take. */
export function actorTableBytes(actors: number): number {
  return BYTES_PER_ACTOR_PAIR * actors * actors;
}

/** Refuse a scenario whose actor-by-actor tables, `copies` times over, exceed the memory limit. */
export function checkActorMemory(actors: number, file: string, copies = 1): void {
  checkMemory(
    `a scenario of ${actors} actors${copies > 1 ? `, held ${copies} times` : ''}`,
    copies * actorTableBytes(actors),
    'fewer actors (the model keeps actor-by-actor tables)',
    file,
  );
}
