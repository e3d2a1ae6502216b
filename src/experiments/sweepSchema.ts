/**
 * The sweep file format: which scenario to vary, how (a design), and over
 * which parameters (by path, docs/reference.md). TypeBox, so `entente schema sweep`
 * prints the schema Ajv validates with.
 */
import { type Static, Type } from '@sinclair/typebox';

const Range = Type.Object(
  {
    min: Type.Number(),
    max: Type.Number(),
    steps: Type.Optional(Type.Integer({ minimum: 2, description: 'Levels of a grid over the range (grid design only)' })),
    log: Type.Optional(Type.Boolean({ description: 'Sample on a log scale (min > 0)' })),
    prior: Type.Optional(
      Type.Union(
        [
          Type.Object(
            { kind: Type.Literal('normal'), mean: Type.Number(), sd: Type.Number({ exclusiveMinimum: 0 }) },
            { additionalProperties: false },
          ),
          Type.Object(
            { kind: Type.Literal('beta'), a: Type.Number({ exclusiveMinimum: 0 }), b: Type.Number({ exclusiveMinimum: 0 }) },
            { additionalProperties: false },
          ),
          Type.Object(
            {
              kind: Type.Literal('spike'),
              p0: Type.Number({
                exclusiveMinimum: 0,
                exclusiveMaximum: 1,
                description: 'The prior probability of exactly min (e.g. 0: the mechanism may not exist)',
              }),
            },
            { additionalProperties: false },
          ),
        ],
        {
          description:
            'calibrate --method abc: the prior on [min, max] (a truncated normal, a beta stretched to the range, or a spike: min with probability p0, else uniform); default uniform, or log-uniform with log: true',
        },
      ),
    ),
  },
  { additionalProperties: false, description: 'A numeric range' },
);

const Levels = Type.Array(Type.Union([Type.Number(), Type.String({ minLength: 1 })]), {
  minItems: 1,
  description: 'A list of values (numbers or expressions of t)',
});

/** A conversion of an observed value into the observable's unit (a target's or a held-out figure's `per:`). */
export const Per = Type.Object(
  {
    indicator: Type.String({ minLength: 1, description: 'An indicator of the observed data with a value for the same period' }),
    factor: Type.Number({ exclusiveMinimum: 0, description: 'Multiplies the ratio (100 for percent)' }),
    unit: Type.String({ minLength: 1, description: "The unit of the ratio: the observable's unit" }),
  },
  {
    additionalProperties: false,
    description:
      'Convert the observed value before comparing: value ÷ the other indicator’s value for the same period × factor (USD/bbl below Brent ÷ Brent’s price × 100 = percent of Brent)',
  },
);

const Target = Type.Object(
  {
    indicator: Type.String({ minLength: 1, description: 'An observable of the scenario, named as in the observed data' }),
    period: Type.String({
      pattern: '^[0-9]{4}(-(0[1-9]|1[0-2]|Q[1-4])|/[0-9]{4})?$',
      description:
        'YYYY (a year), YYYY-MM (a month) or YYYY-Qn (a quarter), as in the observed data; YYYY/YYYY (years, for rise and change)',
    }),
    statistic: Type.Unsafe<'mean' | 'growth' | 'rise' | 'change'>({
      type: 'string',
      enum: ['mean', 'growth', 'rise', 'change'],
      description:
        'mean over the period; growth of a year’s mean on the previous year’s; or a pattern the run must keep, against 0 with no observed row: rise, how far the largest rise over the period’s months on the initial value passes `bound` (x/x₀ − 1 − bound, at least 0), change the same for a move either way',
    }),
    bound: Type.Optional(
      Type.Number({ minimum: 0, description: 'For rise and change: the relative move allowed (0.15 = 15% of the initial value)' }),
    ),
    scale: Type.Number({ exclusiveMinimum: 0, description: 'Error that counts as 1 in the loss (in the statistic’s units)' }),
    weight: Type.Optional(Type.Number({ minimum: 0, description: 'Weight in the loss (default 1)' })),
    discrepancy: Type.Optional(
      Type.Number({
        minimum: 0,
        description:
          'The model’s own error on this statistic, in its units: what no parameter value can fix (Kennedy & O’Hagan 2001). The loss divides by √(scale² + discrepancy²)',
      }),
    ),
    per: Type.Optional(Per),
  },
  { additionalProperties: false },
);

export const Calibration = Type.Object(
  {
    observed: Type.String({ minLength: 1, description: 'Observed data CSV (indicator, period, value, unit, ...), relative to this file' }),
    targets: Type.Array(Target, { minItems: 1 }),
    kernel: Type.Optional(
      Type.Unsafe<'box' | 'truncated'>({
        type: 'string',
        enum: ['box', 'truncated'],
        description:
          'calibrate --method abc: how a proposal is kept inside the priors. box (default): the normal kernel, redrawn until it lies inside every range (fine to about 20 parameters; beyond, drawing proposals takes longer than simulating them); truncated: each coordinate drawn from its conditional normal truncated to its range, never redrawn, its density exact (for many parameters)',
      }),
    ),
    sampler: Type.Optional(
      Type.Unsafe<'pmc' | 'replenish'>({
        type: 'string',
        enum: ['pmc', 'replenish'],
        description:
          'calibrate --method abc: how the population moves. pmc (default): proposals from the last population, weighted by importance (Beaumont et al. 2009); replenish: equal weights, the worst half dropped each generation and replaced by ABC-MCMC moves of the rest (Drovandi & Pettitt 2011), whose weights cannot degenerate: for priors of many parameters. Not run as --shard',
      }),
    ),
    refine: Type.Optional(
      Type.Object(
        {
          rounds: Type.Integer({ minimum: 0, maximum: 20, description: 'Zoom rounds after the design’s points' }),
          samples: Type.Optional(Type.Integer({ minimum: 2, description: 'Latin-hypercube points per round (default: samples)' })),
          shrink: Type.Optional(
            Type.Number({ exclusiveMinimum: 0, exclusiveMaximum: 1, description: 'Width of round r’s box: shrink^r of each range (0.5)' }),
          ),
        },
        { additionalProperties: false, description: 'Successive zoom: each round samples a smaller box around the best point so far' },
      ),
    ),
  },
  {
    additionalProperties: false,
    description: 'For entente calibrate: loss = Σ weight · ((simulated − observed) / √(scale² + discrepancy²))²',
  },
);

export type CalibrationSpec = Static<typeof Calibration>;
export type TargetSpec = Static<typeof Target>;

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
    set: Type.Optional(
      Type.Record(Type.String(), Type.Union([Type.Number(), Type.String({ minLength: 1 })]), {
        description:
          'Settings fixed at every point, by path, applied before the point’s values (a rival structure: a mechanism switched off, model.mechanisms.abandonment: 0); a calibration’s posterior carries them',
      }),
    ),
    parameters: Type.Record(Type.String(), Type.Union([Levels, Range], { description: 'A list of values, or {min, max}' }), {
      minProperties: 1,
      description: 'Parameters to vary, by path (actors.CHN.costAversion, shocks.ID.enforcement, ...)',
    }),
    calibration: Type.Optional(Calibration),
  },
  { additionalProperties: false, title: 'entente sweep' },
);

export type SweepFile = Static<typeof Sweep>;
export type ParameterSpec = SweepFile['parameters'][string];
export { PER_TICK_OUTPUTS, type PerTickOutput } from './outputs.js';
