/**
 * A scenario whose every text field holds markup meant to run: the scenario file, its observed
 * data, a calibrated posterior and a sweep file, all written to a fresh directory. The fields are
 * those src/scenario/schema.ts and src/experiments/sweepSchema.ts allow free text in (ids with a pattern
 * cannot hold markup); a page that shows them must show them as text (docs/explore.md, Security).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { TEXT_BOUNDS } from '../../src/scenario/schema.js';

/** Each sets window.__pwned to its own number if it ever runs. */
export const PAYLOADS = [
  '<img src=x onerror="window.__pwned=1">',
  '</script><script>window.__pwned=2</script>',
  '"><svg onload=window.__pwned=3>',
  'javascript:window.__pwned=4',
  '\'><iframe src="javascript:parent.__pwned=5"></iframe>',
  '<!--<script>window.__pwned=6//',
  '<![CDATA[]]><script>window.__pwned=7</script>',
  '&lt;img src=x onerror=window.__pwned=8&gt;',
] as const;

/**
 * Payloads after a label, so a field's text can be found on the page: every one, or for a field
 * the schema bounds (TEXT_BOUNDS) as many as fit, taken in turn from the `from`th.
 */
export function text(label: string, max = Number.POSITIVE_INFINITY, from = 0): string {
  let out = label;
  for (let i = 0; i < PAYLOADS.length; i++) {
    const next = `${out} ${PAYLOADS[(from + i) % PAYLOADS.length]}`;
    if (next.length > max) break;
    out = next;
  }
  return out;
}

/** Markup for names that are also path segments or file names: no dot, no slash. */
export const BARE = "<img src=x onerror=self['__pwned']=9>";

/** Markup for a parameter path of a sweep or a posterior (no dot, and no = either: a value is set as PATH=VALUE). */
export const NO_EQUALS = '<script>alert(10)</script>';

export interface PayloadFiles {
  readonly scenario: string;
  readonly sweep: string;
  readonly posterior: string;
  /** The texts the scenario gives, by field, as a page should show them. */
  readonly shown: {
    readonly name: string;
    readonly description: string;
    readonly actors: readonly string[];
    readonly levers: readonly string[];
    readonly shock: string;
    readonly observable: { readonly unit: string; readonly description: string };
  };
}

const actor = (name: string, economy: number) => ({
  name,
  economy,
  costAversion: 0.6,
  exposureAversion: 0.5,
  opportunism: 0.4,
  commitmentNorm: 0.3,
});

export function payloadFiles(dir: string): PayloadFiles {
  const shown = {
    name: text('scenario name', TEXT_BOUNDS.name),
    description: text('scenario description'),
    actors: [text('actor P', TEXT_BOUNDS.name, 0), text('actor Q', TEXT_BOUNDS.name, 3), text('actor W', TEXT_BOUNDS.name, 5)],
    levers: [text('lever reward'), text('lever softer')],
    shock: text('shock bank'),
    observable: { unit: text('unit', TEXT_BOUNDS.unit), description: text('observable') },
  };
  const observed = `${BARE}.csv`;
  const posterior = join(dir, BARE);
  const divergence = (id: string) => `pairs.P-Q.divergences.${id}.weight`;
  const scenario = {
    $schema: text('schema'),
    name: shown.name,
    description: shown.description,
    ticks: 12,
    start: '2030-01',
    seed: 5,
    replications: 3,
    actors: { P: actor(shown.actors[0] ?? '', 10), Q: actor(shown.actors[1] ?? '', 2), W: actor(shown.actors[2] ?? '', 20) },
    ties: [
      { from: 'P', to: 'Q', commitment: { trade: 0.3, finance: 0.2, diplomatic: 0.5 } },
      { from: 'Q', to: 'P', commitment: { trade: 0.3, energy: 0.4, diplomatic: 0.5 } },
      { from: 'Q', to: 'W', commitment: { trade: 0.3, finance: 0.2 } },
    ],
    pairs: [
      {
        a: 'P',
        b: 'Q',
        alignment: 0.7,
        rhetoric: 0.8,
        divergences: [
          { id: BARE, weight: 0.1, description: text('divergence') },
          { id: NO_EQUALS, weight: 0.1, description: text('divergence') },
        ],
      },
    ],
    shocks: [
      {
        id: 'bank',
        kind: 'secondarySanctions',
        sender: 'W',
        target: 'Q',
        domains: ['finance'],
        at: 3,
        severity: 0.8,
        enforcement: 0.7,
        description: shown.shock,
      },
    ],
    levers: {
      reward: {
        description: shown.levers[0],
        shocks: [
          {
            kind: 'inducement',
            sender: 'W',
            target: 'P',
            at: 4,
            size: 0.3,
            condition: { partner: 'Q', domains: ['finance'], max: 0.3 },
            description: text('lever shock'),
          },
        ],
      },
      softer: { description: shown.levers[1], set: { 'shocks.bank.enforcement': 0.3 } },
    },
    focus: ['P-Q'],
    observed,
    posterior: BARE,
    observables: { trade: { expression: 'flow(P, Q)', ...shown.observable } },
  };
  // The scenario file's own name is shown on the page (its note, the command to reproduce).
  const file = join(dir, `${BARE}.yaml`);
  writeFileSync(file, stringify(scenario));
  const unit = `"${shown.observable.unit.replace(/"/g, '""')}"`;
  writeFileSync(join(dir, observed), `indicator,period,value,unit\ntrade,2030,1.5,${unit}\ntrade,2030-06,1.7,${unit}\n`);
  mkdirSync(posterior);
  writeFileSync(
    join(posterior, 'manifest.json'),
    JSON.stringify({
      tool: 'entente',
      entente_output: 'calibration',
      complete: true,
      method: 'abc-smc',
      scenario: { file, sha256: text('sha') },
    }),
  );
  const rows = Array.from({ length: 6 }, (_, i) => `${i},1,0.5,${0.3 + i / 10},${i / 20}`);
  writeFileSync(
    join(posterior, 'posterior.csv'),
    `particle,weight,distance,actors.P.costAversion,"${divergence(NO_EQUALS)}"\n${rows.join('\n')}\n`,
  );
  const sweep = join(dir, 'sweep.yaml');
  writeFileSync(
    sweep,
    stringify({
      $schema: text('sweep schema'),
      name: text('sweep', TEXT_BOUNDS.name),
      scenario: `./${BARE}.yaml`,
      design: 'lhs',
      samples: 4,
      lever: 'softer',
      parameters: {
        'actors.P.costAversion': { min: 0.2, max: 0.9 },
        [divergence(NO_EQUALS)]: { min: 0, max: 0.5 },
        'shocks.bank.enforcement': [0.2, 0.9],
      },
    }),
  );
  return { scenario: file, sweep, posterior, shown };
}
