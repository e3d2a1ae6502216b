/**
 * Failures of the file system (a full disk, a read-only directory, a file where
 * a directory should be) as typed errors: one line naming the path and the
 * cause, never a stack trace, and an exit status that says whose fault it is.
 */
import { EntenteError, ExitStatus } from '../errors.js';

/** Causes a user fixes by choosing another path: exit 2, like other bad input. */
const PATH_PROBLEMS: Record<string, string> = {
  ENOTDIR: 'a part of the path is a file, not a directory',
  EISDIR: 'the path is a directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOENT: 'no such file or directory',
  EEXIST: 'the path already exists',
  ENAMETOOLONG: 'name too long',
};

/** Causes in the machine, not the input: exit 4. */
const DEVICE_PROBLEMS: Record<string, string> = {
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EIO: 'input/output error',
  EFBIG: 'file too large',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files in the system',
};

export interface SystemError {
  readonly code: string;
  readonly syscall?: string;
  readonly path?: string;
}

export function isSystemError(err: unknown): err is SystemError {
  const code = err instanceof Error ? (err as Error & { code?: unknown }).code : undefined;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code);
}

/** A file-system failure passed between threads as data, as the EntenteError it stands for. */
export function fromSystemFault(fault: SystemError): EntenteError {
  const err = Object.assign(new Error(fault.code), fault);
  return fromSystemError(err) as EntenteError;
}

/** `err` as an EntenteError naming `path` (or the path the error itself names); other errors unchanged. */
export function fromSystemError(err: unknown, path?: string): unknown {
  if (err instanceof EntenteError || !isSystemError(err)) return err;
  const device = DEVICE_PROBLEMS[err.code];
  const cause = device ?? PATH_PROBLEMS[err.code] ?? 'system error';
  const verb = err.syscall === 'open' || err.syscall === 'read' || err.syscall === 'scandir' ? err.syscall : 'write';
  const file = err.path ?? path;
  return new EntenteError('output.system', `cannot ${verb}: ${err.code} (${cause})`, {
    ...(file ? { where: { file } } : {}),
    exitStatus: device ? ExitStatus.cannotWrite : ExitStatus.badInput,
  });
}
