#!/usr/bin/env node
/**
 * The entente binary: execute.ts on the process's arguments, its output on stdout and stderr,
 * and what only a process has: Ctrl-C, and a command that stops without finishing.
 */
import { ExitStatus } from '../errors.js';
import { abandonPendingOutputs } from '../io/outputDir.js';
import { execute } from './execute.js';

process.on('SIGINT', () => {
  abandonPendingOutputs();
  process.stderr.write('entente: interrupted (a run leaves no output; a sweep continues with --resume)\n');
  process.exit(ExitStatus.interrupted);
});

let finished = false;
// A command whose promise never settles (a stream that failed without an error reaching it)
// would otherwise end with status 0 and no output: never let that pass as success.
process.on('beforeExit', () => {
  if (finished) return;
  finished = true;
  abandonPendingOutputs();
  process.stderr.write('entente: internal error: the command stopped before finishing; nothing was written\n');
  process.exitCode = ExitStatus.internal;
});

const io = {
  out: (s: string) => process.stdout.write(`${s}\n`),
  err: (s: string) => process.stderr.write(`${s}\n`),
  progress: process.stderr,
};
execute(process.argv.slice(2), io).then((status) => {
  finished = true;
  process.exitCode = status;
});
