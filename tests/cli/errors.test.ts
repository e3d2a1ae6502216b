/**
 * Every bad input is one clear message naming file, line, field, expected and
 * found; exit status 2; nothing written to the output directory.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO, entente, tempDir } from '../helpers.js';

const GOOD = readFileSync(DEFAULT_SCENARIO, 'utf8');
let dir: string;
beforeAll(() => {
  dir = tempDir();
});

async function expectBadInput(file: string, extraArgs: string[], ...patterns: RegExp[]): Promise<string> {
  const out = join(dir, `out-${Math.random().toString(36).slice(2)}`);
  const r = await entente(['run', file, '--out', out, '-q', ...extraArgs]);
  expect(r.status, r.stderr).toBe(2);
  for (const p of patterns) expect(r.stderr).toMatch(p);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(existsSync(out)).toBe(false);
  expect(readdirSync(dir).filter((f) => f.includes('partial'))).toEqual([]);
  return r.stderr;
}

function scenarioWith(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

const replace = (from: string | RegExp, to: string) => GOOD.replace(from, to);

describe('bad input: exit status 2, one clear message, nothing written', () => {
  it('missing file', async () => {
    await expectBadInput(join(dir, 'nope.yaml'), [], /nope\.yaml: no such file/);
  });

  it('unreadable file (a directory)', async () => {
    await expectBadInput(dir, [], /is a directory, not a regular file/);
  });

  it('malformed YAML, with its line', async () => {
    await expectBadInput(scenarioWith('bad.yaml', 'name: x\nticks: [1, 2\nactors: {}\n'), [], /bad\.yaml:\d+: malformed YAML/);
  });

  it('malformed JSON, with its line', async () => {
    await expectBadInput(scenarioWith('bad.json', '{\n  "name": "x",\n  "ticks": 3,,\n}\n'), [], /bad\.json:3: malformed JSON/);
  });

  it('unknown top-level key', async () => {
    await expectBadInput(
      scenarioWith('k.yaml', `${GOOD}\nreplicatoins: 3\n`),
      [],
      /k\.yaml:\d+: replicatoins: unknown field "replicatoins" \(expected one of: .*replications/,
    );
  });

  it('wrong type', async () => {
    await expectBadInput(
      scenarioWith('t.yaml', replace('ticks: 48', 'ticks: forty')),
      [],
      /t\.yaml:10: ticks: wrong type \(expected a value of type integer, found "forty"\)/,
    );
  });

  it('out-of-range trait, with its line', async () => {
    // The line the value stands on in the shipped file (1-based), read from it, so the check survives edits above it.
    const line =
      readFileSync(DEFAULT_SCENARIO, 'utf8')
        .split('\n')
        .findIndex((l) => l.includes('costAversion: 0.8 ')) + 1;
    await expectBadInput(
      scenarioWith('r.yaml', replace('costAversion: 0.8 ', 'costAversion: 1.8 ')),
      [],
      new RegExp(`r\\.yaml:${line}: actors\\.CHN\\.costAversion: out of range \\(expected a number <= 1, found 1\\.8\\)`),
    );
  });

  it('unknown actor reference in a tie', async () => {
    await expectBadInput(
      scenarioWith('a.yaml', replace('{ from: KAZ, to: RUS,', '{ from: KAZ, to: RUSS,')),
      [],
      /ties\[20\]\.to: unknown actor "RUSS" \(expected one of: CHN, RUS, USA, EU, IND, KAZ/,
    );
  });

  it('unknown actor reference in a shock', async () => {
    await expectBadInput(
      scenarioWith('s.yaml', replace('kind: war, actor: RUS', 'kind: war, actor: UKR')),
      [],
      /shocks\[0\]\.actor: unknown actor "UKR"/,
    );
  });

  it('duplicate shock ids', async () => {
    await expectBadInput(
      scenarioWith('d.yaml', replace('id: samarkand', 'id: invasion')),
      [],
      /shocks\[5\]\.id: duplicate shock id "invasion"/,
    );
  });

  it('duplicate actor keys', async () => {
    await expectBadInput(
      scenarioWith('dk.yaml', replace('  KAZ:\n    name: Kazakhstan', '  CHN:\n    name: Kazakhstan')),
      [],
      /dk\.yaml:\d+: malformed YAML: Map keys must be unique/,
    );
  });

  it('duplicate tie', async () => {
    const text = replace('  - { from: CHN, to: KAZ,', '  - { from: KAZ, to: CHN, commitment: {} }\n  - { from: CHN, to: KAZ,');
    await expectBadInput(scenarioWith('dt.yaml', text), [], /duplicate tie KAZ>CHN/);
  });

  it('unknown domain', async () => {
    await expectBadInput(
      scenarioWith('dom.yaml', replace('domains: [finance, military], at: 23', 'domains: [finance, banking], at: 23')),
      [],
      /shocks\[7\]\.domains\[1\]: not an allowed value \(expected one of: trade, energy, finance, defense, military, diplomatic, found "banking"\)/,
    );
  });

  it('unknown domain in a commitment', async () => {
    await expectBadInput(
      scenarioWith('dom2.yaml', replace('commitment: { trade: 0.60, energy: 0.05,', 'commitment: { trade: 0.60, oil: 0.05,')),
      [],
      /ties\[2\]\.commitment\.oil: unknown field "oil"/,
    );
  });

  it('unknown shock kind', async () => {
    await expectBadInput(
      scenarioWith('kind.yaml', replace('kind: war,', 'kind: invasion,')),
      [],
      /shocks\[0\]: unknown shock kind \(expected kind one of: war, sanctions, secondarySanctions, inducement/,
    );
  });

  it('a shock outside the tick range', async () => {
    await expectBadInput(
      scenarioWith('tick.yaml', replace('at: 28, intensity', 'at: 48, intensity')),
      [],
      /shocks\[10\]\.at: shock is outside the tick range \(expected a tick in 0\.\.47, found 48\)/,
    );
  });

  it('a shock outside the range set by --ticks', async () => {
    await expectBadInput(
      DEFAULT_SCENARIO,
      ['--ticks', '20'],
      /shocks\[4\]\.until: shock end is outside its range \(expected a tick in 7\.\.19, found 20\)/,
    );
    await expectBadInput(
      DEFAULT_SCENARIO,
      ['--ticks', '23'],
      /shocks\[7\]\.at: shock is outside the tick range \(expected a tick in 0\.\.22, found 23\)/,
    );
  });

  it('a bad expression', async () => {
    await expectBadInput(
      scenarioWith('e.yaml', replace('"0.5 + 0.3 * (t >= 11)"', '"0.5 + * t"')),
      [],
      /shocks\[1\]\.severity: bad value: cannot parse/,
    );
  });

  it('an expression that leaves its range at some tick', async () => {
    await expectBadInput(
      scenarioWith('e2.yaml', replace('"0.5 + 0.3 * (t >= 11)"', '"0.5 + t / 40"')),
      [],
      /shocks\[1\]\.severity: bad value: "0\.5 \+ t \/ 40" is 1\.025 at t=21, outside \[0, 1\]/,
    );
  });

  it.each([
    ['import({}, {})', /function "import" is not allowed/],
    ['evaluate("1")', /only numbers are allowed|function "evaluate" is not allowed/],
    ['createUnit("foo")', /only numbers are allowed|function "createUnit" is not allowed/],
    ['parse("1")', /only numbers are allowed|function "parse" is not allowed/],
    ['f(x) = x', /functionassignment syntax is not allowed/],
    ['a = 1', /assignment syntax is not allowed/],
    ['t.constructor', /accessor syntax is not allowed/],
    ['[1, 2]', /array syntax is not allowed/],
    ['process', /unknown symbol "process"/],
  ])('an unsafe expression: %s', async (expr, pattern) => {
    await expectBadInput(
      scenarioWith('u.yaml', replace('"0.5 + 0.3 * (t >= 11)"', JSON.stringify(expr))),
      [],
      /shocks\[1\]\.severity: bad value/,
      pattern,
    );
  });

  it('a --set path that names nothing', async () => {
    await expectBadInput(
      DEFAULT_SCENARIO,
      ['--set', 'actors.CHN.costAversoin=0.5'],
      /--set actors\.CHN\.costAversoin=0\.5: parameter path names nothing: "costAversoin" is not a field here/,
    );
    await expectBadInput(DEFAULT_SCENARIO, ['--set', 'shocks.nope.severity=0.5'], /no shocks entry "nope"/);
    await expectBadInput(DEFAULT_SCENARIO, ['--set', 'ties.CHN>XYZ.commitment.finance=0.5'], /no ties entry "CHN>XYZ"/);
  });

  it('a --set value out of range', async () => {
    await expectBadInput(
      DEFAULT_SCENARIO,
      ['--set', 'actors.CHN.costAversion=1.5'],
      /--set actors\.CHN\.costAversion=1\.5: out of range \(expected a number <= 1, found 1\.5\)/,
    );
  });

  it('an unknown lever', async () => {
    await expectBadInput(DEFAULT_SCENARIO, ['--lever', 'nuke'], /unknown lever "nuke" \(expected one of: coerciveWedge/);
  });

  it('non-positive ticks or replications', async () => {
    await expectBadInput(
      scenarioWith('z.yaml', replace('ticks: 48', 'ticks: 0')),
      [],
      /ticks: out of range \(expected a number >= 1, found 0\)/,
    );
    await expectBadInput(scenarioWith('z2.yaml', replace('replications: 30', 'replications: -2')), [], /replications: out of range/);
    await expectBadInput(DEFAULT_SCENARIO, ['--ticks', '0'], /ticks must be a positive integer/);
    await expectBadInput(DEFAULT_SCENARIO, ['--replications', '0'], /replications must be a positive integer/);
  });

  it('an output directory holding files entente did not write', async () => {
    const out = tempDir();
    writeFileSync(join(out, 'precious.txt'), 'keep me');
    const r = await entente(['run', DEFAULT_SCENARIO, '--out', out, '-q', '--replications', '1']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/refusing to replace this directory: it holds files and no entente manifest\.json/);
    expect(readdirSync(out)).toEqual(['precious.txt']);
  });

  it('entente check reports the same errors and validates every lever', async () => {
    const r = await entente(['check', scenarioWith('lv.yaml', replace('at: 12, severity: 0.4', 'at: 12, severity: 1.4'))]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/lv\.yaml:\d+: levers\.coerciveWedge\.shocks\[0\]\.severity: bad value: 1\.4 is outside \[0, 1\]/);
    const lever = await entente([
      'check',
      scenarioWith('lv2.yaml', replace('target: CHN, domains: [trade], at: 12', 'target: CHINA, domains: [trade], at: 12')),
    ]);
    expect(lever.status).toBe(2);
    expect(lever.stderr).toMatch(/lv2\.yaml:\d+: levers\.coerciveWedge\.shocks\[1\]\.target: unknown actor "CHINA"/);
    expect((await entente(['check', DEFAULT_SCENARIO])).status).toBe(0);
  });
});
