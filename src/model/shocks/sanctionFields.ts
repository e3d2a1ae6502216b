/** What sanctions and secondary sanctions declare alike: sender, target, domains, severity, enforcement, reach. */
import type { ShockKind } from './kind.js';

export const SANCTION_FIELDS: ShockKind['fields'] = {
  sender: { type: 'actor' },
  target: { type: 'actor' },
  domains: { type: 'domains' },
  severity: { type: 'value' },
  enforcement: { type: 'value', optional: true },
  on: { type: 'reach', optional: true },
};

export const SANCTION_ROLES: ShockKind['roles'] = {
  actor: 'sender',
  target: 'target',
  magnitude: { field: 'severity', min: 0, max: 1 },
  enforcement: 'enforcement',
  domains: 'domains',
  reach: 'on',
};
