/**
 * A sweep or calibration file's `set:`: settings fixed at every point (a rival structure,
 * docs/model.md §10.2). They reach every point's scenario, are refused where they name nothing or
 * are also varied, and an ABC posterior carries them, so its readers run the structure it was
 * calibrated under.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPosterior } from '../../src/compare/posterior/read.js';
import { EntenteError } from '../../src/errors.js';
import { loadSweep } from '../../src/experiments/loadSweep.js';
import { prepare } from '../../src/scenario/load.js';
import { DEFAULT_SCENARIO, entente, expectRefused, fileIn, tempDir } from '../helpers.js';

const dir = tempDir('entente-fixed-');
const file = (name: string, set: string, parameters = '  model.needGain: { min: 0.5, max: 2.5 }\n') =>
  fileIn(
    dir,
    name,
    `scenario: ${DEFAULT_SCENARIO}
design: lhs
samples: 4
replications: 1
seed: 9
${set}parameters:
${parameters}calibration:
  observed: ${join(DEFAULT_SCENARIO, '..', '..', 'data', 'china-russia-observed.csv')}
  targets:
    - { indicator: bilateral_trade, period: "2022", statistic: growth, scale: 0.05 }
`,
  );

const refusal = (f: string): EntenteError => {
  try {
    loadSweep(f);
  } catch (err) {
    if (err instanceof EntenteError) return err;
    throw err;
  }
  throw new Error(`${f} was accepted`);
};

describe('a sweep file’s fixed settings (set:)', () => {
  it('reach the scenario every point runs, before the point’s values', () => {
    const loaded = loadSweep(file('fixed.yaml', 'set:\n  model.mechanisms.abandonment: 0\n  model.buyerPower: 0.5\n'));
    expect(loaded.scenario.model?.mechanisms?.abandonment).toBe(0);
    const config = prepare(loaded.scenarioSource, loaded.scenario, { set: ['model.needGain=2'] }).config;
    expect(config.params.buyerPower).toBe(0.5);
    expect(config.params.needGain).toBe(2);
    const plain = loadSweep(file('plain.yaml', ''));
    expect(plain.scenario.model?.mechanisms?.abandonment).not.toBe(0);
  });

  it('are refused where they name nothing, with the file, the line and the path', () => {
    const err = refusal(file('typo.yaml', 'set:\n  model.mechanisms.abandonmnet: 0\n'));
    expect(err.where?.file).toMatch(/typo\.yaml$/);
    expect(err.where?.path).toBe('set.model.mechanisms.abandonmnet');
    expect(err.where?.line).toBe(7);
  });

  it('are refused where the value is out of range', () => {
    const err = refusal(file('range.yaml', 'set:\n  model.dollarNetwork: 2\n'));
    expect(err.message).toMatch(/set "model\.dollarNetwork" = 2/);
    expect(err.where?.path).toBe('set.model.dollarNetwork');
  });

  it('are refused where the same path is also varied', () => {
    const err = refusal(file('both.yaml', 'set:\n  model.needGain: 1\n'));
    expect(err.message).toMatch(/both fixed and varied/);
  });

  const FIXED = 'set:\n  model.mechanisms.abandonment: 0\n';
  const json = (d: string, name: string) => JSON.parse(readFileSync(join(d, name), 'utf8'));

  it('an ABC posterior carries them, its reader gives them back, and a bad one is blamed on the manifest', async () => {
    const f = file('abc.yaml', FIXED);
    const out = join(dir, 'abc');
    const result = await entente(['calibrate', f, '--method', 'abc', '--particles', '20', '--generations', '2', '-q', '--out', out]);
    expect(result.status, result.stderr).toBe(0);
    expect(readPosterior(out).fixed).toEqual(['model.mechanisms.abandonment=0']);
    const manifest = json(out, 'manifest.json');
    writeFileSync(join(out, 'manifest.json'), JSON.stringify({ ...manifest, fixed: ['model.mechanisms.abandonmnet=0'] }));
    await expectRefused(
      dir,
      ['compare', DEFAULT_SCENARIO, '--posterior', out, '--levers', 'rewardWedge'],
      /fixed setting model\.mechanisms\.abandonmnet=0/,
      /manifest\.json/,
      /fixed\[0\]/,
    );
  });

  it('the optimiser records them and prints them first; --apply, which would drop them, is refused', async () => {
    const f = file('opt.yaml', FIXED);
    const out = join(dir, 'opt');
    const result = await entente(['calibrate', f, '-q', '--out', out]);
    expect(result.status, result.stderr).toBe(0);
    const manifest = json(out, 'manifest.json');
    expect(manifest.fixed).toEqual(['model.mechanisms.abandonment=0']);
    expect(manifest.best.set[0]).toBe('model.mechanisms.abandonment=0');
    expect(manifest.best.set[1]).toMatch(/^model\.needGain=/);
    await expectRefused(dir, ['calibrate', f, '--apply'], /fixes settings \(set:\)/, /opt\.yaml/);
  });

  it('a sweep records them in its manifest, so any point can be rerun', async () => {
    const f = file('sweep.yaml', FIXED);
    const out = join(dir, 'sweep');
    const result = await entente(['sweep', f, '-q', '--out', out]);
    expect(result.status, result.stderr).toBe(0);
    expect(json(out, 'manifest.json').sweep.fixed).toEqual(['model.mechanisms.abandonment=0']);
  });

  it('explore under a file that fixes settings leaves out a posterior calibrated without them, and refuses one asked for', async () => {
    const f = file('explore.yaml', FIXED);
    const page = join(dir, 'page.html');
    const result = await entente(['explore', f, '-q', '--out', page]);
    expect(result.status, result.stderr).toBe(0);
    const html = readFileSync(page, 'utf8');
    expect(html).toContain('"fixed":["model.mechanisms.abandonment=0"]');
    expect(html).not.toContain('"particles":');
    const shipped = join(DEFAULT_SCENARIO, '..', 'posteriors', 'china-russia-2022');
    const refused = await entente(['explore', f, '-q', '--out', join(dir, 'refused.html'), '--posterior', shipped]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(
      /calibrated under fixed settings \(none\) that differ from this file's \(model\.mechanisms\.abandonment=0\)/,
    );
  });
});
