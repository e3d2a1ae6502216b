/**
 * Hostile and mistyped input found by adversarial testing (issue 13): each is
 * exit 2 with one line naming file, field and cause — never a stack trace,
 * never a silent no-op — and nothing is written.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO, entente, expectRefused, fileIn, ROOT, tempDir } from '../helpers.js';

const TUTORIAL = join(ROOT, 'scenarios', 'tutorial.yaml');
const TEXT = readFileSync(TUTORIAL, 'utf8');
let dir: string;
beforeAll(() => {
  dir = tempDir('entente-inputs-');
});

const file = (name: string, text: string) => fileIn(dir, name, text);
const refused = async (args: readonly string[], ...patterns: RegExp[]) => await expectRefused(dir, args, ...patterns);

describe('hostile files and expressions', () => {
  it('a YAML alias bomb', async () => {
    const bomb = ['a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]'];
    for (const [x, y] of [
      ['b', 'a'],
      ['c', 'b'],
      ['d', 'c'],
    ])
      bomb.push(`${x}: &${x} [${Array(10).fill(`*${y}`).join(', ')}]`);
    await refused(['run', file('bomb.yaml', `${bomb.join('\n')}\n`)], /bomb\.yaml: malformed YAML: Excessive alias count/);
  });

  it.each([
    ['max()', /Too few arguments in function max/],
    ['sin(1, 2)', /Too many arguments in function sin/],
    ['round(0.5, 100)', /Number of decimals in function round/],
  ])('a whitelisted function called wrongly: %s, as a scenario value and as a sweep list value', async (expression, pattern) => {
    await refused(['run', TUTORIAL, '--set', `shocks.war.intensity=${expression}`], /shocks\[0\]\.intensity: bad value/, pattern);
    const sweep = file('list.yaml', `scenario: ${TUTORIAL}\ndesign: grid\nparameters:\n  shocks.war.intensity: [0.5, "${expression}"]\n`);
    await refused(['sweep', sweep], /list\.yaml:\d+: parameters\.shocks\.war\.intensity/, pattern);
  });

  it('an expression of 3,000 terms', async () => {
    await refused(
      ['run', TUTORIAL, '--set', `shocks.war.intensity=0.1${' + 0.0001'.repeat(3000)}`],
      /is too long \(27003 characters; at most 1000\)/,
    );
  });

  it('an observable that names a tick where a domain belongs fails before anything runs', async () => {
    const scenario = file('obs.yaml', `${TEXT}\nobservables:\n  x: { expression: "c(P, Q, t)" }\n`);
    await refused(['run', scenario], /obs\.yaml:\d+: observables\.x\.expression: observable x: \d+ is not a domain/);
  });

  it('JSON with comments says so', async () => {
    await refused(['run', file('c.json', '{\n  // a comment\n  "name": "x"\n}\n')], /c\.json:2: malformed JSON: .*JSON has no comments/);
  });
});

describe('mistyped paths and names', () => {
  it('__proto__ and friends are refused, not accepted and ignored', async () => {
    await refused(['run', TUTORIAL, '--set', 'actors.__proto__=5'], /"__proto__" is not a field of any scenario/);
    await refused(['run', TUTORIAL, '--set', 'model.__proto__=1'], /"__proto__" is not a field of any scenario/);
    await refused(['run', TUTORIAL, '--set', 'model.constructor=1'], /"constructor" is not a field of any scenario/);
    await refused(['run', TUTORIAL, '--set', 'model.toString=1'], /"toString" is not a field here/);
    // A lever named like an Object method found the prototype's and ran the baseline under that name.
    await refused(['run', TUTORIAL, '--lever', 'constructor'], /unknown lever "constructor"/);
    await refused(['run', DEFAULT_SCENARIO, '--lever', 'rewardWedg'], /unknown lever "rewardWedg" \(did you mean rewardWedge\?\)/);
  });

  it('a mistyped actor, field, shock or tie says what there is', async () => {
    await refused(['run', DEFAULT_SCENARIO, '--set', 'actors.CNH.costAversion=0.4'], /no actor CNH \(did you mean CHN\?\)/);
    await refused(
      ['run', DEFAULT_SCENARIO, '--set', 'actors.CHN.costAversoin=0.4'],
      /"costAversoin" is not a field here \(did you mean costAversion\?\)/,
    );
    await refused(
      ['run', DEFAULT_SCENARIO, '--set', 'shocks.eo1414.enforcement=0.5'],
      /no shocks entry "eo1414" \(did you mean eo14114\?\)/,
    );
    await refused(
      ['run', DEFAULT_SCENARIO, '--set', 'ties.CHN>RSU.commitment.trade=0.1'],
      /no ties entry "CHN>RSU" \(did you mean CHN>RUS\?\)/,
    );
    await refused(['run', DEFAULT_SCENARIO, '--set', 'actors.CHN.grievance.UAS=0.3'], /no actor UAS \(did you mean USA\?\)/);
  });

  it('a name that would put the default output outside out/', async () => {
    const scenario = file('escape.yaml', TEXT.replace(/^name: .*$/m, 'name: "../../x"'));
    const r = await entente(['run', scenario, '-q'], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/escape\.yaml: name: the name is used as the default output folder/);
    expect(readdirSync(dir).filter((f) => f === 'x' || f === 'out')).toEqual([]);
  });

  it('a range over a tick is drawn as whole ticks, and every point reproduces with run --set', async () => {
    const sweep = file(
      'ticks.yaml',
      `scenario: ${TUTORIAL}\ndesign: lhs\nsamples: 6\nreplications: 1\nparameters:\n  shocks.talks.at: { min: 2, max: 10 }\n`,
    );
    const out = join(dir, 'ticks');
    expect((await entente(['sweep', sweep, '--out', out, '-q', '--workers', '1'])).status).toBe(0);
    const values = readFileSync(join(out, 'points.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(',')[1] as string);
    expect(values).toHaveLength(6);
    for (const v of values) expect(v).toMatch(/^\d+$/);
    const again = await entente(['run', TUTORIAL, '--set', `shocks.talks.at=${values[0]}`, '--out', join(dir, 'again'), '-q']);
    expect(again.status, again.stderr).toBe(0);
  });
});

describe('damaged sweep directories', () => {
  const SWEEP = () =>
    file('s.yaml', `scenario: ${TUTORIAL}\ndesign: grid\nreplications: 2\nparameters:\n  actors.P.costAversion: [0.3, 0.6]\n`);

  it('a null or corrupt sweep.json on --resume and on merge', async () => {
    const out = join(dir, 'shard');
    expect((await entente(['sweep', SWEEP(), '--out', out, '--shard', '1/1', '-q', '--workers', '1'])).status).toBe(0);
    for (const text of ['null', '{bad']) {
      writeFileSync(join(out, 'sweep.json'), text);
      for (const args of [
        ['sweep', SWEEP(), '--out', out, '--shard', '1/1', '--resume', '-q'],
        ['merge', out, '--out', join(dir, 'merged')],
      ]) {
        const r = await entente(args);
        expect(r.status, r.stderr).toBe(2);
        expect(r.stderr).toMatch(/shard\/sweep\.json: sweep\.json is damaged \(not a JSON object\)/);
        expect(r.stderr.trim().split('\n')).toHaveLength(1);
      }
    }
    expect(existsSync(join(dir, 'merged'))).toBe(false);
  });

  it('merging a shard killed mid-assembly (runs.csv written, manifest not yet finished) is refused', async () => {
    const out = join(dir, 'half');
    expect((await entente(['sweep', SWEEP(), '--out', out, '--shard', '1/1', '-q', '--workers', '1'])).status).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    writeFileSync(join(out, 'manifest.json'), JSON.stringify({ ...manifest, complete: false }));
    const r = await entente(['merge', out, '--out', join(dir, 'merged-half')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/shard is unfinished: finish it with entente sweep --resume/);
    expect(existsSync(join(dir, 'merged-half'))).toBe(false);
  });
});
