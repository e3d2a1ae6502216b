/** Output column names: the contract of docs/reference.md, Output files (extended at the end, never reordered). Free of file work, so the explore page can use them. */
import { DOMAINS } from '../model/domains.js';

export const COLUMNS = {
  ties: ['replication', 'seed', 'tick', 'from', 'to', ...DOMAINS, 'concessions', 'dependence'],
  pairs: ['replication', 'seed', 'tick', 'a', 'b', 'depth', 'rhetoric', 'trade_usd_bn', 'channel', 'divergence'],
  actors: ['replication', 'seed', 'tick', 'actor', 'stress', 'need', 'costBorne', 'welfare'],
  summary: ['replication', 'seed', 'a', 'b', 'depth_final', 'depth_mean', 'rhetoric_final', 'rhetoric_mean'],
  events: ['replication', 'seed', 'tick', 'date', 'shock', 'kind', 'event'],
  contributions: ['replication', 'seed', 'tick', 'from', 'to', 'domain', 'mechanism', 'value'],
  observables: ['replication', 'seed', 'tick', 'date', 'indicator', 'value', 'unit'],
} as const;
