/**
 * The six domains of commitment and their parameters (docs/model.md §2.2).
 * `cost`: relative cost of a unit of commitment (the weight in depth);
 * `financialExposure`: how much a commitment exposes the committer to the
 * partner's instability; `strategic`: how much the domain serves shared goals;
 * `complementarity`: default economic complementarity of a pair in the domain;
 * `payment`: 1 where value flows only through a payment channel.
 */
export const DOMAINS = ['trade', 'energy', 'finance', 'defense', 'military', 'diplomatic'] as const;
export type Domain = (typeof DOMAINS)[number];
export const D = DOMAINS.length;
/** Index of the trade domain: goods, among them the critical ones a partner may come to depend on. */
export const TRADE = DOMAINS.indexOf('trade');
/** Indices of the security domains, through which a challenger holds leverage over a neighbour. */
export const DEFENSE = DOMAINS.indexOf('defense');
export const MILITARY = DOMAINS.indexOf('military');
/** Index of the finance domain, which carries the payment channel. */
export const FINANCE = DOMAINS.indexOf('finance');

export interface DomainParams {
  readonly cost: number;
  readonly financialExposure: number;
  readonly strategic: number;
  readonly complementarity: number;
  readonly payment: number;
}

export const DEFAULT_DOMAIN_PARAMS: Readonly<Record<Domain, DomainParams>> = {
  trade: { cost: 1.0, financialExposure: 0.3, strategic: 0.2, complementarity: 0.6, payment: 1 },
  energy: { cost: 1.5, financialExposure: 0.4, strategic: 0.4, complementarity: 0.7, payment: 1 },
  finance: { cost: 2.0, financialExposure: 1.0, strategic: 0.3, complementarity: 0.3, payment: 0 },
  defense: { cost: 2.5, financialExposure: 0.3, strategic: 0.6, complementarity: 0.4, payment: 0 },
  military: { cost: 4.0, financialExposure: 0.5, strategic: 0.7, complementarity: 0.0, payment: 0 },
  diplomatic: { cost: 0.5, financialExposure: 0.0, strategic: 1.0, complementarity: 0.1, payment: 0 },
};

export function domainIndex(name: string): number {
  return (DOMAINS as readonly string[]).indexOf(name);
}
