/**
 * The scenario format as TypeBox schemas. TypeBox values *are* JSON Schema, so
 * the schema `entente schema` prints and the one Ajv validates against are the
 * same object, and the TypeScript types below are derived from it.
 */
import { type Static, type TSchema, Type } from '@sinclair/typebox';
import { DOMAINS, type Domain } from '../model/domains.js';
import {
  DEFAULT_MECHANISM_WEIGHTS,
  DEFAULT_MODEL_PARAMS,
  DOMAIN_COST_MAX,
  ECONOMY_MAX,
  MECHANISM_WEIGHT_MAX,
  MODEL_PARAM_MAX,
  type ModelParamName,
} from '../model/parameters.js';
import { SHOCK_KINDS } from '../model/shocks/index.js';
import type { FieldType } from '../model/shocks/kind.js';
import { MAX_REPLICATIONS, MAX_TICKS } from './bounds.js';
import { OutcomesField } from './outcomes.js';

export { MAX_REPLICATIONS, MAX_TICKS } from './bounds.js';

/**
 * Bounds on free text: every id, name, unit and description is copied into outputs (a unit into
 * every row of observables.csv, names and descriptions into manifests, reports and the explore
 * page), so their length bounds what a command writes.
 */
export const TEXT_BOUNDS = { id: 64, name: 200, unit: 64, description: 2000 } as const;
const Id = (pattern: string, description?: string) =>
  Type.String({ pattern, maxLength: TEXT_BOUNDS.id, ...(description ? { description } : {}) });
const Name = () => Type.String({ minLength: 1, maxLength: TEXT_BOUNDS.name });
const Description = () => Type.Optional(Type.String({ maxLength: TEXT_BOUNDS.description }));

const ActorId = Id('^[A-Za-z][A-Za-z0-9_]*$', 'An actor id, e.g. CHN');
const Unit = Type.Number({ minimum: 0, maximum: 1 });
const Tick = Type.Integer({ minimum: 0, description: 'Tick (0 = the start month)' });

/** A number, or a mathjs expression of `t` (the tick) such as "0.8 * exp(-t / 24)". */
export const Value = Type.Union([Type.Number(), Type.String({ minLength: 1 })], {
  description: 'A number or a math expression of t, the tick',
});

const DomainName = Type.Unsafe<Domain>({
  type: 'string',
  enum: [...DOMAINS],
  description: `One of: ${DOMAINS.join(', ')}`,
});
const Domains = Type.Array(DomainName, { minItems: 1, uniqueItems: true });
const perDomainOf = <T extends TSchema>(value: T, description: string) =>
  Type.Partial(Type.Object({ trade: value, energy: value, finance: value, defense: value, military: value, diplomatic: value }), {
    additionalProperties: false,
    description,
  });
const PerDomain = (description: string) => perDomainOf(Unit, description);
const Signed = Type.Number({ minimum: -1, maximum: 1 });
const PerActor = (description: string) => Type.Record(Id('^[A-Za-z][A-Za-z0-9_]*$'), Unit, { description });

export const Actor = Type.Object(
  {
    name: Type.Optional(Name()),
    economy: Type.Number({ exclusiveMinimum: 0, maximum: ECONOMY_MAX, description: 'GDP in USD trillion' }),
    costAversion: Unit,
    exposureAversion: Unit,
    opportunism: Unit,
    commitmentNorm: Unit,
    netExports: Type.Optional(
      perDomainOf(
        Signed,
        'Net trade position per payment-bound domain, (exports − imports) / (exports + imports): 1 only sells, −1 only buys (missing = 0, balanced)',
      ),
    ),
    importIntensity: Type.Optional(
      perDomainOf(
        Type.Number({ minimum: 0, maximum: 100 }),
        "Imports per unit of GDP in each payment-bound domain, relative to the world's (missing = 1): how much of a sanctioned seller's goods it could take",
      ),
    ),
    stress: Type.Optional(Type.Number({ minimum: 0, maximum: 1, description: 'Initial (baseline) stress' })),
    grievance: Type.Optional(PerActor('Initial grievance against each named actor')),
    exposure: Type.Optional(PerActor('What this actor would lose with each named actor (sanction exposure)')),
    stakes: Type.Optional(PerActor("This actor's stake in each named actor's sovereignty")),
  },
  { additionalProperties: false },
);

export const Tie = Type.Object(
  {
    from: ActorId,
    to: ActorId,
    commitment: PerDomain('Initial commitment of `from` to `to` per domain (missing = 0)'),
  },
  { additionalProperties: false },
);

export const Divergence = Type.Object(
  { id: Type.String({ minLength: 1, maxLength: TEXT_BOUNDS.id }), weight: Unit, description: Description() },
  { additionalProperties: false },
);

export const Pair = Type.Object(
  {
    a: ActorId,
    b: ActorId,
    alignment: Type.Optional(Type.Number({ minimum: 0, maximum: 1, description: 'Shared goals (e.g. multipolarity)' })),
    rhetoric: Type.Optional(Type.Number({ minimum: 0, maximum: 1, description: 'Initial rhetoric of partnership' })),
    complementarity: Type.Optional(PerDomain('Economic complementarity per domain')),
    divergences: Type.Optional(Type.Array(Divergence)),
  },
  { additionalProperties: false },
);

const shock = <K extends string, P extends Record<string, TSchema>>(kind: K, props: P, description: string) =>
  Type.Object(
    {
      id: Type.Optional(Id('^[A-Za-z][A-Za-z0-9_-]*$')),
      kind: Type.Literal(kind),
      at: Tick,
      until: Type.Optional(Type.Integer({ minimum: 0, description: 'Last tick the shock is active (default: to the end)' })),
      description: Description(),
      ...props,
    },
    { additionalProperties: false, description },
  );

/** What a sanction acts on (docs/model.md §5.2): transactions, commitments, or both. */
const SanctionReach = Type.Unsafe<'exchange' | 'commitment' | 'both'>({
  type: 'string',
  enum: ['exchange', 'commitment', 'both'],
  description:
    'exchange: bars transactions (buying crude, shipping) and leaves commitments to the mechanisms; commitment: raises the cost of commitment (banks facilitating, aid) and leaves exchange open; both (default)',
});

/** An inducement's condition (model/shocks/inducement.ts). */
const Condition = Type.Object(
  {
    partner: ActorId,
    domains: Type.Optional(Domains),
    max: Type.Number({
      minimum: 0,
      maximum: 1,
      description:
        "The bound on the target's mean commitment to the partner over the domains. Each tick the target compares the reward's worth (model.inducementPrice × size) with the surplus it would give up by holding its commitments at the bound; if that is more, it walks away and the reward is withdrawn",
    }),
  },
  { additionalProperties: false },
);

/** The JSON Schema of each field type a shock kind may declare. */
const FIELD_SCHEMAS: Readonly<Record<FieldType, TSchema>> = {
  actor: ActorId,
  value: Value,
  domains: Domains,
  reach: SanctionReach,
  condition: Condition,
};

/** Each kind's schema, built from the fields it declares (model/shocks/): the model owns the list of kinds. */
export const SHOCK_SCHEMAS: Readonly<Record<string, TSchema>> = Object.fromEntries(
  SHOCK_KINDS.map((k) => [
    k.kind,
    shock(
      k.kind,
      Object.fromEntries(
        Object.entries(k.fields).map(([name, f]) => [name, f.optional ? Type.Optional(FIELD_SCHEMAS[f.type]) : FIELD_SCHEMAS[f.type]]),
      ),
      k.description,
    ),
  ]),
);

/** A shock as the file gives it: the common fields, and its kind's own (checked against SHOCK_SCHEMAS). */
export interface ShockSpec {
  readonly id?: string;
  readonly kind: string;
  readonly at: number;
  readonly until?: number;
  readonly description?: string;
  readonly [field: string]: unknown;
}

/** Shocks are a union discriminated by `kind`; Ajv's `discriminator` gives errors for the named kind only. */
export const Shock = Type.Unsafe<ShockSpec>({
  type: 'object',
  required: ['kind'],
  discriminator: { propertyName: 'kind' },
  oneOf: Object.values(SHOCK_SCHEMAS),
});

export const Lever = Type.Object(
  {
    description: Description(),
    shocks: Type.Optional(Type.Array(Shock)),
    set: Type.Optional(Type.Record(Type.String(), Value, { description: 'Parameter overrides by path, as with --set' })),
  },
  { additionalProperties: false },
);

const numberParams = <T extends Record<string, number>>(defaults: T, max: (name: string) => number) =>
  Type.Object(
    Object.fromEntries(
      Object.entries(defaults).map(([k, v]) => [k, Type.Optional(Type.Number({ minimum: 0, maximum: max(k), default: v }))]),
    ),
    { additionalProperties: false },
  );

export const ModelBlock = Type.Object(
  {
    ...numberParams(DEFAULT_MODEL_PARAMS, (k) => MODEL_PARAM_MAX[k as ModelParamName]).properties,
    mechanisms: Type.Optional(numberParams(DEFAULT_MECHANISM_WEIGHTS, () => MECHANISM_WEIGHT_MAX)),
    domains: Type.Optional(
      Type.Object(
        Object.fromEntries(
          DOMAINS.map((d) => [
            d,
            Type.Optional(
              Type.Object(
                {
                  cost: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: DOMAIN_COST_MAX })),
                  financialExposure: Type.Optional(Unit),
                  strategic: Type.Optional(Unit),
                  complementarity: Type.Optional(Unit),
                  payment: Type.Optional(Unit),
                },
                { additionalProperties: false },
              ),
            ),
          ]),
        ),
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

export const Scenario = Type.Object(
  {
    $schema: Type.Optional(Type.String()),
    name: Name(),
    description: Description(),
    ticks: Type.Integer({ minimum: 1, maximum: MAX_TICKS, description: 'Number of ticks (months) to simulate' }),
    start: Type.Optional(Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$', description: 'YYYY-MM of tick 0' })),
    seed: Type.Optional(Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER })),
    replications: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_REPLICATIONS })),
    model: Type.Optional(ModelBlock),
    actors: Type.Record(Id('^[A-Za-z][A-Za-z0-9_]*$'), Actor, { minProperties: 2 }),
    ties: Type.Array(Tie),
    pairs: Type.Optional(Type.Array(Pair)),
    shocks: Type.Optional(Type.Array(Shock)),
    focus: Type.Optional(
      Type.Array(Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_]*-[A-Za-z][A-Za-z0-9_]*$', maxLength: 2 * TEXT_BOUNDS.id + 1 }), {
        description: 'Pairs of interest, e.g. CHN-RUS: entente compare reports these first',
      }),
    ),
    levers: Type.Optional(Type.Record(Id('^[A-Za-z][A-Za-z0-9_-]*$'), Lever)),
    outcomes: OutcomesField,
    observed: Type.Optional(
      Type.String({
        minLength: 1,
        description: 'Observed data CSV (indicator, period, value, unit), relative to this file: reports plot it',
      }),
    ),
    posterior: Type.Optional(
      Type.String({
        minLength: 1,
        description:
          'A calibrated posterior of this scenario (a directory written by entente calibrate --method abc), relative to this file: entente compare gives its verdicts over it unless --no-posterior',
      }),
    ),
    observables: Type.Optional(
      Type.Record(
        Id('^[a-z][a-z0-9_]*$'),
        Type.Object(
          {
            expression: Type.String({
              minLength: 1,
              description:
                'Model state → indicator, e.g. flow(CHN, RUS) or 150 * mutual(CHN, RUS, finance); readers: ' +
                'flow, channel, dollar, depth, rhetoric, divergence (pairs); c, mutual (tie and domain); ' +
                'concession, dependence (ties); stress, need, dollarAccess (actors); t',
            }),
            unit: Type.Optional(Type.String({ maxLength: TEXT_BOUNDS.unit })),
            description: Description(),
          },
          { additionalProperties: false },
        ),
        { description: 'Real-world indicators computed from model state each tick (observables.csv); names as in the observed data' },
      ),
    ),
  },
  { additionalProperties: false, $id: 'https://entente.dev/schema/scenario.json', title: 'entente scenario' },
);

export type ScenarioFile = Static<typeof Scenario>;
export type ActorSpec = Static<typeof Actor>;
export type TieSpec = Static<typeof Tie>;
export type PairSpec = Static<typeof Pair>;
export type LeverSpec = Static<typeof Lever>;
