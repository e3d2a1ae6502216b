/**
 * The validation file (docs/validation.md): held-out figures, each with its observation's row, its
 * tolerance and its naive forecasts' basis stated before any run, scored over a posterior: the
 * scenario's shipped one, one named here, or one `entente validate` calibrates from scratch on a
 * calibration file that stops at a date (a time split). TypeBox, like the sweep file's schema.
 */
import { type Static, Type } from '@sinclair/typebox';
import { Per } from '../experiments/sweepSchema.js';

const Period = Type.String({
  pattern: '^[0-9]{4}(-(0[1-9]|1[0-2]|Q[1-4]))?$',
  description: 'YYYY, YYYY-MM or YYYY-Qn, as the observed data writes it',
});

const Figure = Type.Object(
  {
    indicator: Type.String({ minLength: 1, description: 'An observable of the scenario, named as in the observed data' }),
    period: Period,
    statistic: Type.Unsafe<'mean' | 'growth'>({
      type: 'string',
      enum: ['mean', 'growth'],
      description: 'mean over the period, or growth of a year’s mean on the previous year’s (as a calibration target computes it)',
    }),
    per: Type.Optional(Per),
    tolerance: Type.Number({
      exclusiveMinimum: 0,
      description:
        'The miss that still counts as a hit, in the statistic’s units, stated before any run: a figure is within tolerance when |median − observed| ≤ tolerance; CRPS is averaged over figures in units of it',
    }),
    naive: Type.Optional(
      Type.Object(
        {
          last: Type.String({ minLength: 4, description: 'The last observed period before the forecast: no change holds its value' }),
          before: Type.Optional(
            Type.String({ minLength: 4, description: 'The observation before `last`: the trend carries their change on, per month' }),
          ),
        },
        {
          additionalProperties: false,
          description:
            'The naive forecasts’ basis, from the observed data: for a mean, no change is the value at `last` and the trend extends the line from `before` through `last`; for growth, no change is 0 (the level held) and the trend is the growth of the year `last`',
        },
      ),
    ),
    maxWidth: Type.Optional(
      Type.Number({ exclusiveMinimum: 0, description: 'The widest 90% interval that passes (a vague forecast fails even when it covers)' }),
    ),
    why: Type.Optional(Type.String({ description: 'Why this figure tests the model, in a sentence' })),
  },
  { additionalProperties: false },
);

export type FigureSpec = Static<typeof Figure>;

const Condition = Type.Object(
  {
    path: Type.String({ minLength: 1, description: 'A scenario parameter the forecast is conditional on (e.g. a shock’s enforcement)' }),
    values: Type.Array(Type.Number(), {
      minItems: 1,
      uniqueItems: true,
      description: 'The grid, stated before the run: one forecast at each value',
    }),
    reading: Type.Number({ description: 'The value independent evidence implies: the forecast that is judged' }),
    evidence: Type.String({ minLength: 1, description: 'The evidence and its source, and how it reads as this value' }),
  },
  { additionalProperties: false },
);

export type ConditionSpec = Static<typeof Condition>;

export const Validation = Type.Object(
  {
    $schema: Type.Optional(Type.String()),
    name: Type.Optional(Type.String({ minLength: 1 })),
    scenario: Type.String({ minLength: 1, description: 'Scenario file, relative to this file' }),
    posterior: Type.Optional(
      Type.String({ minLength: 1, description: 'A posterior directory, relative to this file (default: the scenario’s posterior:)' }),
    ),
    calibrate: Type.Optional(
      Type.Object(
        {
          file: Type.String({ minLength: 1, description: 'A calibration file whose targets stop before the figures’ periods' }),
          particles: Type.Integer({ minimum: 10, description: 'ABC particles' }),
          generations: Type.Optional(Type.Integer({ minimum: 1, description: 'At most this many ABC generations' })),
        },
        {
          additionalProperties: false,
          description: 'A time split: calibrate from scratch (ABC) on this file, then score the figures over that posterior',
        },
      ),
    ),
    observed: Type.String({ minLength: 1, description: 'Observed data CSV, relative to this file' }),
    replications: Type.Optional(
      Type.Integer({
        minimum: 1,
        description: 'Runs per particle, each a draw of the predictive with a share of its particle’s weight (default 2)',
      }),
    ),
    seed: Type.Optional(Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER })),
    condition: Type.Optional(Condition),
    figures: Type.Array(Figure, { minItems: 1 }),
  },
  { additionalProperties: false },
);

export type ValidationFile = Static<typeof Validation>;
