/**
 * Typed errors. Every error a user can cause carries a namespaced code, an exit
 * status and where it happened (file, line, field path), so the CLI can print one
 * clear line and exit with the right status. Only the CLI entry point exits.
 */
export const ExitStatus = {
  ok: 0,
  internal: 1,
  badInput: 2,
  /** A sweep finished, but some of its runs failed (see failures.csv). */
  someRunsFailed: 3,
  /** The machine could not write the output (a full disk, an I/O error); nothing was left half-written. */
  cannotWrite: 4,
  interrupted: 130,
  /** Stopped by SIGTERM (timeout, Slurm, docker stop): 128 + 15, as a shell reports it. */
  terminated: 143,
} as const;

export interface Where {
  readonly file?: string;
  readonly line?: number;
  readonly path?: string;
}

export class EntenteError extends Error {
  readonly code: string;
  readonly exitStatus: number;
  readonly where: Where;
  readonly expected?: string;
  readonly found?: string;

  constructor(code: string, message: string, options: { where?: Where; expected?: string; found?: string; exitStatus?: number } = {}) {
    super(message);
    this.name = 'EntenteError';
    this.code = code;
    this.exitStatus = options.exitStatus ?? ExitStatus.badInput;
    this.where = options.where ?? {};
    if (options.expected !== undefined) this.expected = options.expected;
    if (options.found !== undefined) this.found = options.found;
  }

  /** The same error, said of another place (a temporary path shown as the path the user named). */
  relocated(where: Where): EntenteError {
    const copy = new EntenteError(this.code, this.message, {
      where,
      exitStatus: this.exitStatus,
      ...(this.expected !== undefined ? { expected: this.expected } : {}),
      ...(this.found !== undefined ? { found: this.found } : {}),
    });
    if (this.stack !== undefined) copy.stack = this.stack;
    return copy;
  }

  /** `file:line: path: message (expected …, found …)` */
  format(): string {
    const { file, line, path } = this.where;
    const place = [file && (line ? `${file}:${line}` : file), path].filter(Boolean).join(': ');
    const detail = [this.expected !== undefined ? `expected ${this.expected}` : '', this.found !== undefined ? `found ${this.found}` : '']
      .filter(Boolean)
      .join(', ');
    return `${place ? `${place}: ` : ''}${this.message}${detail ? ` (${detail})` : ''}`;
  }
}

/** A scenario or option the user supplied is wrong. */
export function inputError(code: string, message: string, where: Where, expected?: string, found?: string): EntenteError {
  const opts: { where: Where; expected?: string; found?: string } = { where };
  if (expected !== undefined) opts.expected = expected;
  if (found !== undefined) opts.found = found;
  return new EntenteError(code, message, opts);
}

/** Short, quoted rendering of a found value for error messages. */
export function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
