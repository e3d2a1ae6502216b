/** Test helpers: build configs from inline YAML through the real loader. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect } from 'vitest';
import { executeCaptured } from '../src/cli/execute.js';
import { type LoadedScenario, type LoadOptions, prepare } from '../src/scenario/load.js';
import { Scenario, type ScenarioFile } from '../src/scenario/schema.js';
import { parseSource } from '../src/scenario/source.js';
import { validateShape } from '../src/scenario/validate.js';

export function loadText(text: string, options: LoadOptions = {}, file = 'inline.yaml'): LoadedScenario {
  const source = parseSource(file, text);
  return prepare(source, validateShape<ScenarioFile>(Scenario, source), options);
}

/** Two actors, one tie each way; every trait and commitment chosen to make hand arithmetic easy. */
export const TWO_ACTORS = `
name: two
ticks: 3
seed: 7
model: { noise: 0 }
actors:
  A: { economy: 4, costAversion: 0.5, exposureAversion: 0.4, opportunism: 0.6, commitmentNorm: 0.5, grievance: { C: 0.6 }, exposure: { C: 0.5 } }
  B: { economy: 1, costAversion: 0.2, exposureAversion: 0.1, opportunism: 0.3, commitmentNorm: 0.1, grievance: { C: 0.4 } }
  C: { economy: 9, costAversion: 0.5, exposureAversion: 0.5, opportunism: 0.5, commitmentNorm: 0.5 }
ties:
  - { from: A, to: B, commitment: { trade: 0.4, energy: 0.2, finance: 0.1, defense: 0.3, military: 0.0, diplomatic: 0.5 } }
  - { from: B, to: A, commitment: { trade: 0.2, energy: 0.4, finance: 0.3, defense: 0.1, military: 0.1, diplomatic: 0.6 } }
  - { from: A, to: C, commitment: { trade: 0.5 } }
pairs:
  - { a: A, b: B, alignment: 0.5, rhetoric: 0.6, divergences: [ { id: x, weight: 0.2 } ] }
`;

export const ROOT = resolve(import.meta.dirname, '..');
export const BIN = join(ROOT, 'dist', 'cli', 'main.js');
export const DEFAULT_SCENARIO = join(ROOT, 'scenarios', 'china-russia-2022.yaml');

export function tempDir(prefix = 'entente-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Run the built binary, as a user would: for what only a process shows (its exit, signals, a terminal's progress). */
export function cli(args: readonly string[], cwd = ROOT): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Run a command line in this process through execute() (the binary's own path from arguments
 * to exit status), its output captured line by line: what `cli` gives, without starting Node.
 * `cwd` is entered for the call and left after it.
 */
export const entente = (args: readonly string[], cwd = ROOT): Promise<CliResult> => executeCaptured(args, cwd);

/** Write `text` to `name` in `dir`; its path. */
export function fileIn(dir: string, name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/**
 * A command that must be refused as bad input: exit 2, one line matching every pattern, no stack
 * trace, and nothing written at --out (a fresh path two folders deep: not even its parents).
 */
export async function expectRefused(dir: string, args: readonly string[], ...patterns: RegExp[]): Promise<void> {
  const out = join(dir, `new-${Math.random().toString(36).slice(2)}`, 'deep', 'out');
  const r = await entente([...args, '--out', out, '-q']);
  expect(r.status, r.stderr).toBe(2);
  for (const p of patterns) expect(r.stderr).toMatch(p);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).not.toMatch(/\n\s+at |internal error/);
  expect(existsSync(join(out, '..', '..'))).toBe(false);
}
