/**
 * `npm run digest`: the SHA-256 of every output of a fixed set of commands, one line each, for
 * checking that a refactor leaves every output byte-identical (docs/development.md): each shipped
 * scenario and each of its levers, a sweep and a comparison on one worker and on two, and (with
 * DIGEST_POSTERIOR=1, about a minute) the comparison over the shipped posterior. Manifests are
 * left out: they hold timings and the command line.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { execute } from '../cli/execute.js';
import { loadScenario } from '../scenario/load.js';

const ROOT = join(import.meta.dirname, '..', '..');
const SCENARIOS = ['china-russia-2022', 'nato-contrast', 'tutorial'].map((name) => join(ROOT, 'scenarios', `${name}.yaml`));

async function entente(args: readonly string[]): Promise<void> {
  const err: string[] = [];
  const status = await execute(args, { out: () => {}, err: (s) => err.push(s) });
  if (status !== 0) throw new Error(`entente ${args.join(' ')}: ${err.join('\n')}`);
}

/** `name path sha256` for every file under `dir` but manifests, in path order. */
function digests(name: string, dir: string): string[] {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(join(dir, f)).isFile() && !f.endsWith('manifest.json'))
    .sort();
  return files.map(
    (f) =>
      `${name} ${relative(dir, join(dir, f))} ${createHash('sha256')
        .update(readFileSync(join(dir, f)))
        .digest('hex')}`,
  );
}

const work = mkdtempSync(join(tmpdir(), 'entente-digest-'));
const lines: string[] = [];
try {
  for (const file of SCENARIOS) {
    const name = file.split('/').pop()?.replace('.yaml', '') ?? '';
    for (const lever of [undefined, ...Object.keys(loadScenario(file).spec.levers ?? {})]) {
      const out = join(work, `${name}-${lever ?? 'baseline'}`);
      await entente(['run', file, '--out', out, '-r', '3', '--contributions', '-q', ...(lever ? ['--lever', lever] : [])]);
      lines.push(...digests(`run ${name} ${lever ?? 'baseline'}`, out));
    }
  }
  const sweep = join(work, 'sweep.yaml');
  writeFileSync(
    sweep,
    `scenario: ${SCENARIOS[0]}\nname: digest\ndesign: lhs\nsamples: 24\nreplications: 3\nseed: 11\noutputs: { pairs: true }\nparameters:\n  actors.CHN.costAversion: { min: 0.4, max: 1.0 }\n  shocks.eo14114.enforcement: { min: 0.2, max: 1.0 }\n`,
  );
  for (const workers of ['1', '2']) {
    const out = join(work, `sweep-${workers}`);
    await entente(['sweep', sweep, '--out', out, '-w', workers, '-q']);
    lines.push(...digests(`sweep w${workers}`, out));
    const compared = join(work, `compare-${workers}`);
    await entente(['compare', SCENARIOS[0] as string, '--no-posterior', '-r', '40', '--out', compared, '-w', workers, '-q']);
    lines.push(...digests(`compare w${workers}`, compared));
  }
  if (process.env.DIGEST_POSTERIOR === '1') {
    const out = join(work, 'compare-posterior');
    await entente(['compare', SCENARIOS[0] as string, '--out', out, '-q']);
    lines.push(...digests('compare posterior', out));
  }
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
