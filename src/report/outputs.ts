/**
 * What kind of entente output a directory holds, read from the files each
 * command writes (their names are docs/reference.md's, Output files), and its manifest.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { EntenteError } from '../errors.js';
import { readRecorded } from '../io/fileRecord.js';
import { inspectOutput } from '../io/ownership.js';
import { readRegular, readRegularText } from '../io/readFile.js';
import { fromSystemError } from '../io/systemError.js';
import { fileKind } from '../scenario/fileKind.js';
import { readSource } from '../scenario/source.js';

export type OutputKind =
  | 'run'
  | 'sweep'
  | 'compare'
  | 'robustness'
  | 'signs'
  | 'sensitivity'
  | 'calibration'
  | 'posterior'
  | 'discovery'
  | 'validation';

export type Row = Record<string, string>;

/** The file that marks each kind, in the order they are tried (a sensitivity dir also holds a sweep). */
const MARKERS: readonly [OutputKind, string][] = [
  ['posterior', 'posterior.csv'],
  ['discovery', 'discovery.csv'],
  ['validation', 'validation.csv'],
  ['signs', 'signs.csv'],
  ['calibration', 'calibration.csv'],
  ['sensitivity', 'indices.csv'],
  ['robustness', 'robustness.csv'],
  ['compare', 'levers.csv'],
  ['sweep', 'runs.csv'],
  ['run', 'pairs.csv'],
];

/** Files a report draws from that are never empty as entente writes them (a run's events or a sweep's failures may be). */
const MUST_HAVE_ROWS = new Set(['pairs.csv', 'ties.csv', 'summary.csv', 'targets.csv', 'generations.csv']);

export interface OutputDir {
  readonly dir: string;
  readonly kind: OutputKind;
  readonly manifest: Record<string, unknown>;
  has(file: string): boolean;
  /** Rows of a CSV file of the directory, as strings by column name. */
  rows(file: string): Row[];
}

export function readCsv(file: string, bytes?: Buffer): Row[] {
  try {
    return parse((bytes ?? readRegular(file)).toString('utf8'), { columns: true, skip_empty_lines: true }) as Row[];
  } catch (err) {
    // A file edited or truncated since entente wrote it: say which, not an internal error.
    const fault = fromSystemError(err, file);
    if (fault instanceof EntenteError) throw fault;
    throw new EntenteError('report.damaged', `cannot read the CSV: ${(err as Error).message.split('\n')[0]}`, {
      where: { file },
      expected: 'the file as entente wrote it: run the command again',
    });
  }
}

/** The directory must be entente's own, finished output (io/ownership.ts): a report writes into it. */
function checkOwned(dir: string): void {
  const found = inspectOutput(dir);
  if (found.state === 'entente' && found.complete) return;
  if (found.state === 'entente') {
    throw new EntenteError('report.unfinished', `the ${found.kind} in this directory is unfinished`, {
      where: { file: dir },
      expected: 'a finished output: finish it with --resume first',
    });
  }
  throw new EntenteError('report.unknownOutput', 'not an entente output directory', {
    where: { file: dir },
    expected: 'a directory written by run, sweep, compare, sensitivity or calibrate',
    found: found.state === 'foreign' ? found.why : found.state === 'empty' ? 'an empty directory' : 'nothing there',
  });
}

/** A scenario or sweep file given where an output directory belongs: say which, and the command that makes its output. */
function refuseInputFile(path: string): void {
  if (!existsSync(path) || !statSync(path).isFile()) return;
  let kind: ReturnType<typeof fileKind>;
  try {
    kind = fileKind(readSource(path).data);
  } catch {
    kind = undefined;
  }
  const next = kind === 'scenario' ? 'entente run FILE --report' : kind === 'sweep' ? 'entente sweep FILE --report' : undefined;
  throw new EntenteError(
    'report.notDirectory',
    `${kind ? `this is a ${kind} file` : 'this is a file'}: entente report draws an output directory`,
    {
      where: { file: path },
      expected: next
        ? `an output directory; to make one with its report: ${next}`
        : 'a directory written by run, sweep, compare, sensitivity or calibrate',
    },
  );
}

export function readOutputDir(dir: string): OutputDir {
  refuseInputFile(dir);
  checkOwned(dir);
  const found = MARKERS.find(([, file]) => existsSync(join(dir, file)));
  if (!found && (existsSync(join(dir, 'runs.parquet')) || existsSync(join(dir, 'pairs.parquet'))))
    throw new EntenteError('report.parquet', 'this output was written as Parquet, and a report draws from the CSV files', {
      where: { file: dir },
      expected: 'the command run again with --format csv (the default) for a report',
    });
  if (!found) {
    throw new EntenteError('report.unknownOutput', 'not an entente output directory', {
      where: { file: dir },
      expected: `a directory written by run, sweep, compare, sensitivity or calibrate (with one of ${MARKERS.map(([, f]) => f).join(', ')})`,
    });
  }
  // A comparison across a sweep keeps its manifests in each arm's directory.
  const manifestFile = [join(dir, 'manifest.json'), join(dir, 'arms', 'baseline', 'manifest.json')].find((f) => existsSync(f)) ?? '';
  const manifest = manifestFile ? (JSON.parse(readRegularText(manifestFile)) as Record<string, unknown>) : {};
  const cache = new Map<string, Row[]>();
  return {
    dir,
    kind: found[0],
    manifest,
    has: (file) => existsSync(join(dir, file)),
    rows(file) {
      let rows = cache.get(file);
      if (!rows) {
        const bytes = readRecorded(dir, file, manifest.files, 'the output as entente wrote it: run the command again');
        rows = readCsv(join(dir, file), bytes);
        if (rows.length === 0 && (file === found[1] || MUST_HAVE_ROWS.has(file)))
          throw new EntenteError('report.empty', 'the CSV holds no rows, so there is nothing to draw', {
            where: { file: join(dir, file) },
            expected: 'the output as entente wrote it: run the command again',
          });
        cache.set(file, rows);
      }
      return rows;
    },
  };
}
