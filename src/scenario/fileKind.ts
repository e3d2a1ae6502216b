/**
 * What kind of entente file a document is, from its top-level fields, so that a command handed
 * the wrong kind says which it is and which command takes it, rather than listing the fields
 * its own schema misses ("this is a sweep file: use entente sweep").
 */
import { EntenteError } from '../errors.js';
import type { Source } from './source.js';

export type FileKind = 'scenario' | 'sweep' | 'validation';

/** A sweep names a scenario and a design; a validation file a scenario and figures; a scenario has actors and ties; anything else is none. */
export function fileKind(data: unknown): FileKind | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  if ('scenario' in data && 'figures' in data) return 'validation';
  if ('scenario' in data && ('design' in data || 'parameters' in data)) return 'sweep';
  if ('actors' in data || 'ties' in data) return 'scenario';
  return undefined;
}

const USE: Record<FileKind, string> = {
  scenario: 'entente run FILE; check and compare take it too',
  sweep: 'entente sweep FILE; compare, sensitivity and discover take it too',
  validation: 'entente validate FILE',
};

/** Refuse a file of another kind than `wanted`, naming its kind and the command that takes it (exit 2). */
export function expectKind(source: Source, wanted: FileKind): void {
  const found = fileKind(source.data);
  if (found === undefined || found === wanted) return;
  const calibration = found === 'sweep' && typeof source.data === 'object' && source.data !== null && 'calibration' in source.data;
  throw new EntenteError('file.wrongKind', `this is a ${calibration ? 'calibration' : found} file, not a ${wanted} file`, {
    where: { file: source.file },
    expected: `a ${wanted} file; for this one use ${calibration ? 'entente calibrate FILE' : USE[found]}`,
  });
}
