/** entente explore as a command: what it embeds, which sliders, and what it refuses (the page itself: browser.test.ts). */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Embedded } from '../../src/explore/model.js';
import { loadScenario } from '../../src/scenario/load.js';
import { DEFAULT_SCENARIO, entente, fileIn, ROOT, tempDir } from '../helpers.js';

const embedded = (html: string): Embedded =>
  JSON.parse(
    /<script type="application\/json" id="entente-data">(.*?)<\/script>/s.exec(readFileSync(html, 'utf8'))?.[1] ?? '{}',
  ) as Embedded;

describe('entente explore', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir('entente-explore-cmd-');
  });

  it('a sweep file’s parameters and ranges are the sliders, on its scenario', async () => {
    const out = join(dir, 'sweep.html');
    const r = await entente([
      'explore',
      join(ROOT, 'scenarios', 'sweeps', 'china-cost-aversion.yaml'),
      '--out',
      out,
      '--no-posterior',
      '-q',
    ]);
    expect(r.status, r.stderr).toBe(0);
    const page = embedded(out);
    // Each starts at the scenario's own value.
    const spec = loadScenario(DEFAULT_SCENARIO).spec;
    expect(page.controls.map((c) => [c.path, c.min, c.max, c.value])).toEqual([
      ['actors.CHN.costAversion', 0.4, 1, spec.actors.CHN?.costAversion],
      ['actors.CHN.exposureAversion', 0.3, 0.9, spec.actors.CHN?.exposureAversion],
      ['shocks.eo14114.enforcement', 0.2, 1, spec.shocks?.find((x) => x.id === 'eo14114')?.enforcement],
    ]);
    expect(page.file).toMatch(/china-russia-2022\.yaml$/);
    expect(page.posterior).toBeUndefined();
  });

  it('embeds a sample of the scenario’s posterior drawn by weight, and nothing that needs the network', async () => {
    const out = join(dir, 'page.html');
    expect((await entente(['explore', DEFAULT_SCENARIO, '--out', out, '-q'])).status).toBe(0);
    const page = embedded(out);
    expect(page.posterior?.particles).toHaveLength(40);
    expect(page.posterior?.count).toBe(1000);
    expect(page.posterior?.paths.length).toBeGreaterThan(0);
    const html = readFileSync(out, 'utf8');
    expect(html).not.toMatch(/\b(src|href)=["']?(https?:)?\/\//);
    expect(html).toMatch(/Content-Security-Policy" content="default-src 'none'/);
  });

  it('replaces its own page, never a file it did not write (even with --force: tests/attacks/exploreOut.test.ts), and refuses a directory', async () => {
    const own = join(dir, 'own.html');
    expect((await entente(['explore', DEFAULT_SCENARIO, '--out', own, '-q', '--no-posterior'])).status).toBe(0);
    expect((await entente(['explore', DEFAULT_SCENARIO, '--out', own, '-q', '--no-posterior'])).status).toBe(0);
    const mine = fileIn(dir, 'notes.html', '<html>my notes</html>');
    const refused = await entente(['explore', DEFAULT_SCENARIO, '--out', mine, '-q']);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/notes\.html exists and is not a page entente explore wrote/);
    expect(readFileSync(mine, 'utf8')).toBe('<html>my notes</html>');
    expect((await entente(['explore', DEFAULT_SCENARIO, '--out', dir, '-q', '--force'])).status).toBe(2);
  });

  it('says when an expression calls a function a browser may compute differently in the last bit', async () => {
    const text = readFileSync(join(ROOT, 'scenarios', 'tutorial.yaml'), 'utf8').replace(
      'enforcement: 0.7 }',
      'enforcement: "0.7 * log(2.718281828459045)" }',
    );
    const file = fileIn(dir, 'logged.yaml', text);
    const r = await entente(['explore', file, '--out', join(dir, 'logged.html')]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/note: shocks\.\d+\.enforcement call a function \(log, pow, sin, …\)/);
    expect(r.stdout).not.toMatch(/calibrated on another text/); // the tutorial names no posterior
    const plain = await entente(['explore', join(ROOT, 'scenarios', 'tutorial.yaml'), '--out', join(dir, 'plain.html')]);
    expect(plain.stdout).not.toMatch(/note:/);
    expect(plain.stdout).toContain(`next: open ${join(dir, 'plain.html')}   # in any browser, offline; to share it, send the file`);
    expect(existsSync(join(dir, 'plain.html'))).toBe(true);
  });

  it('says when the posterior was calibrated on another text of the scenario', async () => {
    // Another text of the default scenario, elsewhere: its posterior named by absolute path.
    const text = readFileSync(DEFAULT_SCENARIO, 'utf8').replace(
      /^posterior: .*$/m,
      `posterior: ${join(ROOT, 'scenarios', 'posteriors', 'china-russia-2022')}\n# an edit: another text, the same scenario`,
    );
    const edited = fileIn(dir, 'edited.yaml', text);
    const r = await entente(['explore', edited, '--out', join(dir, 'edited.html')]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/note: the posterior was calibrated on another text of .*edited\.yaml/);
    const same = await entente(['explore', DEFAULT_SCENARIO, '--out', join(dir, 'same.html')]);
    expect(same.stdout).not.toMatch(/another text/);
  });

  it('refuses a posterior whose parameters the scenario does not have', async () => {
    const r = await entente([
      'explore',
      join(ROOT, 'scenarios', 'tutorial.yaml'),
      '--posterior',
      join(ROOT, 'scenarios', 'posteriors', 'china-russia-2022'),
      '--out',
      join(dir, 'x.html'),
    ]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/the posterior's parameter .* is not in .*tutorial\.yaml/);
    expect(existsSync(join(dir, 'x.html'))).toBe(false);
  });
});
