/** The scenario's words (scenario/labels.ts) as titles, axes and sentences show them. */
import type { Labels } from '../scenario/labels.js';

export { type Labels, labelsIn, NO_LABELS, type ObservableLabel } from '../scenario/labels.js';

export const actorName = (labels: Labels, id: string): string => labels.actors[id] ?? id;

/** "China–Russia" for the pair CHN-RUS. */
export const pairName = (labels: Labels, a: string, b: string): string => `${actorName(labels, a)}–${actorName(labels, b)}`;

/** A lever in a table: its description with its id, "EU market access … (rewardWedge)", or the id alone. */
export const leverWithId = (labels: Labels, lever: string): string => (labels.levers[lever] ? `${labels.levers[lever]} (${lever})` : lever);

/** A pair key "A-B" as words. */
export function pairKeyName(labels: Labels, key: string): string {
  const [a, b] = key.split('-');
  return a !== undefined && b !== undefined ? pairName(labels, a, b) : key;
}

/**
 * A description short enough for an axis or legend: its first clause (to the first comma,
 * colon, semicolon, parenthesis or dash), at most `max` characters; the id if there is none.
 */
export function shortLabel(description: string | undefined, id: string, max = 48): string {
  if (!description) return id;
  const clause = (description.split(/\s*[,:;(]\s*|\s+[—–-]\s+/)[0] ?? description).trim();
  if (clause.length <= max) return clause;
  const cut = clause.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max >> 1))}…`;
}

export const leverLabel = (labels: Labels, id: string): string => shortLabel(labels.levers[id], id);
export const shockLabel = (labels: Labels, id: string): string => shortLabel(labels.shocks[id], id);

/** An observable's title with its unit: "Bilateral trade (USD bn)". */
export function observableTitle(labels: Labels, id: string): string {
  const l = labels.observables[id];
  const name = l?.description ? shortLabel(l.description, id, 60) : id.replaceAll('_', ' ');
  return l?.unit ? `${name} (${l.unit})` : name;
}
