/**
 * What comparing levers on a scenario will hold and write, before it runs:
 * every arm keeps each replication's outcomes (compare/paired.ts RunOutcome)
 * for the paired statistics, and deltas.csv has a row per lever, replication
 * and pair.
 */
import { idExtra } from '../experiments/estimate.js';
import { checkMemory, checkOutputSize } from '../io/limits.js';
import type { ModelConfig } from '../model/config.js';
import { D } from '../model/domains.js';
import { actorTableBytes } from '../scenario/memory.js';

/** Bytes of one run's outcomes: its typed arrays (depth, rhetoric, mutual per domain; cost, welfare per actor) and their headers. */
function outcomeBytes(cfg: ModelConfig): number {
  return 8 * (cfg.P * (3 + D) + 2 * cfg.n) + 800;
}

const DELTA_ROW_BYTES = 110;

export function checkCompareSize(cfg: ModelConfig, levers: number, replications: number, file: string): void {
  const smaller = 'fewer replications or levers';
  checkMemory(
    `${levers} lever(s) and the baseline × ${replications} replications`,
    (levers + 1) * (replications * outcomeBytes(cfg) + actorTableBytes(cfg.n)),
    smaller,
    file,
  );
  // A deltas.csv row names its lever and pair: ids beyond the three letters the row size was measured with.
  const ids = 2 * idExtra(cfg) + 64; // and the lever's name, up to the 64 characters an id may have
  checkOutputSize(
    `${levers} lever(s) × ${replications} replications`,
    levers * replications * cfg.P * (DELTA_ROW_BYTES + ids),
    smaller,
    file,
  );
}
