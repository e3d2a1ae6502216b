/**
 * The README's generated sections, made in this process from the studies' results: the lever
 * table from comparePosterior's effects (no levers.csv read back), the sample of what `entente
 * run` prints (the command run through cli/execute.ts, its lines captured), and the pictures,
 * the charts `entente report` draws of the run and the comparison. What `npm run readme`
 * writes and what its test checks the README against.
 */
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { executeCaptured } from '../cli/execute.js';
import { SIGNS_TEXT, signsCells } from '../cli/print/signs.js';
import { summaryWords, VALIDATION_TEXT, validationCells } from '../cli/print/validate.js';
import { DEFAULT_MIN_EFFECT } from '../compare/compare.js';
import { scenarioPosterior } from '../compare/posterior/named.js';
import { comparePosterior, DEFAULT_CONFIDENCE } from '../compare/posterior/study.js';
import { leverSigns } from '../discovery/signs.js';
import { writeReport } from '../report/report.js';
import { type Pending, type ValidationResult, validateFile } from '../validate/study.js';
import {
  leverTable,
  markdownTable,
  README_COMPARE,
  README_RUN_OUTPUT,
  README_SIGNS,
  README_VALIDATION,
  runOutputSample,
} from './leverTable.js';
import { README_PICTURES, README_RUN } from './pictures.js';

export const ROOT = resolve(import.meta.dirname, '..', '..');

export interface ReadmeSections {
  /** The lever table, in Markdown. */
  readonly table: string;
  /** Where each lever's sign turns over the wide prior and its posterior, in Markdown. */
  readonly signs: string;
  /** The held-out figures over the shipped posterior, with coverage and the three mean CRPS, in Markdown. */
  readonly validation: string;
  /** The sample of `entente run`'s output. */
  readonly runSample: string;
  /** Each picture the README shows, by file name: the chart drawn now. */
  readonly pictures: ReadonlyMap<string, string>;
}

/** Run `args` as the command line would, in this process, from the repository; its printed lines. */
async function command(args: readonly string[]): Promise<string> {
  const r = await executeCaptured(args, ROOT);
  if (r.status !== 0) throw new Error(`entente ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

/** The validation table and its summary line, in Markdown; the README's file names a posterior, so it is never pending. */
function validationBlock(result: ValidationResult | Pending): string {
  if (!('rows' in result)) throw new Error(`${README_VALIDATION} is a split: the README's table is over the shipped posterior`);
  return `${markdownTable(validationCells(result.rows), VALIDATION_TEXT)}\n\n${summaryWords(result.summary)}.`;
}

/** Every generated section, its runs written under `dir`. */
export async function readmeSections(dir: string): Promise<ReadmeSections> {
  const file = join(ROOT, README_COMPARE[1]);
  const compare = join(dir, 'compare');
  const posterior = scenarioPosterior(file);
  if (posterior === undefined) throw new Error(`${README_COMPARE[1]} names no posterior: the README's table is over one`);
  const result = await comparePosterior(
    file,
    {
      posterior,
      levers: 'all',
      minEffect: DEFAULT_MIN_EFFECT,
      confidence: DEFAULT_CONFIDENCE,
      out: () => compare,
      workers: availableParallelism(),
      force: false,
      quiet: true,
    },
    () => {},
  );
  await writeReport(compare, {}, true);
  const signs = await leverSigns(
    file,
    {
      prior: join(ROOT, README_SIGNS.prior),
      posterior: join(ROOT, README_SIGNS.posterior),
      levers: 'all',
      minEffect: DEFAULT_MIN_EFFECT,
      confidence: DEFAULT_CONFIDENCE,
      out: join(dir, 'signs'),
      workers: availableParallelism(),
      resume: false,
      force: false,
      quiet: true,
    },
    () => {},
  );
  const validation = await validateFile(join(ROOT, README_VALIDATION), {
    out: join(dir, 'validation'),
    workers: availableParallelism(),
    force: false,
    quiet: true,
  });
  const run = join(dir, 'run');
  await command([...README_RUN, '--out', run]);
  const sample = join(dir, 'sample');
  const printed = await command([...README_RUN_OUTPUT, '--out', sample]);
  const pictures = new Map<string, string>();
  for (const [source, files] of Object.entries(README_PICTURES))
    for (const name of files) pictures.set(name, join(source === 'run' ? run : compare, 'charts', name));
  return {
    table: leverTable(result.effects),
    signs: markdownTable(signsCells(signs.rows), SIGNS_TEXT),
    validation: validationBlock(validation),
    runSample: runOutputSample(printed, sample),
    pictures,
  };
}
