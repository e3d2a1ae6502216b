import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareLevers, type DeltaRow } from '../../src/compare/compare.js';
import { bootstrapCi, mean, shareAbove, verdict } from '../../src/compare/stats.js';
import { deriveSeed } from '../../src/model/rng.js';
import { DEFAULT_SCENARIO, entente, loadText, TWO_ACTORS, tempDir } from '../helpers.js';

const WITH_LEVERS = `${TWO_ACTORS.replace('model: { noise: 0 }', 'model: { noise: 0.01 }').replace('ticks: 3', 'ticks: 24')}
shocks:
  - { id: war, kind: war, actor: B, at: 2, intensity: 0.7 }
levers:
  noop: { description: sets a value to what it already is, set: { shocks.war.intensity: 0.7 } }
  embargo: { description: A stops its own trade with C, shocks: [ { kind: sanctions, sender: A, target: C, domains: [trade], at: 4, severity: 0.6 } ] }
  squeeze: { description: sanctions on both, shocks: [ { kind: sanctions, sender: C, target: A, domains: [trade], at: 4, severity: 0.5 }, { kind: sanctions, sender: C, target: B, domains: [trade], at: 4, severity: 0.5 } ] }
`;

describe('verdicts at their bounds', () => {
  it('closer needs the whole interval above zero and the mean at least the minimum effect', () => {
    expect(verdict(0.01, 0.001, 0.02, 0.005)).toBe('closer');
    expect(verdict(0.005, 0.001, 0.02, 0.005)).toBe('closer'); // mean exactly at the minimum
    expect(verdict(0.0049, 0.001, 0.02, 0.005)).toBe('unclear'); // significant but too small
    expect(verdict(0.01, 0, 0.02, 0.005)).toBe('unclear'); // interval touches zero
    expect(verdict(-0.01, -0.02, -0.001, 0.005)).toBe('apart');
    expect(verdict(-0.005, -0.02, -0.001, 0.005)).toBe('apart');
    expect(verdict(-0.01, -0.02, 0, 0.005)).toBe('unclear');
    expect(verdict(0, 0, 0, 0)).toBe('unclear'); // no effect is never closer, even with no minimum
  });

  it('bootstrap intervals: exact for constants, around the mean otherwise, same seed same interval', () => {
    expect(bootstrapCi([0.3, 0.3, 0.3], 'k')).toEqual([0.3, 0.3]);
    const xs = Array.from({ length: 50 }, (_, i) => Math.sin(i) * 0.1 + 0.02);
    const [lo, hi] = bootstrapCi(xs, 'k');
    expect(lo).toBeLessThan(mean(xs));
    expect(hi).toBeGreaterThan(mean(xs));
    expect(bootstrapCi(xs, 'k')).toEqual([lo, hi]);
    expect(shareAbove([0.1, -0.1, 0, 0.2])).toBe(0.5);
  });
});

describe('compareLevers', () => {
  let loaded: ReturnType<typeof loadText>;
  const run = () => {
    const rows: DeltaRow[] = [];
    const effects = compareLevers(loaded, { levers: ['noop', 'squeeze', 'embargo'], replications: 20, seed: 3, minEffect: 0.001 }, (r) =>
      rows.push(r),
    );
    return { effects, rows };
  };
  let first: ReturnType<typeof run>;
  beforeAll(() => {
    loaded = loadText(WITH_LEVERS);
    first = run();
  });

  it('a lever that changes nothing has exactly zero effect and verdict unclear', () => {
    const noop = first.effects.filter((e) => e.lever === 'noop');
    expect(noop.length).toBeGreaterThan(0);
    for (const e of noop) {
      // delta, interval, p_closer, rhetoric, time-mean depth and the six domains: all exactly zero.
      expect([e.deltaMean, e.ciLow, e.ciHigh, e.pCloser, e.deltaRhetoric, e.deltaDepthTimeMean, ...e.deltaDomains]).toEqual(
        Array(12).fill(0),
      );
      expect(e.verdict).toBe('unclear');
      expect([e.deltaSenderCost, e.deltaSenderWelfare]).toEqual([0, 0]);
    }
    for (const r of first.rows.filter((x) => x.lever === 'noop')) expect(r.deltaDepthFinal).toBe(0);
  });

  it('uses common random numbers: every arm of replication r runs with deriveSeed(seed, 0, r)', () => {
    for (const r of first.rows) expect(r.seed).toBe(deriveSeed(3, 0, r.replication));
  });

  it('is deterministic', () => {
    expect(run()).toEqual(first);
  });

  it('a real lever moves depth, and its senders are named', () => {
    const squeeze = first.effects.find((e) => e.lever === 'squeeze' && e.a === 'A' && e.b === 'B');
    expect(squeeze?.deltaMean).not.toBe(0);
    expect(squeeze?.senders).toBe('C');
  });

  it("sanctions that cut the sender's own ties cost it welfare, though the costs it bears fall", () => {
    const embargo = first.effects.find((e) => e.lever === 'embargo' && e.a === 'A' && e.b === 'C');
    expect(embargo?.senders).toBe('A');
    expect(embargo?.deltaSenderWelfare).toBeLessThan(0);
    expect(embargo?.deltaSenderCost).toBeLessThan(0); // why costs borne alone misread a lever's price
  });
});

describe('entente compare (CLI)', () => {
  it('writes levers.csv and deltas.csv with the columns of docs/reference.md, identical across runs, and a ranked table', async () => {
    const a = join(tempDir(), 'a');
    const b = join(tempDir(), 'b');
    const ra = await entente(['compare', DEFAULT_SCENARIO, '--no-posterior', '-r', '20', '--out', a]);
    expect(ra.status, ra.stderr).toBe(0);
    expect((await entente(['compare', DEFAULT_SCENARIO, '--no-posterior', '-r', '20', '--out', b, '-q'])).status).toBe(0);
    const levers = readFileSync(join(a, 'levers.csv'), 'utf8');
    expect(levers.split('\n')[0]?.split(',').slice(0, 8)).toEqual([
      'lever',
      'a',
      'b',
      'delta_mean',
      'ci_low',
      'ci_high',
      'p_closer',
      'verdict',
    ]);
    expect(levers).toBe(readFileSync(join(b, 'levers.csv'), 'utf8'));
    expect(readFileSync(join(a, 'deltas.csv'), 'utf8')).toBe(readFileSync(join(b, 'deltas.csv'), 'utf8'));
    // 6 levers × 12 pairs rows; the table lists the focus pair, CHN-RUS, once per lever.
    expect(levers.trim().split('\n')).toHaveLength(6 * 12 + 1);
    expect(ra.stdout.split('\n').filter((l) => /CHN-RUS/.test(l))).toHaveLength(6);
  });

  it('does not depend on the worker count', async () => {
    const one = join(tempDir(), 'one');
    const two = join(tempDir(), 'two');
    expect((await entente(['compare', DEFAULT_SCENARIO, '--no-posterior', '-r', '24', '--out', one, '-w', '1', '-q'])).status).toBe(0);
    expect((await entente(['compare', DEFAULT_SCENARIO, '--no-posterior', '-r', '24', '--out', two, '-w', '2', '-q'])).status).toBe(0);
    for (const f of ['levers.csv', 'deltas.csv']) expect(readFileSync(join(two, f), 'utf8')).toBe(readFileSync(join(one, f), 'utf8'));
  });

  it('rejects an unknown lever with exit status 2', async () => {
    const r = await entente([
      'compare',
      DEFAULT_SCENARIO,
      '--no-posterior',
      '--levers',
      'coerciveWedge,nope',
      '-r',
      '2',
      '--out',
      join(tempDir(), 'x'),
    ]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown lever "nope"/);
  });

  it('over the posterior, blames a misspelt lever on --levers with the name it meant, not on the posterior’s particles', async () => {
    const r = await entente(['compare', DEFAULT_SCENARIO, '--levers', 'coerciveWedg,rewardWedge', '--out', join(tempDir(), 'x')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--levers: unknown lever "coerciveWedg" \(did you mean coerciveWedge\?\)/);
    expect(r.stderr).not.toMatch(/posterior\.csv|marketGain/);
  });
});
