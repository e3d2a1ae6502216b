/** `entente check FILE`: validate a scenario and every lever in it, writing nothing. */
import type { Command } from 'commander';
import { checkScenario } from '../../scenario/load.js';

export function registerCheck(program: Command, print: (text: string) => void): void {
  program
    .command('check')
    .description('validate a scenario file (and each of its levers); exit status 2 if invalid')
    .argument('<file>', 'scenario file (YAML or JSON)')
    .action((file: string) => {
      const { spec, levers } = checkScenario(file);
      const shocks = spec.shocks?.length ?? 0;
      print(
        `${file}: ok (${Object.keys(spec.actors).length} actors, ${spec.ties.length} ties, ${shocks} shocks, ${levers.length} levers${levers.length ? `: ${levers.join(', ')}` : ''})`,
      );
    });
}
