/**
 * The line a command prints after it succeeds: the next useful command, with the paths of this
 * run filled in, so a new user is never left wondering what to do with an output directory.
 */
import { join } from 'node:path';
import { shellQuote } from '../shellQuote.js';

/**
 * A step as the README's set-up runs it: `npx entente …` (after `npm ci` the repository's own bin,
 * with nothing on PATH), so a hint copied into the terminal runs as printed.
 */
export const runnable = (step: string): string => (step.startsWith('entente ') ? `npx ${step}` : step);

/** `next: A   or: B`, unless quiet. */
export function printNext(print: (text: string) => void, quiet: boolean | undefined, steps: readonly string[]): void {
  if (quiet || steps.length === 0) return;
  print(`next: ${steps.map(runnable).join('\n  or: ')}`);
}

/** Read the report, if one was drawn; else draw it. */
export function reportStep(out: string, reported: boolean | undefined): string {
  return reported ? `open ${shellQuote(join(out, 'report.html'))}` : `entente report ${shellQuote(out)}`;
}
