/** The validation file's schema as the commands use it: the JSON the build wrote, or, run from the sources, the definition (scenario/schemas.ts). */
import type { TSchema } from '@sinclair/typebox';
import { builtSchema } from '../scenario/schemas.js';

export const Validation: TSchema = builtSchema('validation') ?? (await import('./schema.js')).Validation;
