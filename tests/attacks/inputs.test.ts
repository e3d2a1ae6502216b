/**
 * Attack: inputs that are not what they claim. A scenario nested 10,000 deep (an internal
 * RangeError), an actor named __proto__ (passed check), a FIFO where a file belongs (hung the
 * command), a parse-cache entry rewritten with its digest recomputed (used other data while the
 * manifest recorded the real file's hash), ENTENTE_CACHE naming a file (every command failed), a
 * log-scale range up to a schema bound (refused: 10.00000000000001), a run's pairs.csv emptied
 * or edited (report drew it with exit 0). Processes run through the built binary with a time
 * limit, so a hang fails the test instead of stalling the suite.
 */

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordTopLevelSync } from '../../src/io/fileRecord.js';
import { BIN, ROOT, tempDir } from '../helpers.js';

const dir = tempDir('entente-attack-inputs-');
const TUTORIAL = join(ROOT, 'scenarios', 'tutorial.yaml');

/** The built binary, with `env` added and at most 20 s: a hang is a failure with status null. */
function entente(args: readonly string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', timeout: 20_000, env: { ...process.env, ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function refused(r: ReturnType<typeof entente>, message: RegExp) {
  expect(r.status, r.stderr).toBe(2);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(message);
}

const mkfifo = (path: string) => expect(spawnSync('mkfifo', [path]).status).toBe(0);

describe('deep nesting and reserved keys', () => {
  const deep = 10_000;
  const json = join(dir, 'deep.json');
  writeFileSync(json, `{"name": "deep", "ticks": 3, "actors": ${'['.repeat(deep)}${']'.repeat(deep)}}`);
  const yaml = join(dir, 'deep.yaml');
  writeFileSync(yaml, `name: deep\nticks: 3\nactors: ${'['.repeat(deep)}${']'.repeat(deep)}\n`);

  it.each(['check', 'run', 'explore'])('JSON nested 10,000 deep: %s says so, exit 2', (command) => {
    refused(
      entente([command, json, '--out', join(dir, `deep-${command}`)].slice(0, command === 'check' ? 2 : 4)),
      /nested more than 64 levels deep/,
    );
  });

  it('YAML nested 10,000 deep: exit 2, not an internal error', () => {
    const r = entente(['run', yaml, '--out', join(dir, 'deep-yaml')]);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).not.toMatch(/internal error/);
  });

  it('an actor named __proto__, constructor, toString or prototype is refused by check, naming the line', () => {
    const file = join(dir, 'proto.yaml');
    writeFileSync(
      file,
      'name: proto\nticks: 3\nactors:\n  __proto__: { economy: 1, costAversion: 0.5, exposureAversion: 0.5, opportunism: 0.5, commitmentNorm: 0.5 }\n  B: { economy: 1, costAversion: 0.5, exposureAversion: 0.5, opportunism: 0.5, commitmentNorm: 0.5 }\n  C: { economy: 1, costAversion: 0.5, exposureAversion: 0.5, opportunism: 0.5, commitmentNorm: 0.5 }\nties:\n  - { from: B, to: C, commitment: { trade: 0.3 } }\n',
    );
    refused(entente(['check', file]), /proto\.yaml:4: actors\.__proto__: a key named __proto__ is not allowed/);
    for (const key of ['constructor', 'toString', 'prototype']) {
      const named = join(dir, `${key}.yaml`);
      writeFileSync(named, readFileSync(file, 'utf8').replaceAll('__proto__', key));
      refused(entente(['check', named]), new RegExp(`actors\\.${key}: a key named ${key} is not allowed`));
    }
  });
});

describe('only regular files are read', () => {
  it('a FIFO given as the scenario: one line, at once', () => {
    const fifo = join(dir, 'scenario-fifo.yaml');
    mkfifo(fifo);
    refused(entente(['run', fifo, '--out', join(dir, 'fifo-run')]), /is a FIFO \(named pipe\), not a regular file/);
    refused(entente(['check', fifo]), /is a FIFO/);
  });

  it('a FIFO as a posterior’s manifest.json: said to be a FIFO, not "missing"', () => {
    const posterior = join(dir, 'fifo-posterior');
    cpSync(join(ROOT, 'scenarios', 'posteriors', 'china-russia-2022'), posterior, { recursive: true });
    spawnSync('rm', [join(posterior, 'manifest.json')]);
    mkfifo(join(posterior, 'manifest.json'));
    refused(
      entente([
        'compare',
        join(ROOT, 'scenarios', 'china-russia-2022.yaml'),
        '--posterior',
        posterior,
        '--out',
        join(dir, 'fifo-compare'),
        '-q',
      ]),
      /manifest\.json: is a FIFO/,
    );
  });

  it('a FIFO named summary.csv in a run: report refuses it instead of hanging', () => {
    const run = join(dir, 'fifo-report');
    expect(entente(['run', TUTORIAL, '--out', run, '-q', '-r', '1']).status).toBe(0);
    const summary = join(run, 'summary.csv');
    spawnSync('rm', [summary]);
    mkfifo(summary);
    const r = entente(['report', run, '-q']);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/summary\.csv: is a FIFO/);
  });
});

describe('the parse cache vouches only for what it read', () => {
  const cacheOf = (name: string) => {
    const cache = join(dir, name);
    mkdirSync(cache, { recursive: true });
    return cache;
  };
  const scenario = join(dir, 'cached.yaml');
  writeFileSync(scenario, readFileSync(TUTORIAL, 'utf8').replace(/^replications: 10\b/m, 'replications: 2'));
  const replicationsOf = (out: string) =>
    (JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { replications: number }).replications;

  it('an entry rewritten with its digest recomputed is parsed again, not used', () => {
    const cache = cacheOf('cache-forged');
    expect(entente(['run', scenario, '--out', join(dir, 'cached-1'), '-q'], { ENTENTE_CACHE: cache }).status).toBe(0);
    const [entry] = readdirSync(join(cache, 'yaml'));
    const path = join(cache, 'yaml', entry as string);
    const text = readFileSync(path, 'utf8');
    const json = text.slice(text.indexOf('\n') + 1).replace('"replications":2', '"replications":3');
    expect(json).toContain('"replications":3');
    writeFileSync(path, `${createHash('sha256').update(json).digest('hex')}\n${json}`);
    const out = join(dir, 'cached-2');
    expect(entente(['run', scenario, '--out', out, '-q'], { ENTENTE_CACHE: cache }).status).toBe(0);
    expect(replicationsOf(out)).toBe(2);
  });

  it('a FIFO at the entry: parsed again, not waited on', () => {
    const cache = cacheOf('cache-fifo');
    expect(entente(['run', scenario, '--out', join(dir, 'cached-3'), '-q'], { ENTENTE_CACHE: cache }).status).toBe(0);
    const [entry] = readdirSync(join(cache, 'yaml'));
    const path = join(cache, 'yaml', entry as string);
    spawnSync('rm', [path]);
    mkfifo(path);
    const r = entente(['run', scenario, '--out', join(dir, 'cached-4'), '-q'], { ENTENTE_CACHE: cache });
    expect(r.status, r.stderr).toBe(0);
  });

  it('ENTENTE_CACHE naming a regular file: the cache is skipped, the command runs', () => {
    const file = join(dir, 'not-a-directory');
    writeFileSync(file, 'x');
    const r = entente(['run', scenario, '--out', join(dir, 'cached-5'), '-q'], { ENTENTE_CACHE: file });
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe('x');
  });
});

describe('commands printed for pasting', () => {
  it('a file named with shell syntax is quoted in every next step: pasted, the line runs nothing else', () => {
    const name = join(dir, "tut $(touch PWNED) ;id;#'.yaml");
    writeFileSync(name, readFileSync(TUTORIAL));
    const r = entente(['run', name, '--out', join(dir, 'quoted run'), '-r', '1']);
    expect(r.status, r.stderr).toBe(0);
    const steps = r.stdout
      .split('\n')
      .filter((l) => /^(next| {2}or): npx entente /.test(l))
      .map((l) => (l.replace(/^(next| {2}or): npx entente /, '').split('   #')[0] as string).trim());
    expect(steps.length).toBeGreaterThan(0);
    for (const step of steps) {
      const echoed = spawnSync('sh', ['-c', `printf '%s\\n' ${step}`], { cwd: dir, encoding: 'utf8' });
      expect(echoed.stdout.split('\n').filter(Boolean)).toContain(step.includes('compare') ? name : join(dir, 'quoted run'));
    }
    expect(readdirSync(dir)).not.toContain('PWNED');
  });
});

describe('paths where mkdir never succeeds', () => {
  it('--out under /proc/self, and the parse cache there: one line, or skipped; never a spin that only kill -9 stops', () => {
    const r = entente(['run', TUTORIAL, '--out', '/proc/self/x/y', '-q']);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(entente(['check', TUTORIAL], { ENTENTE_CACHE: '/proc/self' }).status).toBe(0);
  });
});

describe('ranges and read-back outputs', () => {
  it('a log-scale range up to a schema bound: its ends are the bounds as written', () => {
    const file = join(dir, 'log.yaml');
    writeFileSync(
      file,
      `scenario: ${TUTORIAL}\nname: log\ndesign: grid\nreplications: 1\nseed: 1\nparameters:\n  model.stepSize: { min: 0.1, max: 10, log: true, steps: 3 }\n`,
    );
    const out = join(dir, 'log-sweep');
    const r = entente(['sweep', file, '--out', out, '-q', '-w', '1']);
    expect(r.status, r.stderr).toBe(0);
    expect(
      readFileSync(join(out, 'points.csv'), 'utf8')
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.split(',')[1]),
    ).toEqual(['0.1', expect.stringMatching(/^1(\.0+\d*)?$/), '10']);
  });

  it('a run’s record, made as its files were written, is what the files hold (CSV and Parquet)', () => {
    for (const format of ['csv', 'parquet']) {
      const run = join(dir, `recorded-${format}`);
      expect(entente(['run', TUTORIAL, '--out', run, '-q', '-r', '2', '--contributions', '--format', format]).status).toBe(0);
      const files = (JSON.parse(readFileSync(join(run, 'manifest.json'), 'utf8')) as { files: Record<string, object> }).files;
      const onDisk = recordTopLevelSync(run);
      expect(Object.keys(onDisk).length).toBeGreaterThan(4);
      for (const [name, proof] of Object.entries(onDisk)) expect(files[name], name).toMatchObject(proof);
    }
  });

  it('report on a run whose pairs.csv was emptied or edited: refused, naming the file', () => {
    const run = join(dir, 'edited-run');
    expect(entente(['run', TUTORIAL, '--out', run, '-q', '-r', '1']).status).toBe(0);
    const pairs = join(run, 'pairs.csv');
    const original = readFileSync(pairs, 'utf8');
    writeFileSync(pairs, `${original.split('\n')[0]}\n`);
    refused(entente(['report', run, '-q']), /pairs\.csv: file is damaged: \d+ bytes where \d+ were written/);
    writeFileSync(
      pairs,
      original.replace(/,0\.(\d)/, (_, d) => `,0.${(Number(d) + 1) % 10}`),
    );
    refused(entente(['report', run, '-q']), /pairs\.csv: file is damaged: its bytes differ/);
  });
});
