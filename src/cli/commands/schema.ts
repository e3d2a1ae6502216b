/** `entente schema [scenario|sweep|validation]`: print the JSON Schema editors can use for autocompletion. */
import { type Command, InvalidArgumentError } from 'commander';
import { Sweep } from '../../experiments/sweepSchemas.js';
import { Scenario } from '../../scenario/schemas.js';
import { Validation } from '../../validate/schemas.js';

const SCHEMAS = { scenario: Scenario, sweep: Sweep, validation: Validation } as const;

export function registerSchema(program: Command, print: (text: string) => void): void {
  program
    .command('schema')
    .argument(
      '[kind]',
      `one of: ${Object.keys(SCHEMAS).join(', ')}`,
      (v: string) => {
        if (!(v in SCHEMAS)) throw new InvalidArgumentError(`expected one of: ${Object.keys(SCHEMAS).join(', ')}.`);
        return v as keyof typeof SCHEMAS;
      },
      'scenario',
    )
    .action((kind: keyof typeof SCHEMAS) => {
      print(JSON.stringify({ $schema: 'http://json-schema.org/draft-07/schema#', ...SCHEMAS[kind] }, null, 2));
    });
}
