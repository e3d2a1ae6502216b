#!/usr/bin/env node
/**
 * The entente binary. The one place that decides the exit status:
 * 0 ok, 1 internal error, 2 bad input or usage, 3 some sweep runs failed, 130 interrupted.
 */
import { CommanderError } from 'commander';
import { EntenteError, ExitStatus } from '../errors.js';
import { abandonPendingOutputs } from '../io/outputDir.js';
import { buildProgram } from './program.js';

export async function main(argv: readonly string[]): Promise<number> {
  const io = { out: (s: string) => process.stdout.write(`${s}\n`), err: (s: string) => process.stderr.write(`${s}\n`) };
  try {
    await buildProgram(io).parseAsync([...argv], { from: 'user' });
    return ExitStatus.ok;
  } catch (err) {
    if (err instanceof EntenteError) {
      io.err(`entente: ${err.format()}`);
      return err.exitStatus;
    }
    if (err instanceof CommanderError) {
      // Help and version are not failures; every other commander error is a usage error.
      return err.exitCode === 0 ? ExitStatus.ok : ExitStatus.badInput;
    }
    io.err(`entente: internal error: ${(err as Error).stack ?? String(err)}`);
    return ExitStatus.internal;
  }
}

process.on('SIGINT', () => {
  abandonPendingOutputs();
  process.stderr.write('entente: interrupted (a run leaves no output; a sweep continues with --resume)\n');
  process.exit(ExitStatus.interrupted);
});

main(process.argv.slice(2)).then((status) => {
  process.exitCode = status;
});
