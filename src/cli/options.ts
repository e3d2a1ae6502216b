/** Option parsers shared by commands: each rejects bad values with commander's usage error. */
import { InvalidArgumentError } from 'commander';
import { maxWorkers, parseSize } from '../io/limits.js';

export function sizeOption(name: string) {
  return (value: string): number => {
    const bytes = parseSize(value);
    if (bytes === undefined)
      throw new InvalidArgumentError(`${name} must be a size such as 500M, 20G or 2T, found ${JSON.stringify(value)}.`);
    return bytes;
  };
}

export function positiveInt(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1)
      throw new InvalidArgumentError(`${name} must be a positive integer, found ${JSON.stringify(value)}.`);
    return n;
  };
}

export function seedValue(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0)
    throw new InvalidArgumentError(`seed must be a non-negative integer, found ${JSON.stringify(value)}.`);
  return n;
}

export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export function finiteNumber(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n))
      throw new InvalidArgumentError(`${name} must be a finite number, found ${JSON.stringify(value)}.`);
    return n;
  };
}

/** Worker threads: a positive integer, at most four per core (io/limits.ts). */
export function workerCount(value: string): number {
  const n = positiveInt('workers')(value);
  if (n > maxWorkers())
    throw new InvalidArgumentError(
      `workers must be at most ${maxWorkers()} (four per core of this machine), found ${n}; on a cluster, use more machines with --shard K/N.`,
    );
  return n;
}
