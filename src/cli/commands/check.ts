/** `entente check FILE`: validate a scenario (and each of its levers) or a sweep file, writing nothing. */
import type { Command } from 'commander';
import { isSweepFile, loadSweep } from '../../experiments/loadSweep.js';
import { resolveObservables } from '../../experiments/observables.js';
import { checkScenario, loadScenario } from '../../scenario/load.js';

export function registerCheck(program: Command, print: (text: string) => void): void {
  program
    .command('check')
    .argument('<file>', 'scenario or sweep file (YAML or JSON)')
    .action((file: string) => {
      if (isSweepFile(file)) {
        const sweep = loadSweep(file);
        print(
          `${file}: ok (sweep, ${sweep.sweep.design}: ${sweep.pointCount} points × ${sweep.replications} replications over ${sweep.parameters.length} parameters)`,
        );
        return;
      }
      const { spec, levers } = checkScenario(file);
      const observables = resolveObservables(loadScenario(file)).length;
      const shocks = spec.shocks?.length ?? 0;
      print(
        `${file}: ok (${Object.keys(spec.actors).length} actors, ${spec.ties.length} ties, ${shocks} shocks, ${observables} observables, ${levers.length} levers${levers.length ? `: ${levers.join(', ')}` : ''})`,
      );
    });
}
