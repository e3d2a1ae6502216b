/** `entente run`, `check` and `schema` through the built binary, as a user runs them. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { COLUMNS } from '../../src/experiments/columns.js';
import { type CliResult, cli, DEFAULT_SCENARIO, ROOT, tempDir } from '../helpers.js';

const header = (dir: string, file: string) => (readFileSync(join(dir, file), 'utf8').split('\n')[0] as string).split(',');

describe('entente run', () => {
  const a = join(tempDir(), 'a');
  const b = join(tempDir(), 'b');
  // In beforeAll, not the describe body: inside the test timeout, and skipped when filtered out.
  let ra: CliResult;
  let rb: CliResult;
  beforeAll(() => {
    ra = cli(['run', DEFAULT_SCENARIO, '--out', a, '--replications', '3']);
    rb = cli(['run', DEFAULT_SCENARIO, '--out', b, '--replications', '3', '--quiet']);
  });

  it('writes every file with the columns of docs/reference.md and prints a summary table', () => {
    expect(ra.status, ra.stderr).toBe(0);
    expect(readdirSync(a).sort()).toEqual([
      'actors.csv',
      'events.csv',
      'manifest.json',
      'observables.csv',
      'pairs.csv',
      'summary.csv',
      'ties.csv',
    ]);
    expect(header(a, 'ties.csv').slice(0, 12)).toEqual([
      'replication',
      'seed',
      'tick',
      'from',
      'to',
      'trade',
      'energy',
      'finance',
      'defense',
      'military',
      'diplomatic',
      'concessions',
    ]);
    expect(header(a, 'pairs.csv').slice(0, 7)).toEqual(['replication', 'seed', 'tick', 'a', 'b', 'depth', 'rhetoric']);
    expect(header(a, 'actors.csv')).toEqual(['replication', 'seed', 'tick', 'actor', 'stress', 'need', 'costBorne', 'welfare']);
    expect(header(a, 'summary.csv').slice(0, 6)).toEqual(['replication', 'seed', 'a', 'b', 'depth_final', 'depth_mean']);
    for (const name of ['ties', 'pairs', 'actors', 'summary', 'events'] as const)
      expect(header(a, `${name}.csv`)).toEqual([...COLUMNS[name]]);
    expect(ra.stdout).toMatch(/CHN-RUS\s+0\.\d{3}\s+0\.\d{3}/);
    expect(rb.stdout).toBe('');
  });

  it('is byte-identical for the same seed', () => {
    for (const f of ['ties.csv', 'pairs.csv', 'actors.csv', 'summary.csv', 'events.csv']) {
      expect(readFileSync(join(b, f), 'utf8')).toBe(readFileSync(join(a, f), 'utf8'));
    }
  });

  it('has 48 ticks × 24 declared ties (every reverse is declared) × 3 replications in ties.csv', () => {
    const rows = readFileSync(join(a, 'ties.csv'), 'utf8').trim().split('\n').length - 1;
    expect(rows).toBe(3 * 48 * 24);
    const manifest = JSON.parse(readFileSync(join(a, 'manifest.json'), 'utf8'));
    expect(manifest.files['ties.csv'].rows).toBe(rows);
    expect(manifest.runSeeds).toHaveLength(3);
    expect(manifest.scenario.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('a different seed, a lever, or an override changes the results; the seed column says which', () => {
    const c = join(tempDir(), 'c');
    expect(cli(['run', DEFAULT_SCENARIO, '--out', c, '-r', '3', '--seed', '5', '-q']).status).toBe(0);
    expect(readFileSync(join(c, 'summary.csv'), 'utf8')).not.toBe(readFileSync(join(a, 'summary.csv'), 'utf8'));
    const lever = join(tempDir(), 'l');
    expect(cli(['run', DEFAULT_SCENARIO, '--out', lever, '-r', '3', '--lever', 'coerciveWedge', '-q']).status).toBe(0);
    expect(readFileSync(join(lever, 'events.csv'), 'utf8')).toMatch(/,12,2023-01,sanctions#11,sanctions,started/);
    const set = join(tempDir(), 's');
    expect(cli(['run', DEFAULT_SCENARIO, '--out', set, '-r', '3', '--set', 'actors.CHN.costAversion=0.2', '-q']).status).toBe(0);
    expect(readFileSync(join(set, 'ties.csv'), 'utf8')).not.toBe(readFileSync(join(a, 'ties.csv'), 'utf8'));
  });

  it('--contributions explains each tie move: baseline plus mechanisms, per domain', () => {
    const dir = join(tempDir(), 'k');
    expect(cli(['run', DEFAULT_SCENARIO, '--out', dir, '-r', '1', '--contributions', '-q']).status).toBe(0);
    const lines = readFileSync(join(dir, 'contributions.csv'), 'utf8').trim().split('\n');
    expect(lines[0]).toBe('replication,seed,tick,from,to,domain,mechanism,value');
    // Each tie-domain has a baseline row and one row per enabled mechanism (10 by default).
    expect(lines.length - 1).toBe(48 * 24 * 6 * 11);
    const eo = lines.find((l) => /,2[4-9],CHN,RUS,finance,sanctionExposure,/.test(l)) ?? '';
    expect(Number(eo.split(',')[7])).toBeLessThan(0);
  });

  it('replaces an earlier output atomically', () => {
    const r = cli(['run', DEFAULT_SCENARIO, '--out', a, '-r', '1', '-q']);
    expect(r.status).toBe(0);
    expect(JSON.parse(readFileSync(join(a, 'manifest.json'), 'utf8')).replications).toBe(1);
    expect(readdirSync(join(a, '..')).filter((f) => f.includes('partial'))).toEqual([]);
  });
});

describe('entente check and schema', () => {
  it('check accepts the shipped scenarios', () => {
    for (const f of readdirSync(join(ROOT, 'scenarios')).filter((x) => /\.(ya?ml|json)$/.test(x))) {
      const r = cli(['check', join(ROOT, 'scenarios', f)]);
      expect(r.status, `${f}: ${r.stderr}`).toBe(0);
      expect(r.stdout).toMatch(/: ok \(/);
    }
  });

  it('schema prints a JSON Schema that names every shock kind', () => {
    const r = cli(['schema']);
    expect(r.status).toBe(0);
    const schema = JSON.parse(r.stdout);
    expect(schema.$schema).toMatch(/json-schema/);
    expect(schema.properties.actors).toBeDefined();
    const kinds = schema.properties.shocks.items.oneOf.map((s: { properties: { kind: { const: string } } }) => s.properties.kind.const);
    expect(kinds).toEqual(['war', 'sanctions', 'secondarySanctions', 'inducement', 'sovereigntyChallenge', 'summit', 'economicShock']);
    expect(cli(['schema', 'nonsense']).status).toBe(2);
  });
});

describe('entente --help and lazily loaded commands', () => {
  const COMMANDS = ['run', 'sweep', 'merge', 'compare', 'sensitivity', 'discover', 'calibrate', 'explore', 'report', 'check', 'schema'];

  it('lists every command with its summary, though none is loaded', () => {
    const r = cli(['--help']);
    expect(r.status).toBe(0);
    for (const name of COMMANDS) expect(r.stdout, name).toMatch(new RegExp(`^  ${name} +\\S`, 'm'));
  });

  it('a command’s own help, by --help or help NAME, after root options with values, shows its options', () => {
    for (const args of [
      ['run', '--help'],
      ['help', 'run'],
      ['--max-output', '1G', 'run', '--help'],
    ]) {
      const r = cli(args);
      expect(r.status, args.join(' ')).toBe(0);
      expect(r.stdout, args.join(' ')).toMatch(/Usage: entente run \[options\] <file>/);
      expect(r.stdout, args.join(' ')).toMatch(/--contributions/);
    }
    expect(cli(['merge', '--help']).stdout).toMatch(/Usage: entente merge \[options\] <dirs\.\.\.>/);
  });

  it('a mistyped command is refused with a suggestion', () => {
    const r = cli(['compaer', 'x.yaml']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown command 'compaer'[\s\S]*Did you mean compare\?/);
  });
});
