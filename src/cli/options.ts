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

export function nonNegative(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n) || n < 0)
      throw new InvalidArgumentError(`${name} must be a number ≥ 0, found ${JSON.stringify(value)}.`);
    return n;
  };
}

/** A probability above one half and below 1: a verdict's confidence. */
export function probability(name: string) {
  return (value: string): number => {
    const p = Number(value);
    if (!(p > 0.5 && p < 1))
      throw new InvalidArgumentError(`${name} must be a probability above 0.5 and below 1, found ${JSON.stringify(value)}.`);
    return p;
  };
}

/** --force's help, the same for every command that writes a directory. */
export const FORCE_HELP =
  'replace the output of another entente command in --out, or start an unfinished one over (never a directory entente did not write)';
