import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO, entente, tempDir } from '../helpers.js';

const dir = tempDir('entente-sensitivity-');
const params = 'parameters:\n  actors.CHN.costAversion: { min: 0.4, max: 1.0 }\n  shocks.eo14114.enforcement: { min: 0.2, max: 1.0 }\n';
function sweep(name: string, body: string): string {
  const file = join(dir, name);
  writeFileSync(file, `scenario: ${DEFAULT_SCENARIO}\n${body}${params}`);
  return file;
}

describe('entente sensitivity', () => {
  it('sobol: indices.csv with S1 and ST and intervals for every outcome, pair and parameter', async () => {
    const out = join(dir, 'sobol');
    const r = await entente([
      'sensitivity',
      sweep('s.yaml', 'design: sobol\nsamples: 16\nreplications: 1\nseed: 4\n'),
      '--method',
      'sobol',
      '--out',
      out,
    ]);
    expect(r.status, r.stderr).toBe(0);
    const lines = readFileSync(join(out, 'indices.csv'), 'utf8').trim().split('\n');
    expect(lines[0]).toBe('outcome,a,b,parameter,index,value,ci_low,ci_high');
    expect(lines).toHaveLength(1 + 3 * 12 * 2 * 2); // 3 outcomes × 12 pairs × 2 parameters × (S1, ST)
    expect(lines.some((l) => /^depth_final,CHN,RUS,actors\.CHN\.costAversion,ST,[-\d.e]+,[-\d.e]+,[-\d.e]+$/.test(l))).toBe(true);
    expect(r.stdout).toMatch(/CHN-RUS final depth:/);
  });

  it('morris: mu, mu_star and sigma, the method taken from the sweep’s design', async () => {
    const out = join(dir, 'morris');
    const r = await entente([
      'sensitivity',
      sweep('m.yaml', 'design: morris\nsamples: 6\nreplications: 1\nseed: 4\n'), // no --method: the design says morris
      '--out',
      out,
      '-q',
    ]);
    expect(r.status, r.stderr).toBe(0);
    const rows = readFileSync(join(out, 'indices.csv'), 'utf8').trim().split('\n');
    expect(rows).toHaveLength(1 + 3 * 12 * 2 * 3);
    expect(rows.filter((l) => l.includes(',mu_star,'))).toHaveLength(3 * 12 * 2);
  });

  it('refuses a sweep whose design does not match the method', async () => {
    const out = join(dir, 'mismatch');
    const r = await entente(['sensitivity', sweep('x.yaml', 'design: lhs\nsamples: 8\n'), '--method', 'sobol', '--out', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--method sobol needs a sweep laid out for it \(expected design: sobol, found lhs\)/);
    expect(existsSync(out)).toBe(false);
    // Without --method, a design that is neither is refused by name.
    const plain = await entente(['sensitivity', sweep('y.yaml', 'design: lhs\nsamples: 8\n'), '--out', out]);
    expect(plain.status).toBe(2);
    expect(plain.stderr).toMatch(/needs a sweep laid out for Sobol indices or Morris screening .*found lhs/);
    expect(existsSync(out)).toBe(false);
  });
});
