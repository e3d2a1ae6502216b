/**
 * The explore page reuses the runs it made for its charts as arms of the lever comparison. The
 * effects must be exactly those of running every arm afresh, including when a lever's own `set:`
 * names a value a slider moved (then the view's run is not that arm, and is not reused).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { leverEffects } from '../../src/explore/levers.js';
import { type Embedded, resolve, runPage, type Settings } from '../../src/explore/model.js';
import { entente, ROOT, tempDir } from '../helpers.js';

describe('the lever chart reuses the view’s runs', () => {
  let page: Embedded;
  beforeAll(async () => {
    const out = join(tempDir('entente-reuse-'), 'tutorial.html');
    const r = await entente(['explore', join(ROOT, 'scenarios', 'tutorial.yaml'), '--out', out, '-q']);
    expect(r.status, r.stderr).toBe(0);
    page = JSON.parse(/<script type="application\/json" id="entente-data">(.*?)<\/script>/s.exec(readFileSync(out, 'utf8'))?.[1] ?? '{}');
  });

  const settings = (lever: string | undefined, set: Record<string, number> = {}): Settings => ({
    set: { ...Object.fromEntries(page.controls.map((c) => [c.path, c.value])), ...set },
    lever,
    seed: page.seed,
    replications: page.replications,
  });

  it.each([
    ['no lever', undefined, {}],
    ['a lever with shocks of its own', 'reward', { 'actors.P.costAversion': 0.3 }],
    ['a lever setting the value a slider moved (not reused)', 'softer', { 'shocks.bankSanctions.enforcement': 0.9 }],
    ['a lever setting a value no slider moved', 'softer', { 'actors.P.costAversion': 0.3 }],
  ])('%s: the same effects as every arm run afresh', (_what, lever, set) => {
    const s = settings(lever, set);
    expect(page.controls.map((c) => c.path)).toEqual(expect.arrayContaining(Object.keys(set)));
    const view = runPage(resolve(page, s), page.focus[0]);
    const baseline = lever ? runPage(resolve(page, { ...s, lever: undefined }), page.focus[0]) : view;
    const known = lever ? { baseline: baseline.outcomes, lever: { name: lever, outcomes: view.outcomes } } : { baseline: view.outcomes };
    const fresh = leverEffects(page, s);
    expect(fresh.length).toBeGreaterThan(0);
    expect(leverEffects(page, s, known)).toEqual(fresh);
  });

  it('runs an arm whose known runs are not a whole set (a view run without outcomes)', () => {
    const s = settings(undefined);
    const bare = runPage(resolve(page, s), page.focus[0], false);
    expect(bare.outcomes).toEqual([]);
    expect(leverEffects(page, s, { baseline: bare.outcomes })).toEqual(leverEffects(page, s));
  });
});
