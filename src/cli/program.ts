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
import { DEFAULT_MAX_OUTPUT, defaultMaxMemory, formatSize, setLimits } from '../io/limits.js';
import { sizeOption } from './options.js';
import { VERSION } from './version.js';

export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

type Register = (program: Command, print: (text: string) => void) => void;

/** Each command's name, one-line summary (the help lists these) and the module that registers it. */
const COMMANDS: readonly { readonly name: string; readonly summary: string; load(): Promise<Register> }[] = [
  {
    name: 'run',
    summary: 'run a scenario and write ties, pairs, actors, summary and events CSVs',
    load: async () => (await import('./commands/run.js')).registerRun,
  },
  {
    name: 'sweep',
    summary: 'run a sweep file: every point of its design × replications, summary rows in runs.csv',
    load: async () => (await import('./commands/sweep.js')).registerSweep,
  },
  {
    name: 'merge',
    summary: 'merge the shard directories of one sweep into the output a single machine would write',
    load: async () => (await import('./commands/sweep.js')).registerMerge,
  },
  {
    name: 'compare',
    summary: 'compare levers with the baseline on common random numbers: which push the pair closer, and how sure',
    load: async () => (await import('./commands/compare.js')).registerCompare,
  },
  {
    name: 'sensitivity',
    summary: 'global sensitivity of outcomes to a sweep’s parameters: Sobol indices or Morris elementary effects',
    load: async () => (await import('./commands/sensitivity.js')).registerSensitivity,
  },
  {
    name: 'discover',
    summary:
      'scenario discovery (PRIM): the region of a sweep’s parameters where a lever’s effect on depth is above (or below) a threshold',
    load: async () => (await import('./commands/discover.js')).registerDiscover,
  },
  {
    name: 'calibrate',
    summary: 'fit a scenario to observed figures: the best point of a sweep design, or a posterior by ABC-SMC (--method abc)',
    load: async () => (await import('./commands/calibrate.js')).registerCalibrate,
  },
  {
    name: 'report',
    summary: 'draw the charts of an output directory (run, sweep, compare, sensitivity, calibrate) and write report.html',
    load: async () => (await import('./commands/report.js')).registerReport,
  },
  {
    name: 'check',
    summary: 'validate a scenario file (and each of its levers) or a sweep file; exit status 2 if invalid',
    load: async () => (await import('./commands/check.js')).registerCheck,
  },
  {
    name: 'schema',
    summary: 'print the JSON Schema of a file kind',
    load: async () => (await import('./commands/schema.js')).registerSchema,
  },
];

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
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.replace(/\n$/, '')), writeErr: (s) => io.err(s.replace(/\n$/, '')) });
  const wanted = named(argv);
  for (const entry of COMMANDS) {
    if (entry.name === wanted) (await entry.load())(program, io.out);
    else
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
