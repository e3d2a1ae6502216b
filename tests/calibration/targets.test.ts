/** Calibration targets: resolved against the scenario's observables and the observed data, or refused clearly. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { calibrationTargets } from '../../src/calibration/calibrate.js';
import { lossOf } from '../../src/calibration/evaluate.js';
import { simulated } from '../../src/calibration/targets.js';
import { zoomBox } from '../../src/calibration/zoom.js';
import { EntenteError } from '../../src/errors.js';
import { loadSweep } from '../../src/experiments/loadSweep.js';
import { formatNumber } from '../../src/io/formatNumber.js';
import { entente, ROOT, tempDir } from '../helpers.js';

function calibrationFile(targets: string): string {
  const file = join(tempDir(), 'cal.yaml');
  writeFileSync(
    file,
    `scenario: ${join(ROOT, 'scenarios', 'china-russia-2022.yaml')}
design: lhs
samples: 4
replications: 1
parameters:
  model.marketGain: { min: 0.5, max: 4 }
calibration:
  observed: ${join(ROOT, 'data', 'china-russia-observed.csv')}
  targets:
${targets}
`,
  );
  return file;
}

describe('calibration targets', () => {
  it('resolve growth from observed values and the period to its ticks', () => {
    const { targets } = calibrationTargets(
      loadSweep(calibrationFile('    - { indicator: bilateral_trade, period: "2023", statistic: growth, scale: 0.05 }')),
    );
    const t = targets[0];
    expect(t?.observed).toBeCloseTo(240.1 / 190.27 - 1, 12);
    expect([t?.from, t?.to, t?.base]).toEqual([12, 24, { from: 0, to: 12 }]);
    // 2022's growth is read against the initial (rest-point) state: the scenario starts in 2022.
    const first = calibrationTargets(
      loadSweep(calibrationFile('    - { indicator: bilateral_trade, period: "2022", statistic: growth, scale: 0.05 }')),
    ).targets[0];
    expect(first?.base).toBeNull();
    const series = Float64Array.from({ length: 48 }, (_, t) => (t < 12 ? 120 : 150));
    expect(simulated(first as NonNullable<typeof first>, series, 100)).toBeCloseTo(0.2, 12);
    expect(simulated(t as NonNullable<typeof t>, series, 100)).toBeCloseTo(0.25, 12);
  });

  it('resolve a pattern against 0, over a span of years, and score how far a run passes its bound', () => {
    const { targets } = calibrationTargets(
      loadSweep(
        calibrationFile(
          [
            '    - { indicator: chn_rus_depth, period: 2022/2025, statistic: change, bound: 0.15, scale: 0.02 }',
            '    - { indicator: rus_commitment_to_chn, period: 2025-12, statistic: rise, bound: 0.2, scale: 0.02 }',
          ].join('\n'),
        ),
      ),
    );
    const [change, rise] = targets as [NonNullable<(typeof targets)[0]>, NonNullable<(typeof targets)[0]>];
    expect([change.observed, change.from, change.to]).toEqual([0, 0, 48]);
    expect([rise.observed, rise.from, rise.to]).toEqual([0, 47, 48]);
    // Initial 0.2; the series dips to 0.15 (−25%) and ends at 0.25 (+25%).
    const series = Float64Array.from({ length: 48 }, (_, t) => (t === 10 ? 0.15 : t === 47 ? 0.25 : 0.2));
    expect(simulated(change, series, 0.2)).toBeCloseTo(0.25 - 0.15, 12); // the larger move either way, past 15%
    expect(simulated(rise, series, 0.2)).toBeCloseTo(0.25 - 0.2, 12); // December 2025's rise, past 20%
    expect(
      simulated(
        rise,
        Float64Array.from({ length: 48 }, () => 0.21),
        0.2,
      ),
    ).toBe(0); // +5%: holds, costs nothing
    expect(Number.isFinite(simulated(change, series, 0))).toBe(false); // no positive start to move from: scoring reports it
    expect(
      Number.isFinite(
        simulated(
          rise,
          Float64Array.from({ length: 48 }, () => -2),
          -1,
        ),
      ),
    ).toBe(false);
  });

  it('a stated model discrepancy adds to the scale in quadrature: the loss divides by √(scale² + discrepancy²)', () => {
    const { targets } = calibrationTargets(
      loadSweep(
        calibrationFile(
          '    - { indicator: swap_line_drawdown, period: "2023", statistic: mean, scale: 15, discrepancy: 20 }\n    - { indicator: bilateral_trade, period: "2023", statistic: growth, scale: 0.05 }',
        ),
      ),
    );
    expect(targets.map((t) => t.errorScale)).toEqual([25, 0.05]);
    // 50 bn off where the observed figure is 59.7: (50 / 25)² = 4, where the scale alone would give 11.1.
    const observed = targets.map((t) => t.observed);
    expect(lossOf(targets, [observed[0] - 50, observed[1]])).toBeCloseTo(4, 12);
  });

  it.each([
    [
      'an indicator the scenario does not map',
      '{ indicator: gdp, period: "2023", statistic: mean, scale: 1 }',
      /no such observable/,
      'indicator',
    ],
    ['a period outside the run', '{ indicator: bilateral_trade, period: "2030", statistic: mean, scale: 1 }', /not simulated/, 'period'],
    [
      'a period with no observed figure',
      '{ indicator: swap_line_drawdown, period: "2024", statistic: mean, scale: 1 }',
      /no observed value/,
      'period',
    ],
    [
      'a figure in another unit',
      '{ indicator: urals_discount_to_brent, period: 2023-01, statistic: mean, scale: 1 }',
      /observed in USD\/bbl, simulated in percent of Brent/,
      'indicator',
    ],
    ['growth over a month', '{ indicator: bilateral_trade, period: 2023-03, statistic: growth, scale: 1 }', /year on year/, 'period'],
    [
      'a pattern with no bound',
      '{ indicator: chn_rus_depth, period: 2022/2025, statistic: change, scale: 1 }',
      /needs the move it allows/,
      'bound',
    ],
    [
      'a bound on a figure',
      '{ indicator: bilateral_trade, period: "2023", statistic: mean, scale: 1, bound: 0.1 }',
      /a bound is for rise and change/,
      'bound',
    ],
    [
      'a span of years on a figure',
      '{ indicator: bilateral_trade, period: 2022/2023, statistic: mean, scale: 1 }',
      /a span of years is for rise and change/,
      'period',
    ],
    [
      'a conversion on a pattern',
      '{ indicator: chn_rus_depth, period: 2022/2025, statistic: change, bound: 0.1, scale: 1, per: { indicator: brent_price, factor: 100, unit: index } }',
      /a pattern reads no observed value/,
      'per',
    ],
    [
      'a span that runs backwards',
      '{ indicator: chn_rus_depth, period: 2025/2022, statistic: change, bound: 0.1, scale: 1 }',
      /runs backwards/,
      'period',
    ],
  ])('refuse %s, naming the target', async (_what, target, message, field) => {
    const file = calibrationFile(`    - ${target}`);
    try {
      calibrationTargets(loadSweep(file));
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(EntenteError);
      expect((err as EntenteError).message).toMatch(message);
      expect((err as EntenteError).where.path).toBe(`calibration.targets[0].${field}`);
    }
    const r = await entente(['calibrate', file, '--out', join(tempDir(), 'o')]);
    expect(r.status).toBe(2);
  });

  it('calibrate writes calibration.csv tidy (a row per point and target) and targets.csv at the best point', async () => {
    const file = calibrationFile(
      [
        '    - { indicator: bilateral_trade, period: "2023", statistic: mean, scale: 20 }',
        '    - { indicator: bilateral_trade, period: "2024", statistic: mean, scale: 20 }',
      ].join('\n'),
    );
    const out = join(tempDir(), 'o');
    const r = await entente(['calibrate', file, '--out', out, '-q']);
    expect(r.status, r.stderr).toBe(0);
    const [header, ...rows] = readFileSync(join(out, 'calibration.csv'), 'utf8').trim().split('\n');
    expect(header).toBe('point,round,model.marketGain,loss,indicator,period,statistic,observed,simulated');
    const cells = rows.map((row) => row.split(','));
    expect(new Set(cells.map((c) => c[0])).size * 2).toBe(cells.length); // every point, on both targets
    expect(cells.map((c) => c[5])).toEqual(cells.map((_, i) => (i % 2 === 0 ? '2023' : '2024')));
    for (let i = 0; i < cells.length; i += 2) expect(cells[i]?.slice(0, 4)).toEqual(cells[i + 1]?.slice(0, 4)); // a point's values and loss on each of its rows
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { best: { point: number; loss: number } };
    const losses = cells.map((c) => Number(c[3]));
    expect(Math.min(...losses)).toBe(Number(formatNumber(manifest.best.loss)));
    const best = cells.filter((c) => Number(c[0]) === manifest.best.point);
    const targets = readFileSync(join(out, 'targets.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((row) => row.split(','));
    expect(targets.map((t) => t[4])).toEqual(best.map((c) => c[8])); // simulated at the best point, target by target
  });

  it('zoom boxes shrink around the centre and stay inside the range', () => {
    expect(zoomBox({ min: 0, max: 1 }, 0.5, 0.5)).toEqual({ min: 0.25, max: 0.75 });
    expect(zoomBox({ min: 0, max: 1 }, 0.95, 0.5)).toEqual({ min: 0.5, max: 1 });
    const log = zoomBox({ min: 1, max: 100, log: true }, 10, 0.5);
    expect(log.min).toBeCloseTo(10 ** 0.5, 12);
    expect(log.max).toBeCloseTo(10 ** 1.5, 12);
  });
});
