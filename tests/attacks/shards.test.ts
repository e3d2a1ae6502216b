/**
 * Attack: a shard damaged between the cluster and the merge (an interrupted copy cuts runs.csv,
 * a hand edits a value). Every finished sweep keeps a record of its files (size, lines, SHA-256;
 * src/io/fileRecord.ts) in its manifest, and merge, compare and sensitivity check it before they
 * read a byte (docs/studies.md, "On a cluster").
 */
import { cpSync, existsSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { entente, ROOT, tempDir } from '../helpers.js';

const dir = tempDir('entente-attack-shards-');
const SWEEP = join(dir, 'small.yaml');
const shard = (k: number) => join(dir, `shard${k}`);

beforeAll(async () => {
  writeFileSync(
    SWEEP,
    `scenario: ${join(ROOT, 'scenarios', 'tutorial.yaml')}\nname: small\ndesign: grid\nreplications: 3\nseed: 5\nparameters:\n  actors.P.costAversion: { min: 0.3, max: 0.6, steps: 4 }\n`,
  );
  for (const k of [1, 2]) expect((await entente(['sweep', SWEEP, '--out', shard(k), '--shard', `${k}/2`, '-w', '1', '-q'])).status).toBe(0);
});

/** A copy of shard 2 with `damage` done to it. */
function damaged(name: string, damage: (d: string) => void): string {
  const copy = join(dir, name);
  cpSync(shard(2), copy, { recursive: true });
  damage(copy);
  return copy;
}

async function mergeRefused(copy: string, message: RegExp) {
  const out = join(dir, `merged-${copy.split('/').pop()}`);
  const r = await entente(['merge', shard(1), copy, '--out', out]);
  expect(r.status, r.stderr).toBe(2);
  expect(r.stderr).toMatch(message);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(existsSync(out)).toBe(false);
}

describe('merge refuses a damaged shard', () => {
  it('merges the shards as written', async () => {
    const r = await entente(['merge', shard(1), shard(2), '--out', join(dir, 'merged')]);
    expect(r.status, r.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(join(dir, 'merged', 'manifest.json'), 'utf8')) as Record<string, unknown>;
    const runsOf = (d: string) => (JSON.parse(readFileSync(join(d, 'manifest.json'), 'utf8')) as { runs: number }).runs;
    expect(manifest.runs).toBe(runsOf(shard(1)) + runsOf(shard(2)));
    expect(manifest.runs).toBe(12);
    expect(Object.keys(manifest.files as object).sort()).toEqual(['failures.csv', 'points.csv', 'runs.csv', 'sweep.json']);
  });

  it('runs.csv cut mid-row (an interrupted copy)', async () => {
    const copy = damaged('cut-mid-row', (d) => {
      const file = join(d, 'runs.csv');
      truncateSync(file, Math.floor(readFileSync(file).length * 0.7));
    });
    await mergeRefused(copy, /runs\.csv: file is damaged: \d+ bytes where \d+ were written/);
  });

  it('runs.csv cut at a row boundary', async () => {
    const copy = damaged('cut-at-row', (d) => {
      const file = join(d, 'runs.csv');
      const text = readFileSync(file, 'utf8');
      writeFileSync(file, text.slice(0, text.lastIndexOf('\n', text.length - 2) + 1));
    });
    await mergeRefused(copy, /runs\.csv: file is damaged/);
  });

  it('a value edited in place, the size unchanged', async () => {
    const copy = damaged('edited', (d) => {
      const file = join(d, 'runs.csv');
      const text = readFileSync(file, 'utf8');
      const lines = text.split('\n');
      const row = lines[1] as string;
      const edited = row.replace(/\d(?=[^\d]*$)/, (x) => String((Number(x) + 1) % 10));
      expect(edited).not.toBe(row);
      writeFileSync(file, [lines[0], edited, ...lines.slice(2)].join('\n'));
    });
    await mergeRefused(copy, /runs\.csv: file is damaged: its bytes differ from those written \(edited\)/);
  });

  it('points.csv or sweep.json edited, failures.csv removed', async () => {
    await mergeRefused(
      damaged('points', (d) => writeFileSync(join(d, 'points.csv'), readFileSync(join(d, 'points.csv'), 'utf8').replace('0.3', '0.9'))),
      /points\.csv: file is damaged/,
    );
    await mergeRefused(
      damaged('failures', (d) => truncateSync(join(d, 'failures.csv'), 0)),
      /failures\.csv: file is damaged/,
    );
  });

  it('a shard whose manifest keeps no record of its files', async () => {
    const copy = damaged('unrecorded', (d) => {
      const file = join(d, 'manifest.json');
      const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      delete manifest.files;
      writeFileSync(file, JSON.stringify(manifest));
    });
    await mergeRefused(copy, /holds no record of its files/);
  });
});

describe('a sweep read back by compare or sensitivity is checked too', () => {
  it('sensitivity --resume on a sweep whose runs.csv was edited', async () => {
    const file = join(dir, 'morris.yaml');
    writeFileSync(
      file,
      `scenario: ${join(ROOT, 'scenarios', 'tutorial.yaml')}\nname: m\ndesign: morris\nsamples: 4\nreplications: 1\nseed: 3\nparameters:\n  actors.P.costAversion: { min: 0.3, max: 0.6 }\n  actors.Q.costAversion: { min: 0.3, max: 0.6 }\n`,
    );
    const out = join(dir, 'sens');
    expect((await entente(['sensitivity', file, '--out', out, '-q', '-w', '1'])).status).toBe(0);
    const runs = join(out, 'sweep', 'runs.csv');
    const target = existsSync(runs) ? runs : join(out, 'runs.csv');
    writeFileSync(target, readFileSync(target, 'utf8').replace(/\n[^\n]*\n$/, '\n'));
    const r = await entente(['sensitivity', file, '--out', out, '-q', '-w', '1', '--resume']);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/runs\.csv: file is damaged/);
    // And its indices, written after the sweep: an index edited to 9.9 is not drawn.
    const fresh = join(dir, 'sens-indices');
    expect((await entente(['sensitivity', file, '--out', fresh, '-q', '-w', '1'])).status).toBe(0);
    const indices = join(fresh, 'indices.csv');
    writeFileSync(indices, readFileSync(indices, 'utf8').replace(/\n([^,\n]*,[^,\n]*,[^,\n]*,[^,\n]*,[^,\n]*,)0\./, '\n$19.'));
    const report = await entente(['report', fresh, '-q']);
    expect(report.status, report.stderr).toBe(2);
    expect(report.stderr).toMatch(/indices\.csv: file is damaged/);
  });
});
