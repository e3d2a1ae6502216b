/**
 * entente validate end to end (src/validate/): on the shipped validation file, the same bytes on 1
 * and 2 workers, rows whose coverage agrees with their own intervals, and calibration data apart
 * from validation data by construction: a figure the posterior was calibrated on is refused
 * (exit 2, naming it), and no file in scenarios/validation holds one.
 */
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { DEFAULT_SCENARIO, entente, expectRefused, fileIn, ROOT, tempDir } from '../helpers.js';

type Row = Record<string, string>;
const SHIPPED = join(ROOT, 'scenarios', 'validation', 'china-russia.yaml');
const rows = (file: string): Row[] => parse(readFileSync(file, 'utf8'), { columns: true }) as Row[];

describe('entente validate over the shipped posterior', () => {
  const dir = tempDir();

  it('writes the same bytes on 1 and 2 workers, and each row’s coverage is its interval’s', async () => {
    for (const w of [1, 2]) {
      const r = await entente(['validate', SHIPPED, '--out', join(dir, `w${w}`), '-w', String(w), '-q']);
      expect(r.status, r.stderr).toBe(0);
    }
    const one = readFileSync(join(dir, 'w1', 'validation.csv'), 'utf8');
    expect(readFileSync(join(dir, 'w2', 'validation.csv'), 'utf8')).toBe(one);
    const table = rows(join(dir, 'w1', 'validation.csv'));
    expect(table.length).toBeGreaterThanOrEqual(5);
    for (const r of table) {
      const [obs, lo, hi, lo50, hi50] = ['observed', 'low_90', 'high_90', 'low_50', 'high_50'].map((c) => Number(r[c]));
      expect(r.covered_90).toBe(String((lo as number) <= (obs as number) && (obs as number) <= (hi as number)));
      expect(r.covered_50).toBe(String((lo50 as number) <= (obs as number) && (obs as number) <= (hi50 as number)));
      expect(lo as number).toBeLessThanOrEqual(lo50 as number);
      expect(hi as number).toBeGreaterThanOrEqual(hi50 as number);
      expect(Number(r.crps)).toBeGreaterThanOrEqual(0);
      if (r.no_change !== '') expect(Number(r.crps_no_change)).toBeCloseTo(Math.abs(Number(r.no_change) - (obs as number)), 6);
    }
    // The yuan share's naive forecast is the record's January 2022 figure, 4%.
    expect(table.find((r) => r.figure === 'yuan_share_russia_import_settlement 2022-12')?.no_change).toBe('4');
  }, 120_000);

  it('draws a report with the intervals and the PIT histogram', async () => {
    const r = await entente(['report', join(dir, 'w1'), '-q']);
    expect(r.status, r.stderr).toBe(0);
    const html = readFileSync(join(dir, 'w1', 'report.html'), 'utf8');
    expect(html).toContain('data-chart="intervals"');
    expect(html).toContain('data-chart="pit"');
    expect(html).toMatch(/Mean CRPS in units of each figure’s tolerance/);
  }, 60_000);

  it('refuses a figure the posterior was calibrated on, naming it, and writes nothing', async () => {
    const file = fileIn(
      dir,
      'fitted.yaml',
      `scenario: ${DEFAULT_SCENARIO}\nobserved: ${join(ROOT, 'data', 'china-russia-observed.csv')}\nfigures:\n  - { indicator: bilateral_trade, period: "2024", statistic: growth, tolerance: 0.05 }\n`,
    );
    await expectRefused(dir, ['validate', file], /bilateral_trade 2024 is a calibration target/, /figures\[0\]/);
  });

  it('refuses a figure in months a target of its indicator covers, a figure listed twice, and a calibration file edited since', async () => {
    const head = `scenario: ${DEFAULT_SCENARIO}\nobserved: ${join(ROOT, 'data', 'china-russia-observed.csv')}\n`;
    // A quarter holding a target's month: overlapping months, though the period is written otherwise.
    const observed = fileIn(dir, 'observed.csv', 'indicator,period,value,unit\nsettlement_national_currency_share,2023-Q4,94,percent\n');
    const quarter = fileIn(
      dir,
      'quarter.yaml',
      `scenario: ${DEFAULT_SCENARIO}\nobserved: ${observed}\nfigures:\n  - { indicator: settlement_national_currency_share, period: 2023-Q4, statistic: mean, tolerance: 10 }\n`,
    );
    await expectRefused(dir, ['validate', quarter], /2023-Q4 is a calibration target .*\(settlement_national_currency_share 2023-11\)/);
    const twice = fileIn(
      dir,
      'twice.yaml',
      `${head}figures:\n  - { indicator: swap_line_drawdown, period: "2023", statistic: mean, tolerance: 20 }\n  - { indicator: swap_line_drawdown, period: "2023", statistic: mean, tolerance: 30 }\n`,
    );
    await expectRefused(dir, ['validate', twice], /swap_line_drawdown 2023 mean is listed twice/, /figures\[1\]/);
    // The shipped posterior with its manifest naming another text of its calibration file.
    const copy = join(dir, 'posterior-copy');
    cpSync(join(ROOT, 'scenarios', 'posteriors', 'china-russia-2022'), copy, { recursive: true });
    const manifest = JSON.parse(readFileSync(join(copy, 'manifest.json'), 'utf8'));
    manifest.calibration.sha256 = '0'.repeat(64);
    writeFileSync(join(copy, 'manifest.json'), JSON.stringify(manifest));
    const edited = fileIn(
      dir,
      'edited.yaml',
      `${head}posterior: ${copy}\nfigures:\n  - { indicator: swap_line_drawdown, period: "2023", statistic: mean, tolerance: 20 }\n`,
    );
    await expectRefused(dir, ['validate', edited], /has changed since the posterior was drawn from it/, /calibration\.file/);
    // A posterior drawn on another text of the scenario is used, with a word (as compare says it).
    manifest.calibration.sha256 = JSON.parse(
      readFileSync(join(ROOT, 'scenarios', 'posteriors', 'china-russia-2022', 'manifest.json'), 'utf8'),
    ).calibration.sha256;
    manifest.scenario.sha256 = '1'.repeat(64);
    writeFileSync(join(copy, 'manifest.json'), JSON.stringify(manifest));
    const noted = await entente(['validate', edited, '--out', join(dir, 'noted')]);
    expect(noted.status, noted.stderr).toBe(0);
    expect(noted.stderr).toMatch(/note: the posterior in .* was calibrated on another text of .*its particles are used as they are/);
  });

  it('refuses a naive basis the record does not have', async () => {
    const file = fileIn(
      dir,
      'naive.yaml',
      `scenario: ${DEFAULT_SCENARIO}\nobserved: ${join(ROOT, 'data', 'china-russia-observed.csv')}\nfigures:\n  - { indicator: swap_line_drawdown, period: "2023", statistic: mean, tolerance: 20, naive: { last: "2022" } }\n`,
    );
    await expectRefused(dir, ['validate', file], /no observed swap_line_drawdown for 2022/, /figures\[0\]\.naive\.last/);
  });
});

describe('calibration data and validation data apart', () => {
  it('no validation file holds a figure its posterior’s calibration fitted', () => {
    const folder = join(ROOT, 'scenarios', 'validation');
    const files = readdirSync(folder).filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThan(0);
    for (const name of files) {
      const file = join(folder, name);
      const spec = parseYaml(readFileSync(file, 'utf8')) as {
        scenario: string;
        posterior?: string;
        calibrate?: { file: string };
        figures: { indicator: string; period: string }[];
      };
      // The calibration file: a split's own, or the one the shipped posterior's manifest names.
      const scenario = resolve(dirname(file), spec.scenario);
      const posterior = spec.posterior
        ? resolve(dirname(file), spec.posterior)
        : resolve(dirname(scenario), (parseYaml(readFileSync(scenario, 'utf8')) as { posterior: string }).posterior);
      const calibration = spec.calibrate
        ? resolve(dirname(file), spec.calibrate.file)
        : join(
            ROOT,
            (JSON.parse(readFileSync(join(posterior, 'manifest.json'), 'utf8')) as { calibration: { file: string } }).calibration.file,
          );
      const targets = (
        parseYaml(readFileSync(calibration, 'utf8')) as { calibration: { targets: { indicator: string; period: string }[] } }
      ).calibration.targets;
      const fitted = new Set(targets.map((t) => `${t.indicator} ${t.period}`));
      for (const f of spec.figures) expect(fitted.has(`${f.indicator} ${f.period}`), `${name}: ${f.indicator} ${f.period}`).toBe(false);
    }
  });
});
