/**
 * The report of compare --robustness over the shipped posterior (src/report/signsContent.ts): it
 * opens with the comparison over the posterior, whose headline sentence says, beside the verdict
 * and what its probability covers, where that lever's sign turns over the prior; the ranked table
 * carries the same words per lever, and they are signs.csv's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO, entente, fileIn, tempDir } from '../helpers.js';

type Row = Record<string, string>;

describe('the report of compare --robustness', () => {
  it('says in the verdict’s own sentence where the sign turns, as signs.csv does', async () => {
    const dir = tempDir();
    const prior = fileIn(
      dir,
      'blame.yaml',
      `name: blame-prior
scenario: ${DEFAULT_SCENARIO}
design: lhs
samples: 16
replications: 1
seed: 5
parameters:
  model.sanctionBlame: { min: 0, max: 1 }
`,
    );
    const out = join(dir, 'study');
    const args = ['compare', DEFAULT_SCENARIO, '--levers', 'coerciveWedge,rewardWedge', '-r', '1', '--robustness', prior];
    const r = await entente([...args, '--out', out, '-q']);
    expect(r.status, r.stderr).toBe(0);
    const report = await entente(['report', out, '-q']);
    expect(report.status, report.stderr).toBe(0);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    const headline = /<p class="headline">([^<]*)<\/p>/.exec(html)?.[1] ?? '';
    expect(headline).toMatch(/a probability over its \d+ calibrated parameters and not over the model’s structure/);
    expect(headline).toMatch(/; mostly (closer|apart) over the prior, /);
    const signs = parse(readFileSync(join(out, 'signs.csv'), 'utf8'), { columns: true }) as Row[];
    const reward = signs.find((s) => s.lever === 'rewardWedge' && s.outcome === 'depth_final') as Row;
    expect(reward.sign_fixed).toBe('true');
    // The ranked table's column holds the same words for the reward: its sign fixed by structure.
    expect(html).toContain('where its sign turns (prior, final depth)');
    expect(html).toMatch(/never (closer|apart|beyond the minimum effect) in 16 prior points: sign fixed by structure/);
    // The posterior's comparison is drawn (the forest plot), and the signs table follows it.
    expect(html).toContain('data-chart="forest"');
    expect(html).toContain('Where each lever’s sign turns');
  }, 120_000);
});
