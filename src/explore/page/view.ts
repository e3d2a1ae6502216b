/// <reference lib="dom" />
/** What the explore page shows at a moment: the runs at its settings, and its one way to reach the page's elements. */
import type { LeverEffect } from '../../compare/compare.js';
import type { Embedded, PageRun, PosteriorView, Settings } from '../model.js';

export interface View {
  readonly settings: Settings;
  readonly run: PageRun;
  /** The same settings without the lever, when one is on. */
  readonly baseline: PageRun | undefined;
  readonly effects: readonly LeverEffect[];
  /** Over the posterior's sampled particles, when that is on. */
  readonly posterior: PosteriorView | undefined;
  readonly ms: number;
}

export const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/** "CHN-RUS" in the scenario's words: "China–Russia". */
export function pairWords(page: Embedded, pair: string): string {
  return pair
    .split('-')
    .map((id) => page.data.actors[id]?.name ?? id)
    .join('–');
}
