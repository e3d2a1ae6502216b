/**
 * The commander program. Built by a function so tests can drive it in-process
 * with exitOverride() and captured output; only main.ts exits the process.
 *
 * Commands load lazily: each command's module (and what it imports: the model, mathjs, Ajv's
 * schemas, vega) is loaded only when that command runs or its help is asked for. Every other
 * command is a stub with its name and summary, so `entente --help` lists them all and a
 * mistyped name still gets a suggestion, without loading any of them.
 */
import { Command } from 'commander';
import type { ProgressStream } from '../experiments/progress.js';
import { DEFAULT_MAX_OUTPUT, defaultMaxMemory, formatSize, setLimits } from '../io/limits.js';
import { setCommandLine } from '../io/manifest.js';
import { VERSION } from '../version.js';
import { sizeOption } from './options.js';

export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Where progress goes (default: lines through `err`); the binary gives its stderr, so a terminal gets a bar. */
  readonly progress?: ProgressStream;
}

type Register = (program: Command, print: (text: string) => void) => void;

/** Each command's name, one-line summary, the examples its --help ends with, and the module that registers it. */
const COMMANDS: readonly {
  readonly name: string;
  readonly summary: string;
  readonly examples: readonly string[];
  load(): Promise<Register>;
}[] = [
  {
    name: 'run',
    summary: 'run a scenario and write ties, pairs, actors, summary and events CSVs',
    examples: [
      'entente run scenarios/china-russia-2022.yaml --report',
      'entente run scenarios/china-russia-2022.yaml --lever coerciveWedge -r 100 --contributions',
      'entente run scenarios/china-russia-2022.yaml --set actors.CHN.costAversion=0.5 --out out/cautious-china',
    ],
    load: async () => (await import('./commands/run.js')).registerRun,
  },
  {
    name: 'sweep',
    summary: 'run a sweep file: every point of its design × replications, summary rows in runs.csv',
    examples: [
      'entente sweep scenarios/sweeps/china-cost-aversion.yaml --report',
      'entente sweep scenarios/sweeps/china-sobol.yaml --shard 2/8 --out out/sobol-2   # one Slurm array task',
      'entente sweep scenarios/sweeps/china-cost-aversion.yaml --resume   # after Ctrl-C or a crash',
    ],
    load: async () => (await import('./commands/sweep.js')).registerSweep,
  },
  {
    name: 'merge',
    summary: 'merge the shard directories of one sweep into the output a single machine would write',
    examples: [
      'entente merge out/sobol-1 out/sobol-2 out/sobol-3 --out out/sobol',
      'entente merge out/sobol-* --out out/sobol --format parquet',
    ],
    load: async () => (await import('./commands/sweep.js')).registerMerge,
  },
  {
    name: 'compare',
    summary: 'compare levers with the baseline on common random numbers: which push the pair closer, and how sure',
    examples: [
      'entente compare scenarios/china-russia-2022.yaml --report   # over the calibrated posterior',
      'entente compare scenarios/china-russia-2022.yaml --no-posterior -r 200 --levers coerciveWedge,rewardWedge',
      `entente compare scenarios/sweeps/china-cost-aversion.yaml   # each lever across a sweep's points`,
    ],
    load: async () => (await import('./commands/compare.js')).registerCompare,
  },
  {
    name: 'validate',
    summary: 'score held-out figures over a posterior: 50%/90% intervals, coverage, CRPS against naive forecasts',
    examples: [
      'entente validate scenarios/validation/china-russia.yaml --report',
      'entente validate scenarios/validation/china-russia.yaml --workers 2 --out out/held-out',
    ],
    load: async () => (await import('./commands/validate.js')).registerValidate,
  },
  {
    name: 'sensitivity',
    summary: 'global sensitivity of outcomes to a sweep’s parameters: Sobol indices or Morris elementary effects',
    examples: [
      'entente sensitivity scenarios/sweeps/china-sobol.yaml --report',
      'entente sensitivity scenarios/sweeps/china-sobol.yaml --workers 2 --out out/sobol-indices',
    ],
    load: async () => (await import('./commands/sensitivity.js')).registerSensitivity,
  },
  {
    name: 'discover',
    summary:
      'scenario discovery (PRIM): the region of a sweep’s parameters where a lever’s effect on depth is above (or below) a threshold',
    examples: [
      'entente discover scenarios/sweeps/china-cost-aversion.yaml --lever rewardWedge',
      'entente discover scenarios/sweeps/china-cost-aversion.yaml --lever coerciveWedge --threshold 0.05',
    ],
    load: async () => (await import('./commands/discover.js')).registerDiscover,
  },
  {
    name: 'calibrate',
    summary: 'fit a scenario to observed figures: the best point of a sweep design, or a posterior by ABC-SMC (--method abc)',
    examples: [
      'entente calibrate scenarios/calibration/china-russia.yaml --apply   # best point, written into the scenario',
      'entente calibrate scenarios/calibration/china-russia.yaml --method abc --particles 1000 --report',
    ],
    load: async () => (await import('./commands/calibrate.js')).registerCalibrate,
  },
  {
    name: 'explore',
    summary: 'write one self-contained HTML page in which the model runs: move a slider, switch a lever, see the partnership respond',
    examples: [
      'entente explore scenarios/china-russia-2022.yaml   # out/china-russia-2022-explore.html: open it, or e-mail it',
      'entente explore scenarios/nato-contrast.yaml --out shared/nato.html',
    ],
    load: async () => (await import('./commands/explore.js')).registerExplore,
  },
  {
    name: 'report',
    summary: 'draw the charts of an output directory (run, sweep, compare, sensitivity, calibrate) and write report.html',
    examples: ['entente report out/china-russia-2022', 'entente report out/china-russia-2022 --tie RUS:CHN'],
    load: async () => (await import('./commands/report.js')).registerReport,
  },
  {
    name: 'check',
    summary: 'validate a scenario file (and each of its levers) or a sweep file; exit status 2 if invalid',
    examples: ['entente check scenarios/china-russia-2022.yaml', 'entente check scenarios/sweeps/china-sobol.yaml'],
    load: async () => (await import('./commands/check.js')).registerCheck,
  },
  {
    name: 'schema',
    summary: 'print the JSON Schema of a file kind',
    examples: ['entente schema > scenario.schema.json   # for editor autocompletion', 'entente schema sweep'],
    load: async () => (await import('./commands/schema.js')).registerSchema,
  },
];

const ROOT_EXAMPLES = [
  'entente run scenarios/china-russia-2022.yaml --report   # the default scenario, CSVs and report.html in out/',
  'entente compare scenarios/china-russia-2022.yaml --report   # which levers push China and Russia closer',
  'entente help sweep',
];

function examplesText(examples: readonly string[]): string {
  return `\nExamples:\n${examples.map((e) => `  $ ${e}`).join('\n')}`;
}

/** Root options that take a value: their value is not the command's name. */
const VALUED = new Set(['--max-output', '--max-memory']);

/** The command argv names (after root options), or `help NAME`'s NAME; undefined for none. */
function named(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (VALUED.has(arg)) {
      i++;
      continue;
    }
    if (arg.startsWith('-')) continue;
    return arg === 'help' ? argv[i + 1] : arg;
  }
  return undefined;
}

export async function buildProgram(io: Io, argv: readonly string[] = []): Promise<Command> {
  setCommandLine(argv);
  const program = new Command('entente')
    .description('Simulate a limited strategic partnership under stress and compare policy levers.')
    .version(VERSION)
    .option(
      '--max-output <size>',
      `refuse to write more than this (default ${formatSize(DEFAULT_MAX_OUTPUT)}), e.g. 50G`,
      sizeOption('max-output'),
    )
    .option(
      '--max-memory <size>',
      `refuse to hold more than this in memory (default half the machine's, at most 8 GB: here ${formatSize(defaultMaxMemory())})`,
      sizeOption('max-memory'),
    )
    .hook('preAction', (root) => {
      const { maxOutput, maxMemory } = root.opts<{ maxOutput?: number; maxMemory?: number }>();
      setLimits({
        maxOutputBytes: maxOutput ?? DEFAULT_MAX_OUTPUT,
        maxMemoryBytes: maxMemory ?? defaultMaxMemory(),
      });
    })
    .addHelpText('after', examplesText(ROOT_EXAMPLES))
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.replace(/\n$/, '')), writeErr: (s) => io.err(s.replace(/\n$/, '')) });
  const wanted = named(argv);
  for (const entry of COMMANDS) {
    if (entry.name === wanted) {
      (await entry.load())(program, io.out);
      program.commands.at(-1)?.addHelpText('after', examplesText(entry.examples));
    } else
      program
        .command(entry.name)
        .allowUnknownOption()
        .allowExcessArguments()
        .helpOption(false)
        .action(() => {
          throw new Error(`command ${entry.name} ran without being loaded`); // named() picks the command commander will run
        });
    program.commands[program.commands.length - 1]?.description(entry.summary);
  }
  for (const cmd of program.commands) cmd.exitOverride();
  return program;
}
