/**
 * What the commands say to a new user (issue 17, item 8): every --help ends with examples that
 * run on this repository's files; a file of the wrong kind is named with the command that takes
 * it; a moved sweep's missing scenario points at its `scenario:` line; success prints the next
 * useful command (nothing with --quiet); sensitivity takes its method from the sweep's design.
 */
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO, entente, ROOT, tempDir } from '../helpers.js';

const COMMANDS = ['run', 'sweep', 'merge', 'compare', 'sensitivity', 'discover', 'calibrate', 'explore', 'report', 'check', 'schema'];
const SWEEP = join(ROOT, 'scenarios', 'sweeps', 'china-cost-aversion.yaml');

describe('guidance on the command line', () => {
  it.each(COMMANDS)('%s --help ends with examples whose files exist', async (name) => {
    const r = await entente([name, '--help']);
    expect(r.status).toBe(0);
    const [, examples = ''] = r.stdout.split('\nExamples:\n');
    const lines = examples.split('\n').filter((l) => l.trim() !== '');
    expect(lines.length, `${name} has two or three examples`).toBeGreaterThanOrEqual(2);
    for (const line of lines) {
      expect(line).toMatch(new RegExp(`^  \\$ entente ${name}\\b`));
      for (const path of line.split(/\s+/).filter((w) => /^scenarios\/.*\.ya?ml$/.test(w)))
        expect(existsSync(join(ROOT, path)), path).toBe(true);
    }
  });

  it('entente --help ends with examples too', async () => {
    expect((await entente(['--help'])).stdout).toMatch(/\nExamples:\n {2}\$ entente run scenarios\/china-russia-2022\.yaml/);
  });

  it('names a file of the wrong kind and the command that takes it (exit 2)', async () => {
    const cases: [string[], RegExp][] = [
      [['run', SWEEP], /this is a sweep file, not a scenario file \(expected a scenario file; for this one use entente sweep FILE/],
      [['sweep', DEFAULT_SCENARIO], /this is a scenario file, not a sweep file \(expected a sweep file; for this one use entente run FILE/],
      [
        ['run', join(ROOT, 'scenarios', 'calibration', 'china-russia.yaml')],
        /this is a calibration file, not a scenario file .*entente calibrate FILE/,
      ],
      [['report', DEFAULT_SCENARIO], /this is a scenario file: entente report draws an output directory .*entente run FILE --report/],
    ];
    for (const [args, message] of cases) {
      const r = await entente(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
    }
  });

  it('points a moved sweep’s missing scenario at its scenario: line', async () => {
    const moved = join(tempDir(), 'moved.yaml');
    copyFileSync(SWEEP, moved);
    const r = await entente(['sweep', moved, '--out', join(tempDir(), 'x')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/moved\.yaml:5: scenario: the scenario this sweep names is not there: .*china-russia-2022\.yaml/);
    expect(r.stderr).toMatch(/found "\.\.\/china-russia-2022\.yaml"/);
  });

  it('a lever’s run goes beside the baseline’s, not over it', async () => {
    const cwd = tempDir();
    const tutorial = join(ROOT, 'scenarios', 'tutorial.yaml');
    expect((await entente(['run', tutorial, '-r', '1', '-q'], cwd)).status).toBe(0);
    expect((await entente(['run', tutorial, '-r', '1', '--lever', 'reward', '-q'], cwd)).status).toBe(0);
    expect(existsSync(join(cwd, 'out', 'tutorial', 'pairs.csv'))).toBe(true);
    expect(JSON.parse(readFileSync(join(cwd, 'out', 'tutorial-reward', 'manifest.json'), 'utf8')).lever).toBe('reward');
    expect(JSON.parse(readFileSync(join(cwd, 'out', 'tutorial', 'manifest.json'), 'utf8')).lever).toBeNull();
  });

  it('prints the next useful command after success, and nothing with --quiet', async () => {
    const out = join(tempDir(), 'run');
    const r = await entente(['run', DEFAULT_SCENARIO, '-r', '2', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`next: npx entente report ${out}\n  or: npx entente compare ${DEFAULT_SCENARIO} --report`);
    const quiet = await entente(['run', DEFAULT_SCENARIO, '-r', '2', '--out', out, '-q']);
    expect(quiet.stdout).toBe('');
  });
});
