/**
 * One command line, start to finish, with its output sent to `io`: the exit status it earns
 * (0 ok, 1 internal error, 2 bad input or usage, 3 some sweep runs failed, 4 the output could
 * not be written, 130 interrupted). main.ts is this plus the process's signals; tests call it
 * in-process with captured output.
 */
import { CommanderError } from 'commander';
import { EntenteError, ExitStatus } from '../errors.js';
import { setProgressStream } from '../experiments/progress.js';
import { abandonPendingOutputs } from '../io/outputDir.js';
import { fromSystemError } from '../io/systemError.js';
import { buildProgram, type Io } from './program.js';

const debug = () => (process.env.ENTENTE_DEBUG ?? '') !== '';

export async function execute(argv: readonly string[], io: Io): Promise<number> {
  // Progress goes with the command's other messages: the process's stderr (a bar on a terminal), or what the caller captures.
  setProgressStream(io.progress ?? { isTTY: false, write: (text: string) => io.err(text.replace(/\n$/, '')) });
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

/** What a command line printed and the status it earned, run in this process (from `cwd`, left after): what a process would show. */
export interface Captured {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function executeCaptured(argv: readonly string[], cwd: string): Promise<Captured> {
  const out: string[] = [];
  const err: string[] = [];
  const before = process.cwd();
  process.chdir(cwd);
  try {
    const status = await execute(argv, { out: (s) => out.push(`${s}\n`), err: (s) => err.push(`${s}\n`) });
    return { status, stdout: out.join(''), stderr: err.join('') };
  } finally {
    process.chdir(before);
  }
}
