/**
 * Shocks are modules, like mechanisms (model/shocks/): the model owns the list of
 * kinds, and the scenario schema is built from it. Each kind's schema has exactly the
 * common fields and the fields the kind declares; every role names a declared field of
 * the right type; the kinds that other kinds read go first in the shock phase.
 */
import { describe, expect, it } from 'vitest';
import { SHOCK_KINDS } from '../../src/model/shocks/index.js';
import { SHOCK_SCHEMAS } from '../../src/scenario/schema.js';
import { loadText, TWO_ACTORS } from '../helpers.js';

const COMMON = ['id', 'kind', 'at', 'until', 'description'];

describe('shock kinds', () => {
  it('the scenario schema has one shock schema per registered kind, in registry order', () => {
    expect(Object.keys(SHOCK_SCHEMAS)).toEqual(SHOCK_KINDS.map((k) => k.kind));
  });

  it.each(SHOCK_KINDS.map((k) => [k.kind, k] as const))(
    '%s: its schema holds the common fields and its own, required as declared',
    (_name, kind) => {
      const schema = SHOCK_SCHEMAS[kind.kind] as unknown as {
        properties: Record<string, unknown>;
        required: string[];
        description: string;
      };
      expect(Object.keys(schema.properties)).toEqual([...COMMON, ...Object.keys(kind.fields)]);
      const required = Object.entries(kind.fields)
        .filter(([, f]) => !f.optional)
        .map(([name]) => name);
      expect([...schema.required].sort()).toEqual(['at', 'kind', ...required].sort());
      expect(schema.description).toBe(kind.description);
    },
  );

  it.each(SHOCK_KINDS.map((k) => [k.kind, k] as const))('%s: every role names a declared field of the type it needs', (_name, kind) => {
    const { roles, fields } = kind;
    const need: [string | undefined, string][] = [
      [roles.actor, 'actor'],
      [roles.target, 'actor'],
      [roles.magnitude.field, 'value'],
      [roles.enforcement, 'value'],
      [roles.domains, 'domains'],
      [roles.reach, 'reach'],
      [roles.condition, 'condition'],
    ];
    for (const [field, type] of need) if (field !== undefined) expect(fields[field]?.type, `${kind.kind}.${field}`).toBe(type);
    expect(roles.magnitude.min).toBeLessThan(roles.magnitude.max);
  });

  it('early kinds act first whatever the order in the file (inducements before the secondary sanctions that read their exposure)', () => {
    const { config } = loadText(`${TWO_ACTORS}
shocks:
  - { kind: secondarySanctions, sender: C, target: B, domains: [finance], at: 0, severity: 0.5 }
  - { kind: war, actor: B, at: 0, intensity: 0.5 }
  - { kind: inducement, sender: C, target: A, at: 0, size: 0.2 }
`);
    expect(Array.from(config.shockOrder, (q) => config.shocks[q]?.kind)).toEqual(['inducement', 'secondarySanctions', 'war']);
  });
});
