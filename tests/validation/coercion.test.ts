/**
 * docs/model.md §11, fact 9, first half: coercion's sign is not fixed by the form of an equation.
 * The same sender coercing China unites China and Russia when it only raises China's
 * grievance and need (sanctions on China: the grievance both hold against the United States,
 * China's fear of abandonment), and divides them when it also raises the cost of China's
 * commitments to Russia more than that (secondary sanctions on China's finance, defence and
 * military ties to Russia, as EO 14114 did in 2024). Levers written here, in the default
 * scenario, from December 2022; paired replications.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load.js';
import { DEFAULT_SCENARIO, loadText } from '../helpers.js';
import { acrossRuns, depth, runAll } from './simulate.js';

const REPLICATIONS = 5;
const TEXT = readFileSync(DEFAULT_SCENARIO, 'utf8');

const finalDepth = (loaded: ReturnType<typeof loadScenario>) =>
  acrossRuns(runAll(loaded, { d: depth('CHN', 'RUS') }).series.d as Float64Array[], (row) => row[row.length - 1]);

/** Sanctions on China of the given severity, and secondary sanctions on China's ties to Russia of the other. */
function coercion(primary: number, secondary: number) {
  const lever = [
    '  coercion:',
    '    shocks:',
    `      - { kind: sanctions, sender: USA, target: CHN, domains: [trade, finance], at: 12, severity: ${primary}, enforcement: 0.8 }`,
    `      - { kind: secondarySanctions, sender: USA, target: RUS, domains: [finance, defense, military], at: 12, severity: ${secondary}, enforcement: 0.8 }`,
    '',
  ].join('\n');
  if (!TEXT.includes('  energyDiversification:\n'))
    throw new Error('the default scenario no longer has the lever this test inserts before');
  return loadText(
    TEXT.replace('  energyDiversification:\n', `${lever}  energyDiversification:\n`),
    { lever: 'coercion', replications: REPLICATIONS },
    DEFAULT_SCENARIO,
  );
}

describe('coercion can unite or divide', () => {
  let baseline: number;
  beforeAll(() => {
    baseline = finalDepth(loadScenario(DEFAULT_SCENARIO, { replications: REPLICATIONS }));
  });

  it('sanctions on China alone push China and Russia closer', () => {
    expect(finalDepth(coercion(0.4, 0)) - baseline).toBeGreaterThan(0.005);
  });

  it('the same sanctions with secondary sanctions on its ties to Russia pull them apart', () => {
    expect(finalDepth(coercion(0.4, 0.8)) - baseline).toBeLessThan(-0.005);
  });

  it('secondary sanctions alone pull them apart further: the grievance the primary sanctions create works against the wedge', () => {
    expect(finalDepth(coercion(0, 0.8))).toBeLessThan(finalDepth(coercion(0.4, 0.8)));
  });
});
