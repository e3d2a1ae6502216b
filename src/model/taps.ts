/**
 * The taps a state's outputs ask for (model/tap.ts): each mechanism's terms when it keeps
 * contributions, welfare when it keeps welfare. Made once per state.
 */
import { type ModelState, TIE_BLOCK } from './state.js';
import type { Tap } from './tap.js';
import { termsTap } from './terms.js';
import { welfareTap } from './welfare.js';

const made = new WeakMap<ModelState, readonly Tap[]>();

export function tapsOf(s: ModelState): readonly Tap[] {
  let taps = made.get(s);
  if (!taps) {
    const list: Tap[] = [];
    if (s.contributions) list.push(termsTap(s.contributions, TIE_BLOCK));
    if (s.welfare) list.push(welfareTap(s.welfare, TIE_BLOCK));
    taps = list;
    made.set(s, taps);
  }
  return taps;
}
