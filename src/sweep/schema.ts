/**
 * The sweep file format: which scenario to vary, how (a design), and over
 * which parameters (by path, DESIGN §4). TypeBox, so `entente schema sweep`
 * prints the schema Ajv validates with.
 */
import { type Static, Type } from '@sinclair/typebox';

const Range = Type.Object(
  {
    min: Type.Number(),
    max: Type.Number(),
    steps: Type.Optional(Type.Integer({ minimum: 2, description: 'Levels of a grid over the range (grid design only)' })),
    log: Type.Optional(Type.Boolean({ description: 'Sample on a log scale (min > 0)' })),
  },
  { additionalProperties: false, description: 'A numeric range' },
);

const Levels = Type.Array(Type.Union([Type.Number(), Type.String({ minLength: 1 })]), {
  minItems: 1,
  description: 'A list of values (numbers or expressions of t)',
});

export const DESIGNS = ['grid', 'random', 'lhs', 'sobol', 'morris'] as const;
export type DesignName = (typeof DESIGNS)[number];

export const Sweep = Type.Object(
  {
    $schema: Type.Optional(Type.String()),
    name: Type.Optional(Type.String({ minLength: 1 })),
    scenario: Type.String({ minLength: 1, description: 'Scenario file, relative to this sweep file' }),
    design: Type.Unsafe<DesignName>({ type: 'string', enum: [...DESIGNS], description: `One of: ${DESIGNS.join(', ')}` }),
    samples: Type.Optional(
      Type.Integer({
        minimum: 1,
        description: 'Points (random, lhs), base samples, a power of two (sobol), trajectories (morris); not allowed for grid',
      }),
    ),
    replications: Type.Optional(Type.Integer({ minimum: 1, description: 'Replications per point (default: the scenario’s)' })),
    seed: Type.Optional(Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER })),
    lever: Type.Optional(Type.String({ description: 'Apply one of the scenario’s levers at every point' })),
    outputs: Type.Optional(
      Type.Object(
        {
          ties: Type.Optional(Type.Boolean()),
          pairs: Type.Optional(Type.Boolean()),
          actors: Type.Optional(Type.Boolean()),
          events: Type.Optional(Type.Boolean()),
        },
        { additionalProperties: false, description: 'Per-tick files to keep besides runs.csv (summary rows are always kept)' },
      ),
    ),
    parameters: Type.Record(Type.String(), Type.Union([Levels, Range], { description: 'A list of values, or {min, max}' }), {
      minProperties: 1,
      description: 'Parameters to vary, by path (actors.CHN.costAversion, shocks.ID.enforcement, ...)',
    }),
  },
  { additionalProperties: false, title: 'entente sweep' },
);

export type SweepFile = Static<typeof Sweep>;
export type ParameterSpec = SweepFile['parameters'][string];
export const PER_TICK_OUTPUTS = ['ties', 'pairs', 'actors', 'events'] as const;
export type PerTickOutput = (typeof PER_TICK_OUTPUTS)[number];
