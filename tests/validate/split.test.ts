/**
 * Time splits, calibrated from scratch by entente validate (src/validate/split.ts): a small version
 * (few particles, as CI runs them) of the shipped splits draws its posterior in OUT/posterior and
 * scores the figures after the split; the same bytes on 1 and 2 workers, resumed, and run as
 * shards collected between rounds (what slurm/validate.sbatch loops); a conditional forecast
 * writes its whole fan and is judged at the evidence's reading; a figure observed before the split
 * is refused.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { entente, expectRefused, fileIn, ROOT, tempDir } from '../helpers.js';

type Row = Record<string, string>;
const MID = join(ROOT, 'scenarios', 'validation', 'split-mid-2023.yaml');
const DEC = join(ROOT, 'scenarios', 'validation', 'split-dec-2023.yaml');
const SMALL = ['--particles', '60', '--generations', '2'];
const rows = (dir: string): Row[] => parse(readFileSync(join(dir, 'validation.csv'), 'utf8'), { columns: true }) as Row[];
const text = (dir: string) => readFileSync(join(dir, 'validation.csv'), 'utf8');

describe('a time split calibrated from scratch', () => {
  const dir = tempDir();

  it('draws its posterior in OUT/posterior and scores the figures after June 2023; the same bytes on 1 and 2 workers', async () => {
    for (const w of [1, 2]) {
      const r = await entente(['validate', MID, ...SMALL, '--out', join(dir, `mid-${w}`), '-w', String(w), '-q']);
      expect(r.status, r.stderr).toBe(0);
    }
    expect(text(join(dir, 'mid-2'))).toBe(text(join(dir, 'mid-1')));
    const table = rows(join(dir, 'mid-1'));
    expect(table.map((r) => r.figure)).toEqual([
      'bilateral_trade 2023',
      'urals_discount_to_brent 2023-09',
      'settlement_national_currency_share 2023-09',
      'settlement_national_currency_share 2023-11',
    ]);
    expect(existsSync(join(dir, 'mid-1', 'posterior', 'posterior.csv'))).toBe(true);
    const manifest = JSON.parse(readFileSync(join(dir, 'mid-1', 'manifest.json'), 'utf8'));
    expect([manifest.complete, manifest.posterior.particles, manifest.posterior.calibratedFromScratch]).toEqual([true, 60, true]);
    // The trade figure's naive forecasts from the record: no change 0, the trend 2022's growth (190.27 / 146.9 − 1).
    const trade = table[0] as Row;
    expect(Number(trade.no_change)).toBe(0);
    expect(Number(trade.trend)).toBeCloseTo(190.27 / 146.9 - 1, 6);
  }, 120_000);

  it('resumed when complete, scores the same posterior again: the same bytes, the posterior untouched', async () => {
    const before = readFileSync(join(dir, 'mid-1', 'posterior', 'manifest.json'), 'utf8');
    const r = await entente(['validate', MID, ...SMALL, '--out', join(dir, 'mid-1'), '--resume', '-q']);
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(join(dir, 'mid-1', 'posterior', 'manifest.json'), 'utf8')).toBe(before);
    expect(text(join(dir, 'mid-1'))).toBe(text(join(dir, 'mid-2')));
  }, 60_000);

  it('run as shards collected between rounds (slurm/validate.sbatch), writes the one-process bytes', async () => {
    const out = join(dir, 'sharded');
    const call = (extra: string[]) => entente(['validate', MID, ...SMALL, '--out', out, '-q', ...extra]);
    expect((await call(['--collect'])).status).toBe(0);
    for (let round = 0; round < 10 && !existsSync(join(out, 'validation.csv')); round++) {
      for (const k of ['1/2', '2/2']) {
        const r = await call(['--shard', k, '-w', '1']);
        expect(r.status, r.stderr).toBe(0);
      }
      expect((await call(['--collect'])).status).toBe(0);
    }
    expect(text(out)).toBe(text(join(dir, 'mid-1')));
  }, 120_000);

  it('a conditional forecast writes its whole fan, judged at the evidence’s reading only', async () => {
    const out = join(dir, 'dec');
    const r = await entente(['validate', DEC, ...SMALL, '--out', out, '-q']);
    expect(r.status, r.stderr).toBe(0);
    const table = rows(out);
    expect(table.map((t) => `${t.figure}@${t.condition}:${t.judged}`)).toEqual(
      ['bilateral_trade 2024', 'china_crude_imports_from_russia 2024'].flatMap((f) =>
        ['0.3', '0.5', '0.7', '1'].map((c) => `${f}@${c}:${c === '0.7'}`),
      ),
    );
    for (const t of table) expect(t.passed).toBe(String(t.covered_90 === 'true' && Number(t.width_90) <= 0.25));
    // The record has no 2022 crude volume: no trend for its growth, and no change at 0.
    const crude = table.find((t) => t.figure.startsWith('china_crude')) as Row;
    expect([crude.no_change, crude.trend]).toEqual(['0', '']);
  }, 120_000);

  it('refuses a figure observed before the split, and --shard on a named posterior', async () => {
    const early = fileIn(
      dir,
      'early.yaml',
      `scenario: ${join(ROOT, 'scenarios', 'china-russia-2022.yaml')}
calibrate: { file: ${join(ROOT, 'scenarios', 'calibration', 'china-russia-to-mid-2023.yaml')}, particles: 60 }
observed: ${join(ROOT, 'data', 'china-russia-observed.csv')}
figures:
  - { indicator: settlement_national_currency_share, period: 2023-03, statistic: mean, tolerance: 10 }
`,
    );
    await expectRefused(
      dir,
      ['validate', early, ...SMALL],
      /settlement_national_currency_share 2023-03 was observed before the split/,
      /figures\[0\]\.period/,
    );
    const peeking = fileIn(
      dir,
      'peeking.yaml',
      `scenario: ${join(ROOT, 'scenarios', 'china-russia-2022.yaml')}
calibrate: { file: ${join(ROOT, 'scenarios', 'calibration', 'china-russia-to-mid-2023.yaml')}, particles: 60 }
observed: ${join(ROOT, 'data', 'china-russia-observed.csv')}
figures:
  - { indicator: settlement_national_currency_share, period: 2023-11, statistic: mean, tolerance: 10, naive: { last: 2023-09 } }
`,
    );
    await expectRefused(
      dir,
      ['validate', peeking, ...SMALL],
      /its naive basis 2023-09 was observed after the split/,
      /figures\[0\]\.naive\.last/,
    );
    // A calibration of another scenario is no split of this one.
    const otherCalibration = fileIn(
      dir,
      'other-calibration.yaml',
      `scenario: ${join(ROOT, 'scenarios', 'tutorial.yaml')}
design: lhs
samples: 4
parameters:
  model.stepSize: { min: 0.5, max: 1 }
calibration:
  observed: ${join(ROOT, 'data', 'china-russia-observed.csv')}
  targets:
    - { indicator: bilateral_trade, period: "2022", statistic: growth, scale: 0.05 }
`,
    );
    const other = fileIn(
      dir,
      'other.yaml',
      `scenario: ${join(ROOT, 'scenarios', 'china-russia-2022.yaml')}
calibrate: { file: ${otherCalibration}, particles: 20 }
observed: ${join(ROOT, 'data', 'china-russia-observed.csv')}
figures:
  - { indicator: settlement_national_currency_share, period: 2023-09, statistic: mean, tolerance: 10 }
`,
    );
    await expectRefused(dir, ['validate', other, ...SMALL], /calibrates another scenario/, /calibrate\.file/);
    await expectRefused(
      dir,
      ['validate', join(ROOT, 'scenarios', 'validation', 'china-russia.yaml'), '--shard', '1/2'],
      /--shard and --collect are for a time split/,
    );
  }, 60_000);
});
