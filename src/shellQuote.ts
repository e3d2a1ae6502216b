/**
 * A word as a POSIX shell reads it back unchanged: for the commands entente prints for a user to
 * paste (the next step after a command, the explore page's Reproduce line). A path or value with
 * spaces, quotes or `$(…)` is single-quoted, so pasting the line runs entente and nothing else.
 */
export function shellQuote(word: string): string {
  if (/^[A-Za-z0-9_./:=@%+,-]+$/.test(word)) return word;
  return `'${word.replaceAll("'", `'\\''`)}'`;
}
