/** The fields every finished command's manifest opens with: whose output it is, of what kind, from which version and command. */

import { VERSION } from '../version.js';
import { type OutputKind, ownershipFields } from './ownership.js';

let argv: readonly string[] = process.argv.slice(2);

/** The arguments the program runs with: buildProgram sets them (tests drive it in-process with their own). */
export function setCommandLine(args: readonly string[]): void {
  argv = [...args];
}

/** The command as it was typed, for manifests: the one place that knows the arguments. */
export function commandLine(): string {
  return ['entente', ...argv].join(' ');
}

export function manifestHead(kind: OutputKind): Record<string, unknown> {
  return { tool: 'entente', ...ownershipFields(kind, true), version: VERSION, command: commandLine() };
}
