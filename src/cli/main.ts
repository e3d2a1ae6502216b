#!/usr/bin/env node
/**
 * The entente binary. The one place that decides the exit status:
 * 0 ok, 1 internal error, 2 bad input or usage, 3 some sweep runs failed,
 * 4 the output could not be written (disk full, I/O error), 130 interrupted.
 */
import { CommanderError } from 'commander';
import { EntenteError, ExitStatus } from '../errors.js';
import { abandonPendingOutputs } from '../io/outputDir.js';
import { fromSystemError } from '../io/systemError.js';
import { buildProgram } from './program.js';

const debug = () => (process.env.ENTENTE_DEBUG ?? '') !== '';

export async function main(argv: readonly string[]): Promise<number> {
  const io = { out: (s: string) => process.stdout.write(`${s}\n`), err: (s: string) => process.stderr.write(`${s}\n`) };
  try {
    await (await buildProgram(io, argv)).parseAsync([...argv], { from: 'user' });
    return ExitStatus.ok;
  } catch (thrown) {
    abandonPendingOutputs();
    const err = fromSystemError(thrown);
    if (err instanceof EntenteError) {
      io.err(`entente: ${err.format()}`);
      if (debug()) io.err(err.stack ?? '');
      return err.exitStatus;
    }
    if (err instanceof CommanderError) {
      // Help and version are not failures; every other commander error is a usage error.
      return err.exitCode === 0 ? ExitStatus.ok : ExitStatus.badInput;
    }
    const text = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    io.err(`entente: internal error: ${text.split('\n')[0]} (set ENTENTE_DEBUG=1 for the stack trace, and please report it)`);
    if (debug()) io.err(err instanceof Error ? (err.stack ?? '') : '');
    return ExitStatus.internal;
  }
}

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

main(process.argv.slice(2)).then((status) => {
  finished = true;
  process.exitCode = status;
});
