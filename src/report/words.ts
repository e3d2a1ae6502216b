/**
 * Numbers, months, mechanisms and parameter paths as a reader reads them: what headlines,
 * titles and axes say instead of raw values and identifiers.
 */
import { actorName, type Labels, shockLabel } from './labels.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2022-01" → "January 2022"; anything else as it is. */
export function month(date: string | null | undefined): string {
  const m = /^(\d{4})-(\d{2})/.exec(date ?? '');
  return m ? `${MONTHS[Number(m[2]) - 1]} ${m[1]}` : (date ?? '');
}

/** x to `digits` decimals, with its sign: "+0.064", "−0.056" (a true minus sign). */
export function signed(x: number, digits = 3): string {
  const text = Math.abs(x).toFixed(digits);
  return Number(text) === 0 ? text : `${x < 0 ? '−' : '+'}${text}`;
}

/** x to `digits` decimals ("−" for negatives). */
export function fixed(x: number, digits = 3): string {
  return x < 0 ? `−${(-x).toFixed(digits)}` : x.toFixed(digits);
}

/** x to 3 significant figures, as a person reads a figure ("48.7", "0.0196"), "—" where it is not a number. */
export function significant(x: number): string {
  return Number.isFinite(x) ? Number(x.toPrecision(3)).toString() : '—';
}

/**
 * An interval as a reader reads it: "+0.050 to +0.052", or, where both ends print alike at this
 * precision, the value and how little it spreads ("−0.040 ±<0.0005"), never "−0.040 to −0.040".
 */
export function interval(low: number, high: number, digits = 3): string {
  const [a, b] = [signed(low, digits), signed(high, digits)];
  return a === b ? `${a} ±<${(0.5 * 10 ** -digits).toFixed(digits + 1)}` : `${a} to ${b}`;
}

/** A probability as a share of worlds or runs: "94%". */
export function percent(p: number): string {
  return `${Math.round(p * 100)}%`;
}

/** The model's mechanisms in words (docs/model.md §5.4). */
const MECHANISMS: Readonly<Record<string, string>> = {
  baseline: 'baseline valuation',
  economicGain: 'economic gain',
  strategicValue: 'strategic value',
  abandonment: 'fear of abandonment',
  sanctionExposure: 'exposure to sanctions',
  rewardCondition: 'conditions of a reward',
  partnerRisk: 'risk of the partner',
  reciprocity: 'reciprocity',
  divergence: 'divergent interests',
  commitmentCost: 'cost of commitment',
  inertia: 'inertia',
};

export const mechanismWords = (name: string): string => MECHANISMS[name] ?? words(name);

/** "costAversion" → "cost aversion"; "china_crude" → "china crude". */
export function words(id: string): string {
  return id
    .replace(/_/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase();
}

/**
 * A parameter path as words: "actors.CHN.costAversion" → "China: cost aversion",
 * "shocks.eo14114.enforcement" → "EO 14114: enforcement", "model.stepSize" → "step size".
 */
export function parameterWords(path: string, labels: Labels): string {
  const parts = path.split('.');
  const [group, id, ...rest] = parts;
  const tail = rest.map(words).join(' ');
  if (group === 'actors' && id !== undefined && rest.length > 0) return `${actorName(labels, id)}: ${tail}`;
  if (group === 'shocks' && id !== undefined && rest.length > 0) return `${shockLabel(labels, id)}: ${tail}`;
  if (group === 'model' && id !== undefined) return [id, ...rest].map(words).join(' ');
  return parts.map(words).join(' ');
}

/** A sentence's first letter in capitals ("p matters most" → "P matters most"). */
export function sentence(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}
