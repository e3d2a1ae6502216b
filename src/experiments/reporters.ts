/**
 * What each per-tick file reports of the model's state, declared once, name → values, as Mesa's
 * DataCollector declares its reporters: a tie's commitment in each domain, its concessions and
 * dependence; a pair's depth, rhetoric, trade, channel and divergence; an actor's stress, need,
 * costs and welfare. The files' columns (columnNames.ts), the rows collect.ts writes and the
 * library's PairRow are all made from these lists, so a header cannot drift from its cells and a
 * new column is one declaration (docs/reference.md, Output files).
 *
 * A reporter gives, once a tick, the array its column reads (entity i's value at i × stride +
 * offset): the rows are then filled by plain typed-array reads, as fast as rows written out by
 * hand, where a call per cell cost a third of the rows' time.
 */
import type { ModelConfig } from '../model/config.js';
import { pairCommitments, pairDepths } from '../model/depth.js';
import { D, DOMAINS } from '../model/domains.js';
import type { ModelState } from '../model/state.js';

export interface Reporter {
  readonly column: string;
  /** This tick's values of every entity; undefined where the state does not track them (an empty field). */
  values(cfg: ModelConfig, s: ModelState): Float64Array | undefined;
  /** Entity i's value is values[i × stride + offset] (default 1 and 0). */
  readonly stride?: number;
  readonly offset?: number;
}

/** A pair's reporter, with the field the library's PairRow gives it. */
export interface PairReporter extends Reporter {
  readonly field: 'depth' | 'rhetoric' | 'tradeUsdBn' | 'channel' | 'divergence' | 'commitmentAB' | 'commitmentBA';
}

/** Each tie's: its commitment in every domain, what it concedes, and its dependence (updated before a row is read). */
export const TIE_REPORTERS: readonly Reporter[] = [
  ...DOMAINS.map((column, d): Reporter => ({ column, values: (_c, s) => s.commitment, stride: D, offset: d })),
  { column: 'concessions', values: (_c, s) => s.concession },
  { column: 'dependence', values: (_c, s) => s.dependence },
];

/** A config's array for its pairs' depths, made once and filled each tick. */
const depths = new WeakMap<ModelConfig, Float64Array>();
function depthBuffer(cfg: ModelConfig): Float64Array {
  let out = depths.get(cfg);
  if (!out) {
    out = new Float64Array(cfg.P);
    depths.set(cfg, out);
  }
  return out;
}

/** A config's array for one direction's commitment of its pairs (0: a's toward b, 1: b's toward a), made once and filled each tick. */
const directed = [new WeakMap<ModelConfig, Float64Array>(), new WeakMap<ModelConfig, Float64Array>()];
function directedCommitments(cfg: ModelConfig, s: ModelState, side: 0 | 1): Float64Array {
  let out = directed[side].get(cfg);
  if (!out) {
    out = new Float64Array(cfg.P);
    directed[side].set(cfg, out);
  }
  pairCommitments(cfg, s.commitment, side === 0 ? cfg.pairAB : cfg.pairBA, out);
  return out;
}

/**
 * Each pair's. Depth is computed for every pair at once, into the config's depth array; each
 * direction's cost-weighted commitment likewise (a's toward b, b's toward a), of which depth is the common part.
 */
export const PAIR_REPORTERS: readonly PairReporter[] = [
  {
    column: 'depth',
    field: 'depth',
    values: (c, s) => {
      const out = depthBuffer(c);
      pairDepths(c, s.commitment, out);
      return out;
    },
  },
  { column: 'rhetoric', field: 'rhetoric', values: (_c, s) => s.rhetoric },
  { column: 'trade_usd_bn', field: 'tradeUsdBn', values: (_c, s) => s.trade },
  { column: 'channel', field: 'channel', values: (_c, s) => s.channel },
  { column: 'divergence', field: 'divergence', values: (_c, s) => s.divergence },
  { column: 'commitment_ab', field: 'commitmentAB', values: (c, s) => directedCommitments(c, s, 0) },
  { column: 'commitment_ba', field: 'commitmentBA', values: (c, s) => directedCommitments(c, s, 1) },
];

/** Each actor's (costs updated before a row is read). Welfare is an empty field where it is not tracked. */
export const ACTOR_REPORTERS: readonly Reporter[] = [
  { column: 'stress', values: (_c, s) => s.stress },
  { column: 'need', values: (_c, s) => s.need },
  { column: 'costBorne', values: (_c, s) => s.costBorne },
  { column: 'welfare', values: (_c, s) => s.welfare },
];

export const columnsOf = (reporters: readonly { readonly column: string }[]): string[] => reporters.map((r) => r.column);
