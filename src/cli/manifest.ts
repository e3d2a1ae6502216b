/** The fields every finished command's manifest opens with: whose output it is, of what kind, from which version and command. */
import { type OutputKind, ownershipFields } from '../io/ownership.js';
import { VERSION } from './version.js';

export function manifestHead(kind: OutputKind): Record<string, unknown> {
  return { tool: 'entente', ...ownershipFields(kind, true), version: VERSION, command: ['entente', ...process.argv.slice(2)].join(' ') };
}
