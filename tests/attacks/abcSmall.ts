/**
 * A small ABC calibration for the attack tests (issue 27): two free parameters on the default
 * scenario, 20 particles, 2 generations, one replication, run in one process or as shards
 * (--collect, --shard K/N, as slurm/abc.sbatch loops them; docs/calibration.md).
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { DEFAULT_SCENARIO, entente, fileIn } from '../helpers.js';

export const CALIBRATION = `scenario: ${DEFAULT_SCENARIO}
design: lhs
samples: 4
replications: 1
seed: 5
parameters:
  model.needGain: { min: 0.5, max: 2.5 }
  actors.CHN.exposureAversion: { min: 0.3, max: 0.9 }
calibration:
  observed: ${join(DEFAULT_SCENARIO, '..', '..', 'data', 'china-russia-observed.csv')}
  targets:
    - { indicator: bilateral_trade, period: "2022", statistic: growth, scale: 0.05 }
    - { indicator: bilateral_trade, period: "2023", statistic: growth, scale: 0.05 }
`;

/** The calibration file in `dir`, and the arguments every call of it shares. */
export function smallAbc(dir: string, settings: readonly string[] = ['--particles', '20', '--generations', '2']) {
  const file = fileIn(dir, 'abc.yaml', CALIBRATION);
  return { file, args: ['calibrate', file, '--method', 'abc', ...settings, '-w', '1'] };
}

/** Fresh copies of the directory `pristine` in `dir` (copy-0, copy-1, …), to damage one each; and a file's text. */
export function copier(dir: string, pristine: string) {
  let copies = 0;
  return {
    copy: (): string => {
      const out = join(dir, `copy-${copies++}`);
      cpSync(pristine, out, { recursive: true });
      return out;
    },
    read: (out: string, name: string): string => readFileSync(join(out, name), 'utf8'),
  };
}

/** Run a command that must succeed. */
export async function ok(args: readonly string[]): Promise<string> {
  const r = await entente(args);
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

export const complete = (out: string): boolean => JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).complete === true;

/** --collect, then rounds of --shard 1/2 and 2/2 each followed by --collect, until the posterior is written (or `steps` rounds). */
export async function runSharded(args: readonly string[], out: string, steps = 20): Promise<void> {
  await ok([...args, '--out', out, '--collect', '-q']);
  for (let step = 0; step < steps && !complete(out); step++) {
    for (const k of [1, 2]) await ok([...args, '--out', out, '--shard', `${k}/2`, '-q']);
    await ok([...args, '--out', out, '--collect', '-q']);
  }
}

/** Every file under `dir` (relative path → bytes), to tell whether a command changed anything. */
export function snapshot(dir: string, prefix = ''): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of readdirSync(join(dir, prefix)).sort()) {
    const path = join(prefix, name);
    if (statSync(join(dir, path)).isDirectory()) for (const [p, bytes] of snapshot(dir, path)) files.set(p, bytes);
    else files.set(path, readFileSync(join(dir, path), 'latin1'));
  }
  return files;
}

/**
 * Put `text` in an ABC file and, if it has a record (calibration/abc/record.ts: NAME.done.json),
 * rewrite the record to match: an edit whose author also updated the proof, so only the check of
 * the values read back can catch it. Before records existed there is none to update.
 */
export function forge(file: string, text: string): void {
  writeFileSync(file, text);
  const record = file.replace(/\.json$/, '.done.json');
  if (existsSync(record)) {
    const { owner } = JSON.parse(readFileSync(record, 'utf8')) as { owner?: string };
    writeFileSync(
      record,
      `${JSON.stringify({ bytes: Buffer.byteLength(text), sha256: createHash('sha256').update(text).digest('hex'), owner })}\n`,
    );
  }
}

/** Edit the JSON of an ABC file in place (its record untouched). */
export function edit(file: string, change: (value: Record<string, unknown>) => void): string {
  const value = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  change(value);
  return JSON.stringify(value);
}

/** A command that must be refused: exit 2, one line matching every pattern, no stack trace, and `out` unchanged. */
export async function refused(args: readonly string[], out: string, ...patterns: RegExp[]): Promise<void> {
  const before = snapshot(out);
  const r = await entente(args);
  expect(r.status, r.stderr).toBe(2);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  for (const p of patterns) expect(r.stderr).toMatch(p);
  expect(r.stderr).not.toMatch(/\n\s+at |internal error/);
  expect(snapshot(out)).toEqual(before);
}
