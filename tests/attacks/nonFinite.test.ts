/**
 * Attack: an observable that is a number on the initial state and stops being one part-way
 * (0/0 at tick 5, the square root of a value that turns negative at tick 11). Each study that
 * meets it stops with one line naming the observable, the tick and the point or replication, exit
 * 3, and writes nothing that looks finished (src/experiments/runFailure.ts). Before: `run` exited
 * 0 with blank values and complete: true, `calibrate` printed an empty best loss and suggested
 * --apply, ABC ran on to 10⁷ proposals printing nothing, and sqrt was an "internal error".
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { entente, ROOT, tempDir } from '../helpers.js';

const dir = tempDir('entente-attack-nan-');
const tutorial = readFileSync(join(ROOT, 'scenarios', 'tutorial.yaml'), 'utf8');

/** The tutorial scenario with one observable, `expression`, as `name`.yaml. */
function scenarioWith(name: string, expression: string): string {
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, `${tutorial}\nobservables:\n  turns:\n    expression: ${expression}\n    unit: index\n`);
  return file;
}

/** A calibration of `scenario` with one target on `turns`. */
function calibrationOf(scenario: string): string {
  writeFileSync(join(dir, 'observed.csv'), 'indicator,period,value,unit\nturns,2029,1,index\nturns,2030,0.5,index\n');
  const file = join(dir, `${scenario.split('/').pop()}-calibration.yaml`);
  writeFileSync(
    file,
    `name: nan\nscenario: ${scenario}\ndesign: grid\nreplications: 1\nseed: 1\nparameters:\n  actors.P.costAversion: { min: 0.3, max: 0.6, steps: 2 }\ncalibration:\n  observed: observed.csv\n  targets:\n    - { indicator: turns, period: "2030", statistic: mean, scale: 1 }\n`,
  );
  return file;
}

const NAN = scenarioWith('nan', '1 / (t - 5) - 1 / (t - 5) + depth(P, Q)');
const ROOT_OF_NEGATIVE = scenarioWith('sqrt', 'sqrt(10 - t)');
const LOG_OF_NEGATIVE = scenarioWith('log', 'log(12 - t)');

function stopped(r: { status: number | null; stderr: string }, what: RegExp) {
  expect(r.status, r.stderr).toBe(3);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(what);
  expect(r.stderr).not.toMatch(/internal error/);
}

describe('a value that stops being a number part-way stops the study that meets it', () => {
  it('run: NaN at tick 5, with the replication; no output left', async () => {
    const out = join(dir, 'run-nan');
    stopped(await entente(['run', NAN, '--out', out, '-q']), /observable turns is NaN at tick 5 — at replication 0 \(seed \d+\)/);
    expect(existsSync(out)).toBe(false);
  });

  it('run: the square root or logarithm of a value that turns negative', async () => {
    stopped(
      await entente(['run', ROOT_OF_NEGATIVE, '--out', join(dir, 'run-sqrt'), '-q']),
      /observable turns is not a number at tick 11: sqrt\(-1\) is not a real number/,
    );
    stopped(await entente(['run', LOG_OF_NEGATIVE, '--out', join(dir, 'run-log'), '-q']), /observable turns is -Infinity at tick 12/);
  });

  it('calibrate: stops at the first point that meets it, naming the point and its values; nothing to --apply', async () => {
    const out = join(dir, 'calibrate-nan');
    const r = await entente(['calibrate', calibrationOf(NAN), '--out', out, '-q', '-w', '1']);
    stopped(r, /observable turns is NaN at tick 5 — at point 0 \(actors\.P\.costAversion=0\.3\)/);
    expect(r.stdout).not.toMatch(/--apply/);
    expect(existsSync(join(out, 'manifest.json')) && JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).complete).not.toBe(true);
  });

  it('calibrate --method abc: stops at once instead of proposing for ever', { timeout: 60_000 }, async () => {
    const r = await entente([
      'calibrate',
      calibrationOf(NAN),
      '--method',
      'abc',
      '--particles',
      '8',
      '--out',
      join(dir, 'abc-nan'),
      '-q',
      '-w',
      '1',
    ]);
    stopped(r, /observable turns is NaN at tick 5 — at point \d+ \(actors\.P\.costAversion=/);
  });

  it('a target statistic that is not a number (growth against a base of 0) stops calibrate too', async () => {
    const zero = scenarioWith('zero', 'max(0, t - 30)'); // 0 in every tick of 2030 and at the start: growth is 0/0 − 1
    const file = calibrationOf(zero);
    writeFileSync(file, readFileSync(file, 'utf8').replace('statistic: mean', 'statistic: growth'));
    const r = await entente(['calibrate', file, '--out', join(dir, 'calibrate-zero'), '-q', '-w', '1']);
    stopped(r, /target turns 2030: its simulated growth is NaN — at point 0 \(actors\.P\.costAversion=0\.3\)/);
  });
});
