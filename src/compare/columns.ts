/** Columns of compare's files (DESIGN §4 names first, extensions after). */
import { DOMAINS } from '../model/domains.js';

export const LEVERS_COLUMNS = [
  'lever',
  'a',
  'b',
  'delta_mean',
  'ci_low',
  'ci_high',
  'p_closer',
  'verdict',
  'delta_depth_time_mean',
  'delta_rhetoric',
  'rhetoric_not_depth',
  ...DOMAINS.map((d) => `delta_${d}`),
  'senders',
  'delta_sender_cost',
  'focus',
  'delta_sender_welfare',
] as const;

export const DELTAS_COLUMNS = [
  'lever',
  'replication',
  'seed',
  'a',
  'b',
  'delta_depth_final',
  'delta_depth_mean',
  'delta_rhetoric',
  'delta_sender_cost',
  'delta_sender_welfare',
] as const;
