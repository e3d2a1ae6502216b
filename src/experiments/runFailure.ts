/**
 * A run that meets a value that is not a finite number (the model's state, an observable, a
 * target's statistic) stops the study that runs it, with one line naming what, when and where:
 * the model or the observable names the quantity and the tick, and the study adds the point or
 * replication (`atPoint`). A sweep keeps such a run as a row of failures.csv instead.
 */
import { EntenteError, ExitStatus } from '../errors.js';

export const NON_FINITE = 'run.nonFinite';

/** The error of a quantity that is not a finite number. */
export function nonFinite(message: string): EntenteError {
  return new EntenteError(NON_FINITE, message, { exitStatus: ExitStatus.someRunsFailed });
}

/** `err`, if it is a run's non-finite value, said of `where` (a point, a replication, a lever's arm); other errors unchanged. */
export function atPoint(err: unknown, where: string): unknown {
  if (!(err instanceof EntenteError) || err.code !== NON_FINITE || err.message.includes(' — at ')) return err;
  return new EntenteError(NON_FINITE, `${err.message} — at ${where}`, { exitStatus: err.exitStatus, where: err.where });
}

/** `run()`, its non-finite values said of `where`. */
export function at<T>(where: () => string, run: () => T): T {
  try {
    return run();
  } catch (err) {
    throw atPoint(err, where());
  }
}
