/**
 * One story on fit (issue 32): a run of the scenario as calibrated is judged, in its report, by
 * the calibrated posterior's predictive band (the band the calibration report judges by), with the
 * noise-only band drawn and named as such; a run that is not the scenario as calibrated (a --set)
 * says its band is the model's noise only, and why the predictive band is not drawn.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO, entente, tempDir } from '../helpers.js';

const headline = (html: string) =>
  /<figure class="chart" data-chart="observables"><h2>[^<]*<\/h2>\n<p class="headline">([^<]*)<\/p>/.exec(html)?.[1] ?? '';

describe('the run report’s fit', () => {
  it('is judged by the calibrated posterior’s predictive band where the run is the scenario as calibrated', async () => {
    const out = join(tempDir(), 'run');
    const r = await entente(['run', DEFAULT_SCENARIO, '-r', '4', '--out', out, '--report', '-q']);
    expect(r.status, r.stderr).toBe(0);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(headline(html)).toMatch(
      /^\d+ of \d+ observed figures lie inside the calibrated posterior’s 90% predictive band \(the model’s noise alone covers \d+\)/,
    );
    expect(html).toContain('predictive.csv), what the fit is judged by; blue: this run’s median');
  }, 60_000);

  it('says a run with --set is judged by its noise only, and why', async () => {
    const out = join(tempDir(), 'set');
    const r = await entente(['run', DEFAULT_SCENARIO, '-r', '4', '--set', 'actors.CHN.costAversion=0.5', '--out', out, '--report', '-q']);
    expect(r.status, r.stderr).toBe(0);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(headline(html)).toMatch(/observed figures lie inside the simulated 90% band of the model’s noise only/);
    expect(html).toMatch(/predictive band \([^)]*predictive\.csv\) is not drawn: this run is not the scenario as calibrated/);
  }, 60_000);
});
