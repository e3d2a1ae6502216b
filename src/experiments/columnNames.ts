/** Output column names: the contract of docs/reference.md, Output files (extended at the end, never reordered). Free of file work, so the explore page can use them. */
import { RUN_OUTCOMES } from './outcomes.js';
import { ACTOR_REPORTERS, columnsOf, PAIR_REPORTERS, TIE_REPORTERS } from './reporters.js';

/** The per-tick files' columns: which run, when, whose, then what reporters.ts declares of it. */
export const COLUMNS = {
  ties: ['replication', 'seed', 'tick', 'from', 'to', ...columnsOf(TIE_REPORTERS)],
  pairs: ['replication', 'seed', 'tick', 'a', 'b', ...columnsOf(PAIR_REPORTERS)],
  actors: ['replication', 'seed', 'tick', 'actor', ...columnsOf(ACTOR_REPORTERS)],
  summary: ['replication', 'seed', 'a', 'b', ...columnsOf(RUN_OUTCOMES)],
  events: ['replication', 'seed', 'tick', 'date', 'shock', 'kind', 'event'],
  contributions: ['replication', 'seed', 'tick', 'from', 'to', 'domain', 'mechanism', 'value'],
  observables: ['replication', 'seed', 'tick', 'date', 'indicator', 'value', 'unit'],
} as const;
