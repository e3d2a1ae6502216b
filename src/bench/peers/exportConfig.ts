/**
 * The resolved model configuration of a scenario as JSON, for the Mesa port
 * (bench/peers/mesa/): the port runs the model, not the scenario loader, so it
 * reads what `loadScenario` resolved (expressions as per-tick tables, ids as
 * indices, defaults filled in). Numbers are written in their shortest exact form,
 * so Python reads back the same doubles.
 * From the command line: bench/peers/export.ts.
 */
import { loadScenario } from '../../scenario/load.js';

/** Typed arrays as plain arrays; everything else as it is. */
function plain(_key: string, value: unknown): unknown {
  return ArrayBuffer.isView(value) && !(value instanceof DataView) ? Array.from(value as unknown as ArrayLike<number>) : value;
}

export interface ExportOptions {
  readonly set?: readonly string[];
  readonly lever?: string | undefined;
  readonly replications?: number | undefined;
  readonly seed?: number | undefined;
}

export function exportConfig(scenario: string, options: ExportOptions = {}): string {
  const loaded = loadScenario(scenario, options);
  return JSON.stringify({ seed: loaded.seed, replications: loaded.replications, config: loaded.config }, plain);
}
