/**
 * Attack: limits that text and actors walk around. A 100 KB unit repeated in every row of
 * observables.csv wrote 613 MB under --max-output 2M; a 50 MB lever description made a 48 MB run
 * and a 100 MB explore page under --max-output 1M; 8,000 actors (a 0.9 MB file) reached 2.3 GB
 * under --max-memory 300M. Free text is bounded by the schema (scenario/schema.ts TEXT_BOUNDS),
 * what a row repeats is counted in the estimate (experiments/estimate.ts), and the actor-by-actor
 * tables are estimated before they are made (scenario/memory.ts).
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { entente, ROOT, tempDir } from '../helpers.js';

const dir = tempDir('entente-attack-limits-');
const TUTORIAL = readFileSync(join(ROOT, 'scenarios', 'tutorial.yaml'), 'utf8');

const scenario = (name: string, text: string) => {
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, text);
  return file;
};

function refused(r: { status: number | null; stderr: string }, message: RegExp) {
  expect(r.status, r.stderr).toBe(2);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(message);
}

/** Bytes of every file under `d`. */
const sizeOf = (d: string): number =>
  readdirSync(d, { recursive: true, encoding: 'utf8' }).reduce(
    (n, f) => n + (statSync(join(d, f)).isFile() ? statSync(join(d, f)).size : 0),
    0,
  );

/** The estimate a refusal states ("would write about 1.23 MB"), in bytes. */
function estimateOf(stderr: string): number {
  const m = /would write about ([\d.]+) (bytes|kB|MB|GB)/.exec(stderr);
  expect(m, stderr).not.toBeNull();
  const unit = { bytes: 1, kB: 1e3, MB: 1e6, GB: 1e9 }[(m as RegExpExecArray)[2] as 'bytes'];
  return Number((m as RegExpExecArray)[1]) * unit;
}

describe('free text is bounded where it is copied into outputs', () => {
  it('a 100 KB unit is refused by the schema, naming the field', async () => {
    const file = scenario('unit', `${TUTORIAL}\nobservables:\n  x:\n    expression: depth(P, Q)\n    unit: ${'u'.repeat(100_000)}\n`);
    refused(await entente(['run', file, '--out', join(dir, 'unit-run'), '--max-output', '2M', '-q']), /observables\.x\.unit/);
  });

  it('a 5 MB lever description is refused by run and explore alike', async () => {
    const file = scenario('lever', TUTORIAL.replace(/(levers:\n {2}reward:\n {4}description: ).*\n/, `$1${'d'.repeat(5_000_000)}\n`));
    expect(readFileSync(file, 'utf8')).toContain('ddd');
    refused(await entente(['run', file, '--out', join(dir, 'lever-run'), '--max-output', '1M', '-q']), /levers\.reward\.description/);
    refused(await entente(['explore', file, '--out', join(dir, 'lever.html'), '--max-output', '1M', '-q']), /levers\.reward\.description/);
  });

  it('explore refuses a page above --max-output before writing it', async () => {
    const out = join(dir, 'page.html');
    refused(
      await entente(['explore', join(ROOT, 'scenarios', 'tutorial.yaml'), '--out', out, '--max-output', '100K', '-q']),
      /the explore page would write about/,
    );
    expect(() => statSync(out)).toThrow();
  });

  it('a run’s estimate covers what its rows repeat: long ids, observable names and units', async () => {
    const long = (s: string) => `${s}${'x'.repeat(60)}`;
    const text = `${TUTORIAL.replace(/\bP\b/g, long('P')).replace(/\bQ\b/g, long('Q')).replace(/\bW\b/g, long('W'))}\nobservables:\n${[
      1, 2, 3,
    ]
      .map(
        (i) => `  ${long(`o${i}`)}:\n    expression: depth(${long('P')}, ${long('Q')})\n    unit: '${'"'.repeat(30)}${'u'.repeat(30)}'\n`,
      )
      .join('')}`;
    const file = scenario('long', text);
    const small = await entente(['run', file, '--out', join(dir, 'long-small'), '--max-output', '1K', '-q']);
    const estimate = estimateOf(small.stderr);
    const out = join(dir, 'long-run');
    const r = await entente(['run', file, '--out', out, '-q']);
    expect(r.status, r.stderr).toBe(0);
    expect(estimate).toBeGreaterThanOrEqual(sizeOf(out));
  });
});

describe('what a sweep writes is counted whole', () => {
  it('parameter values that are long expressions: the estimate covers points.csv and runs.csv', async () => {
    const long = (x: number) => `"${x}${' + 0'.repeat(240)}"`; // just under the 1,000 characters an expression may have
    const sweep = join(dir, 'long-values.yaml');
    writeFileSync(
      sweep,
      `scenario: ${join(ROOT, 'scenarios', 'tutorial.yaml')}\nname: lv\ndesign: grid\nreplications: 2\nseed: 1\nparameters:\n  shocks.sanctionsOnQ.severity: [${long(0.5)}, ${long(0.6)}]\n  shocks.bankSanctions.severity: [${long(0.4)}, ${long(0.7)}]\n`,
    );
    const estimate = estimateOf((await entente(['sweep', sweep, '--out', join(dir, 'lv-small'), '--max-output', '1K', '-q'])).stderr);
    const out = join(dir, 'lv');
    const r = await entente(['sweep', sweep, '--out', out, '-q', '-w', '1']);
    expect(r.status, r.stderr).toBe(0);
    expect(estimate).toBeGreaterThanOrEqual(sizeOf(out));
  });

  it('a comparison across a sweep with many long lever descriptions: the manifest of every arm counted', async () => {
    const levers = Array.from(
      { length: 20 },
      (_, i) => `  l${i}:\n    description: ${'d'.repeat(2000)}\n    set: { actors.P.costAversion: 0.${(i % 9) + 1} }\n`,
    ).join('');
    const file = scenario('many-levers', TUTORIAL.replace(/^levers:\n/m, `levers:\n${levers}`));
    const sweep = join(dir, 'many-levers-sweep.yaml');
    writeFileSync(
      sweep,
      `scenario: ${file}\nname: ml\ndesign: grid\nreplications: 1\nseed: 1\nparameters:\n  actors.Q.costAversion: [0.3, 0.6]\n`,
    );
    // Above one arm's estimate, below all of theirs: the refusal states the comparison's own.
    const small = await entente(['compare', sweep, '--out', join(dir, 'ml-small'), '--max-output', '300K', '-q']);
    expect(small.stderr).toMatch(/22 lever\(s\) and the baseline, each 2 points/); // the tutorial’s two and twenty more
    const estimate = estimateOf(small.stderr);
    const out = join(dir, 'ml');
    const r = await entente(['compare', sweep, '--out', out, '-q', '-w', '1']);
    expect(r.status, r.stderr).toBe(0);
    expect(estimate).toBeGreaterThanOrEqual(sizeOf(out));
  });
});

describe('memory that grows with the square of the actors is estimated before it is taken', () => {
  const actors = (n: number) =>
    `name: sparse\nticks: 3\nreplications: 1\nactors:\n${Array.from(
      { length: n },
      (_, i) => `  A${i}: { economy: 1, costAversion: 0.5, exposureAversion: 0.5, opportunism: 0.5, commitmentNorm: 0.5 }\n`,
    ).join('')}ties:\n  - { from: A0, to: A1, commitment: { trade: 0.3 } }\n`;

  it('8,000 actors under --max-memory 300M: refused by run, check, sweep and compare, with the estimate', async () => {
    const file = scenario('actors', actors(8000));
    for (const command of [
      ['run', file, '--out', join(dir, 'actors-run'), '-q'],
      ['check', file],
      ['compare', file, '--out', join(dir, 'actors-compare'), '-q'],
    ])
      refused(await entente([...command, '--max-memory', '300M']), /a scenario of 8000 actors would need about 2\.56 GB of memory/);
    const sweep = join(dir, 'actors-sweep.yaml');
    writeFileSync(
      sweep,
      `scenario: ${file}\nname: a\ndesign: grid\nreplications: 1\nseed: 1\nparameters:\n  actors.A0.costAversion: [0.3, 0.6]\n`,
    );
    refused(await entente(['sweep', sweep, '--out', join(dir, 'actors-sweep'), '--max-memory', '300M', '-q']), /a scenario of 8000 actors/);
  });
});
