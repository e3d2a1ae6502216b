/**
 * Resource limits: no input may take down a shared machine. Before a command
 * runs, it estimates what it will write and hold in memory, and refuses (exit
 * 2, with the estimate) what exceeds the limits. The defaults suit a laptop;
 * `--max-output SIZE` and `--max-memory SIZE` lift them for those who mean it.
 */
import { availableParallelism, totalmem } from 'node:os';
import { EntenteError } from '../errors.js';

export interface Limits {
  /** Bytes a command may write. */
  readonly maxOutputBytes: number;
  /** Bytes a command may hold at once (designs, outcomes kept for statistics, worker heaps). */
  readonly maxMemoryBytes: number;
}

const UNITS: Record<string, number> = { '': 1, K: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15 };

export const DEFAULT_MAX_OUTPUT = 10e9;

/** Half the machine's memory, at most 8 GB. */
export function defaultMaxMemory(): number {
  return Math.min(8e9, totalmem() / 2);
}

let current: Limits = { maxOutputBytes: DEFAULT_MAX_OUTPUT, maxMemoryBytes: defaultMaxMemory() };

export function setLimits(next: Partial<Limits>): void {
  current = { ...current, ...next };
}

/** "10G", "500MB", "1.5T", "2e9" → bytes (decimal units: 1G = 10⁹ bytes). */
export function parseSize(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?(?:e\d+)?)\s*([KMGTP]?)B?\s*$/i.exec(text);
  if (!m) return undefined;
  const bytes = Number(m[1]) * UNITS[(m[2] ?? '').toUpperCase()];
  return Number.isFinite(bytes) && bytes > 0 ? bytes : undefined;
}

export function formatSize(bytes: number): string {
  if (!Number.isFinite(bytes)) return 'more than can be counted';
  for (const [unit, size] of [
    ['PB', 1e15],
    ['TB', 1e12],
    ['GB', 1e9],
    ['MB', 1e6],
    ['kB', 1e3],
  ] as const)
    if (bytes >= size) return `${(bytes / size).toPrecision(3)} ${unit}`;
  return `${Math.round(bytes)} bytes`;
}

/** Refuse to write more than the output limit. `what` names the command's output, `smaller` how to ask for less. */
export function checkOutputSize(what: string, bytes: number, smaller: string, file?: string): void {
  const max = current.maxOutputBytes;
  if (bytes <= max) return;
  throw new EntenteError('limits.output', `${what} would write about ${formatSize(bytes)}, above the limit of ${formatSize(max)}`, {
    ...(file ? { where: { file } } : {}),
    expected: `${smaller}, or --max-output ${formatSize(bytes * 1.2).replace(' ', '')} if you mean it`,
  });
}

/** Refuse to hold more than the memory limit. */
export function checkMemory(what: string, bytes: number, smaller: string, file?: string): void {
  const max = current.maxMemoryBytes;
  if (bytes <= max) return;
  throw new EntenteError(
    'limits.memory',
    `${what} would need about ${formatSize(bytes)} of memory, above the limit of ${formatSize(max)}`,
    {
      ...(file ? { where: { file } } : {}),
      expected: `${smaller}, or --max-memory ${formatSize(bytes * 1.2).replace(' ', '')} if the machine has it`,
    },
  );
}

/** More threads than four per core only cost memory and start-up: refuse them. */
export function maxWorkers(): number {
  return 4 * availableParallelism();
}

export function checkWorkers(workers: number): void {
  if (workers <= maxWorkers()) return;
  throw new EntenteError('limits.workers', `--workers ${workers} is more than four per core of this machine`, {
    expected: `at most ${maxWorkers()} (${availableParallelism()} cores); on a cluster, more machines: --shard K/N`,
  });
}
