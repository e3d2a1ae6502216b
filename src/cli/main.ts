#!/usr/bin/env node
/**
 * The entente binary: execute.ts on the process's arguments, its output on stdout and stderr,
 * and what only a process has: Ctrl-C, and a command that stops without finishing.
 */
import { ExitStatus } from '../errors.js';
import { abandonPendingOutputs } from '../io/outputDir.js';
import { execute } from './execute.js';

// Ctrl-C, and SIGTERM (what `timeout`, Slurm at the end of a job's time and `docker stop` send): the
// same clean stop, its status the shell's for the signal (128 + its number).
const stop = (signal: 'SIGINT' | 'SIGTERM', status: number) => () => {
  abandonPendingOutputs();
  process.stderr.write(
    `entente: ${signal === 'SIGINT' ? 'interrupted' : 'terminated (SIGTERM)'} (a run leaves no output; a sweep continues with --resume)\n`,
  );
  process.exit(status);
};
process.on('SIGINT', stop('SIGINT', ExitStatus.interrupted));
process.on('SIGTERM', stop('SIGTERM', ExitStatus.terminated));

// A reader that stops early (`entente run --help | head -1`) closes the pipe: what is left to say is
// not wanted, and the command's files are what matter, so the command goes on without a word.
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
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
