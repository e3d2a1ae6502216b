import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type CliResult, DEFAULT_SCENARIO, entente, tempDir } from '../helpers.js';

describe('entente compare on a sweep file (robustness)', () => {
  let dir: string;
  let file: string;
  let one: string;
  let two: string;
  let r1: CliResult;
  let r2: CliResult;
  beforeAll(async () => {
    dir = tempDir('entente-robust-');
    file = join(dir, 'rob.yaml');
    writeFileSync(
      file,
      `name: rob\nscenario: ${DEFAULT_SCENARIO}\ndesign: lhs\nsamples: 12\nreplications: 2\nseed: 3\nparameters:\n  actors.CHN.costAversion: { min: 0.4, max: 1.0 }\n  actors.EU.costAversion: { min: 0.2, max: 0.8 }\n`,
    );
    one = join(dir, 'w1');
    two = join(dir, 'w2');
    r1 = await entente(['compare', file, '--levers', 'coerciveWedge,rewardWedge,earlyBankSanctions', '--out', one, '-w', '1']);
    r2 = await entente(['compare', file, '--levers', 'coerciveWedge,rewardWedge,earlyBankSanctions', '--out', two, '-w', '2', '-q']);
  });
  const rows = () =>
    readFileSync(join(one, 'robustness.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(','));

  it('suggests a discovery that, run as printed, finds points (not the lever that divides everywhere)', async () => {
    const hint = /npx entente discover (\S+) --lever (\w+)(?: --threshold (\S+))?/.exec(r1.stdout);
    expect(hint, r1.stdout).not.toBeNull();
    const [, sweep, lever, threshold] = hint as RegExpExecArray;
    const d = await entente([
      'discover',
      sweep as string,
      '--lever',
      lever as string,
      ...(threshold ? ['--threshold', threshold] : []),
      '--out',
      join(dir, 'hint'),
    ]);
    expect(d.status, d.stderr).toBe(0);
    const found = /at (\d+) of 12 points/.exec(d.stdout);
    expect(Number(found?.[1])).toBeGreaterThan(0);
  });

  it('writes robustness.csv, names the best levers, and does not depend on the worker count', () => {
    expect(r1.status, r1.stderr).toBe(0);
    expect(r2.status, r2.stderr).toBe(0);
    expect(readFileSync(join(one, 'robustness.csv'), 'utf8').split('\n')[0]).toBe(
      'lever,a,b,mean_effect,worst_case,best_case,share_closer,mean_regret,max_regret,points',
    );
    expect(readFileSync(join(two, 'robustness.csv'), 'utf8')).toBe(readFileSync(join(one, 'robustness.csv'), 'utf8'));
    expect(rows()).toHaveLength(3 * 12);
    expect(r1.stdout).toMatch(/best on average: \w+; best in the worst case: \w+/);
  });

  it('regret is never negative, and mean_effect − mean_regret is the same for every lever of a pair', () => {
    const byPair = new Map<string, number[]>();
    for (const [, a, b, mean, worst, best, , meanRegret, maxRegret] of rows()) {
      expect(Number(meanRegret)).toBeGreaterThanOrEqual(0);
      expect(Number(maxRegret)).toBeGreaterThanOrEqual(Number(meanRegret) - 1e-12);
      expect(Number(best)).toBeLessThanOrEqual(Number(mean) + 1e-12);
      expect(Number(worst)).toBeGreaterThanOrEqual(Number(mean) - 1e-12);
      const key = `${a}-${b}`;
      byPair.set(key, [...(byPair.get(key) ?? []), Number(mean) - Number(meanRegret)]);
    }
    for (const values of byPair.values()) for (const v of values) expect(v).toBeCloseTo(values[0], 5);
  });
});
