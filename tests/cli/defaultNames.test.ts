/**
 * Two studies of one file never share a default output (docs/reference.md, "Where output goes"):
 * the comparison over replications does not replace the one over the posterior, and a sweep's
 * explore page does not replace the scenario's (issue 32: both did, without a word).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO, entente, ROOT, tempDir } from '../helpers.js';

describe('default output names', () => {
  it('compare --no-posterior writes beside the comparison over the posterior, not over it', async () => {
    const cwd = tempDir();
    const levers = ['--levers', 'coerciveWedge'];
    expect((await entente(['compare', DEFAULT_SCENARIO, ...levers, '-r', '1', '-q'], cwd)).status).toBe(0);
    expect((await entente(['compare', DEFAULT_SCENARIO, '--no-posterior', ...levers, '-r', '2', '-q'], cwd)).status).toBe(0);
    for (const dir of ['china-russia-2022-compare', 'china-russia-2022-compare-replications'])
      expect(existsSync(join(cwd, 'out', dir, 'levers.csv')), dir).toBe(true);
    expect(existsSync(join(cwd, 'out', 'china-russia-2022-compare', 'particles.csv'))).toBe(true); // still the posterior's
  }, 120_000);

  it('explore on a sweep file names its page by the sweep, beside the scenario’s', async () => {
    const cwd = tempDir();
    const sweep = join(ROOT, 'scenarios', 'sweeps', 'china-cost-aversion.yaml');
    expect((await entente(['explore', DEFAULT_SCENARIO, '-q'], cwd)).status).toBe(0);
    expect((await entente(['explore', sweep, '-q'], cwd)).status).toBe(0);
    for (const page of ['china-russia-2022-explore.html', 'china-cost-aversion-explore.html'])
      expect(existsSync(join(cwd, 'out', page)), page).toBe(true);
  }, 60_000);
});
