/**
 * Which directories entente may write into, and replace.
 *
 * entente recognises its own output positively: a `manifest.json` with the
 * field `entente_output` (the kind of output, which no other tool writes),
 * holding nothing but the files that kind of output consists of. The rule,
 * the same for every command:
 *   - a new path or an empty directory is written;
 *   - an earlier output of the same kind is replaced (an unfinished sweep-like
 *     one only with --resume, which continues it, or --force, which starts over);
 *   - an output of another kind is replaced only with --force;
 *   - anything else (a file, a directory holding files entente did not write,
 *     a manifest of another tool) is never touched, whatever the flags.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { EntenteError } from '../errors.js';
import { readRegularText } from './readFile.js';

export const OUTPUT_KINDS = [
  'run',
  'sweep',
  'compare',
  'robustness',
  'signs',
  'sensitivity',
  'discovery',
  'calibration',
  'validation',
] as const;
export type OutputKind = (typeof OUTPUT_KINDS)[number];

/** The command that writes each kind, for messages. */
const COMMAND: Record<OutputKind, string> = {
  run: 'entente run',
  sweep: 'entente sweep (or merge)',
  compare: 'entente compare SCENARIO',
  robustness: 'entente compare SWEEP',
  signs: 'entente compare SCENARIO --robustness',
  sensitivity: 'entente sensitivity',
  discovery: 'entente discover',
  calibration: 'entente calibrate',
  validation: 'entente validate',
};

/** The manifest fields that mark a directory as entente's: spread into every manifest. */
export function ownershipFields(kind: OutputKind, complete: boolean): { entente_output: OutputKind; complete: boolean } {
  return { entente_output: kind, complete };
}

/** What a name in an output directory may be: a file, or a directory whose entries follow a rule of their own. */
type Entry = { readonly file: RegExp } | { readonly dir: RegExp; readonly inside: readonly Entry[] };

const f = (names: string): Entry => ({ file: new RegExp(`^(?:${names})$`) });
/** Temporary files of atomic writes (name.tmp-PID) a killed process may leave. */
const TMP = f('.+\\.tmp-\\d+');
const REPORT: readonly Entry[] = [f('report\\.html'), { dir: /^charts$/, inside: [f('[\\w.-]+\\.(?:svg|vl\\.json)'), TMP] }];
const COMMON: readonly Entry[] = [f('manifest\\.json|\\.gitkeep'), TMP, ...REPORT];
const SWEEP: readonly Entry[] = [
  ...COMMON,
  f('sweep\\.json|points\\.csv|runs\\.csv|failures\\.csv|ties\\.csv|pairs\\.csv|actors\\.csv|events\\.csv'),
  f('(?:runs|ties|pairs|actors|events)\\.parquet'),
  { dir: /^chunks$/, inside: [f('\\d{8}\\.\\w+\\.(?:csv|json)'), TMP] },
];
const COMPARE: readonly Entry[] = [...COMMON, f('(?:deltas|levers|particles|drivers)\\.csv')];
const ARMS: Entry = { dir: /^arms$/, inside: [{ dir: /^[\w.-]+$/, inside: SWEEP }] };

/** An ABC calibration's files: its tables, its checkpoints and its shards' rounds. */
const CALIBRATION: readonly Entry[] = [
  ...COMMON,
  f('(?:calibration|targets|posterior|generations|predictive)\\.csv'),
  // Each ABC file with its record, NAME.done.json (calibration/abc/record.ts).
  { dir: /^checkpoint$/, inside: [f('\\d{3}(?:\\.done)?\\.json'), TMP] },
  { dir: /^rounds$/, inside: [f('\\d{3}\\.\\d{4}\\.\\d+-of-\\d+(?:\\.done)?\\.json'), TMP] },
];

const CONTENTS: Record<OutputKind, readonly Entry[]> = {
  run: [...COMMON, f('(?:ties|pairs|actors|summary|events|contributions|observables)\\.(?:csv|parquet)')],
  sweep: SWEEP,
  sensitivity: [...SWEEP, f('indices\\.csv')],
  compare: COMPARE,
  robustness: [...COMMON, ARMS, f('robustness\\.csv')],
  // The prior's arms, and the posterior's comparison in posterior/ (a compare output of its own).
  signs: [...COMMON, ARMS, { dir: /^posterior$/, inside: COMPARE }, f('(?:signs|boxes)\\.csv')],
  discovery: [...COMMON, ARMS, f('(?:discovery|trajectory)\\.csv')],
  calibration: CALIBRATION,
  // A split's posterior, calibrated from scratch by the command, in posterior/ (a calibration output of its own).
  validation: [...COMMON, { dir: /^posterior$/, inside: CALIBRATION }, f('validation\\.csv')],
};

/** Names under `dir` that no rule allows (relative paths), at most `limit` of them. */
function strangers(dir: string, rules: readonly Entry[], prefix = '', limit = 5): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (found.length >= limit) break;
    const path = join(dir, name);
    const isDir = statSync(path).isDirectory();
    const rule = rules.find((r) => ('file' in r ? !isDir && r.file.test(name) : isDir && r.dir.test(name)));
    if (!rule) found.push(`${prefix}${name}${isDir ? '/' : ''}`);
    else if ('inside' in rule) found.push(...strangers(path, rule.inside, `${prefix}${name}/`, limit - found.length));
  }
  return found;
}

export type Found =
  | { readonly state: 'absent' }
  | { readonly state: 'empty' }
  | { readonly state: 'entente'; readonly kind: OutputKind; readonly complete: boolean }
  | { readonly state: 'foreign'; readonly why: string };

function readManifest(file: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(readRegularText(file));
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The kind an entente manifest declares; earlier versions (no entente_output) by the command they record. */
function kindOf(manifest: Record<string, unknown>): { kind: OutputKind; complete: boolean } | undefined {
  const declared = manifest.entente_output;
  if (typeof declared === 'string') {
    if (!(OUTPUT_KINDS as readonly string[]).includes(declared)) return undefined;
    return { kind: declared as OutputKind, complete: manifest.complete === true };
  }
  // Written before entente_output existed (version 0.1.0): tool and command are entente's own.
  const command = manifest.command;
  if (manifest.tool !== 'entente' || typeof command !== 'string' || !command.startsWith('entente ')) return undefined;
  const word = command.split(' ')[1];
  const legacy: Record<string, OutputKind> = { run: 'run', sweep: 'sweep', merge: 'sweep', calibrate: 'calibration' };
  if (word === 'sensitivity') return { kind: 'sensitivity', complete: true };
  if (word === 'compare') return { kind: 'compare', complete: true };
  const kind = word ? legacy[word] : undefined;
  return kind ? { kind, complete: true } : undefined;
}

/** A sweep started before entente_output existed: its sweep.json, written first, says what it is. */
function unfinishedSweep(out: string, entries: readonly string[]): { kind: OutputKind; complete: boolean } | undefined {
  if (!entries.includes('sweep.json')) return undefined;
  return readManifest(join(out, 'sweep.json'))?.kind === 'entente-sweep' ? { kind: 'sweep', complete: false } : undefined;
}

/** What `out` holds, as far as entente's rule is concerned. */
export function inspectOutput(out: string): Found {
  if (!existsSync(out)) return { state: 'absent' };
  if (!statSync(out).isDirectory()) return { state: 'foreign', why: 'it is a file, not a directory' };
  const entries = readdirSync(out).filter((e) => e !== '.gitkeep');
  if (entries.length === 0) return { state: 'empty' };
  const manifest = entries.includes('manifest.json') ? readManifest(join(out, 'manifest.json')) : undefined;
  const declared = manifest ? kindOf(manifest) : unfinishedSweep(out, entries);
  if (!declared) {
    return {
      state: 'foreign',
      why: manifest ? 'its manifest.json was not written by entente' : 'it holds files and no entente manifest.json',
    };
  }
  const extra = strangers(out, CONTENTS[declared.kind]);
  if (extra.length > 0) return { state: 'foreign', why: `it holds files entente did not write (${extra.join(', ')})` };
  return { state: 'entente', ...declared };
}

/** The nearest existing ancestor of `path`, when it is a file (so the path cannot be made). */
function fileOnTheWay(path: string): string | undefined {
  let at = dirname(resolve(path));
  while (!existsSync(at)) {
    const up = dirname(at);
    if (up === at) return undefined;
    at = up;
  }
  return statSync(at).isDirectory() ? undefined : at;
}

export interface ClaimOptions {
  /** Continue an unfinished output of this kind (sweep-like commands). */
  readonly resume?: boolean;
  /** Replace an entente output of another kind, or start an unfinished one over. */
  readonly force?: boolean;
}

/** How the command may use `out`: write it fresh, replace an earlier output, or continue one. */
export type Claim = 'fresh' | 'replace' | 'resume';

/**
 * Decide whether `kind` may be written to `out`, or throw the error that says
 * what to type instead. Only reads the file system. With --resume, an earlier
 * output of the same kind, finished or not, is continued (a finished one has
 * nothing left to do).
 */
export function claimOutput(out: string, kind: OutputKind, options: ClaimOptions = {}): Claim {
  const found = inspectOutput(out);
  const refuse = (message: string, expected: string): never => {
    throw new EntenteError('output.refused', message, { where: { file: out }, expected });
  };
  if (found.state === 'absent') {
    const blocker = fileOnTheWay(out);
    if (blocker)
      throw new EntenteError('output.refused', 'a part of the output path is a file, not a directory', {
        where: { file: blocker },
        expected: `a directory there, or another --out than ${out}`,
      });
  }
  // --resume where nothing was started starts it: a cluster task that may be a rerun can always pass it.
  if (found.state === 'absent' || found.state === 'empty') return 'fresh';
  if (found.state === 'foreign') {
    return refuse(
      `refusing to replace this directory: ${found.why}`,
      'a new path or an empty directory: choose another --out (not even --force replaces what entente did not write)',
    );
  }
  if (found.kind !== kind) {
    if (options.force) return 'replace';
    return refuse(
      `refusing to replace the output of ${COMMAND[found.kind]} (a ${found.kind}) with a ${kind}`,
      `another --out, or --force to replace the ${found.kind}`,
    );
  }
  if (options.resume) return 'resume';
  if (!found.complete && !options.force) {
    return refuse(`holds an unfinished ${kind}`, '--resume to continue it, --force to start it over, or another --out');
  }
  return 'replace';
}

/** A JSON object from a file entente wrote, or a clear error naming the file (damaged, empty, not an object). */
export function readJsonObject(file: string, what: string, remedy: string): Record<string, unknown> {
  let text: string;
  try {
    text = readRegularText(file);
  } catch (err) {
    if (err instanceof EntenteError) throw err; // there, but not a regular file (a FIFO): say so
    throw new EntenteError('output.damaged', `${what} is missing`, { where: { file }, expected: remedy });
  }
  const value = (() => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return undefined;
    }
  })();
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new EntenteError('output.damaged', `${what} is damaged (not a JSON object)`, { where: { file }, expected: remedy });
  return value as Record<string, unknown>;
}
