/**
 * The commander program. Built by a function so tests can drive it in-process
 * with exitOverride() and captured output; only main.ts exits the process.
 */
import { Command } from 'commander';
import { DEFAULT_MAX_OUTPUT, defaultMaxMemory, formatSize, setLimits } from '../io/limits.js';
import { registerCalibrate } from './commands/calibrate.js';
import { registerCheck } from './commands/check.js';
import { registerCompare } from './commands/compare.js';
import { registerDiscover } from './commands/discover.js';
import { registerReport } from './commands/report.js';
import { registerRun } from './commands/run.js';
import { registerSchema } from './commands/schema.js';
import { registerSensitivity } from './commands/sensitivity.js';
import { registerSweep } from './commands/sweep.js';
import { sizeOption } from './options.js';
import { VERSION } from './version.js';

export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

export function buildProgram(io: Io): Command {
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
  registerRun(program, io.out);
  registerSweep(program, io.out);
  registerCompare(program, io.out);
  registerSensitivity(program, io.out);
  registerDiscover(program, io.out);
  registerCalibrate(program, io.out);
  registerReport(program, io.out);
  registerCheck(program, io.out);
  registerSchema(program, io.out);
  for (const cmd of program.commands) cmd.exitOverride();
  return program;
}
