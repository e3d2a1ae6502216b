/**
 * Progress on stderr: a bar redrawn in place on a terminal; a plain line every
 * few seconds otherwise (logs, Slurm); nothing when quiet. Kept rather than a
 * progress library (cli-progress, progress): those either draw nothing or redraw
 * in place when stderr is not a terminal, and a Slurm log needs a line every few
 * seconds, which this gives in 60 lines and no dependency.
 */
export interface Progress {
  add(runs: number): void;
  done(): void;
}

const silent: Progress = { add() {}, done() {} };

/** Where progress goes: a terminal gets a bar redrawn in place, anything else lines. */
export interface ProgressStream {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

let defaultStream: ProgressStream | undefined;

/** The stream progress and notes go to unless told (cli/execute.ts sets the command's own; default: the process's stderr). */
export function setProgressStream(stream: ProgressStream | undefined): void {
  defaultStream = stream;
}

/** A line beside the progress (a resumed calibration, a shard's round): where progress goes. */
export function progressNote(text: string): void {
  (defaultStream ?? process.stderr).write(`${text}\n`);
}

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.round(seconds);
  return s >= 3600
    ? `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`
    : s >= 60
      ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`
      : `${s}s`;
}

export function progress(
  total: number,
  already: number,
  options: { quiet: boolean; stream?: ProgressStream; label?: string; unit?: string },
): Progress {
  if (options.quiet || total === 0) return silent;
  const stream = options.stream ?? defaultStream ?? process.stderr;
  const tty = stream.isTTY === true;
  const start = Date.now();
  let done = already;
  let lastLine = 0;
  const render = (final: boolean) => {
    const elapsed = (Date.now() - start) / 1000;
    const rate = (done - already) / Math.max(elapsed, 1e-9);
    const eta = (total - done) / rate;
    const unit = options.unit ?? 'runs';
    const text = `${done}/${total} ${unit}  ${rate < 10 ? rate.toFixed(1) : rate.toFixed(0)} ${unit}/s  ETA ${duration(eta)}`;
    if (tty) {
      const width = 30;
      const filled = Math.round((done / total) * width);
      stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${text}\x1b[K${final ? '\n' : ''}`);
    } else if (final || Date.now() - lastLine >= 5000) {
      stream.write(`${options.label ?? 'sweep'}: ${text}\n`);
      lastLine = Date.now();
    }
  };
  return {
    add(runs) {
      done += runs;
      if (done < total && (tty || Date.now() - lastLine >= 5000)) render(false);
    },
    done() {
      render(true);
    },
  };
}
