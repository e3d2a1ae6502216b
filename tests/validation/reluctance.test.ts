/**
 * docs/model.md §11, fact 2 from equal ties: China's reluctance comes from its traits through
 * named mechanisms, not from a scenario that starts Russia above China. Both directed ties of
 * the pair start equal (each domain at the mean of the two shipped values); China still ends no
 * more committed than Russia in finance, defence and military, with or without fear of
 * abandonment. In finance, partnerRisk (China's exposure aversion against a partner under
 * stress) and sanctionExposure (EO 14114's cost on its finance ties) each hold China back;
 * without both it ends above Russia. In defence, partnerRisk or Russia's fear of abandonment
 * suffices; without both China ends above.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DOMAINS } from '../../src/model/domains.js';
import { loadScenario } from '../../src/scenario/load.js';
import { DEFAULT_SCENARIO } from '../helpers.js';
import { acrossRuns, commitment, runAll } from './simulate.js';

const STRATEGIC = ['finance', 'defense', 'military'] as const;

/** Both ties of CHN–RUS set to the mean of the shipped two, domain by domain, as --set lines. */
function equalTies(): string[] {
  const { ties } = loadScenario(DEFAULT_SCENARIO).spec;
  const of = (from: string, to: string) => ties.find((t) => t.from === from && t.to === to)?.commitment ?? {};
  const [cr, rc] = [of('CHN', 'RUS'), of('RUS', 'CHN')];
  return DOMAINS.flatMap((d) => {
    const mean = ((cr[d] ?? 0) + (rc[d] ?? 0)) / 2;
    return [`ties.CHN>RUS.commitment.${d}=${mean}`, `ties.RUS>CHN.commitment.${d}=${mean}`];
  });
}

/** China's final commitment minus Russia's in each strategic domain, mean over replications. */
function endGaps(set: readonly string[]): Record<(typeof STRATEGIC)[number], number> {
  const probes = Object.fromEntries(
    STRATEGIC.flatMap((d) => [
      [`${d}CR`, commitment('CHN', 'RUS', d)],
      [`${d}RC`, commitment('RUS', 'CHN', d)],
    ]),
  );
  const runs = runAll(loadScenario(DEFAULT_SCENARIO, { set: [...set] }), probes);
  const last = (name: string) => acrossRuns(runs.series[name] as Float64Array[], (row) => row[row.length - 1]);
  return Object.fromEntries(STRATEGIC.map((d) => [d, last(`${d}CR`) - last(`${d}RC`)])) as Record<(typeof STRATEGIC)[number], number>;
}

describe('the reluctant partner from equal starting ties', () => {
  let start: string[];
  beforeAll(() => {
    start = equalTies();
  });

  it('the two ties do start equal', () => {
    const cfg = loadScenario(DEFAULT_SCENARIO, { set: start }).config;
    const [c, r] = [cfg.actorIds.indexOf('CHN'), cfg.actorIds.indexOf('RUS')];
    const [cr, rc] = [cfg.tieOf[c * cfg.n + r], cfg.tieOf[r * cfg.n + c]];
    expect(Array.from(cfg.commitment0.subarray(cr * 6, cr * 6 + 6))).toEqual(Array.from(cfg.commitment0.subarray(rc * 6, rc * 6 + 6)));
  });

  // 0.005: less than a month of the model's noise, as in china-russia.test.ts.
  it.each(STRATEGIC)('China ends no more committed than Russia in %s', (domain) => {
    expect(endGaps(start)[domain]).toBeLessThan(0.005);
  });

  it('and so without fear of abandonment (its weight 0): it is not what makes China the reluctant side', () => {
    const gaps = endGaps([...start, 'model.mechanisms.abandonment=0']);
    for (const d of STRATEGIC) expect(gaps[d], d).toBeLessThan(0.005);
  });

  // China's finance ties are held back twice over: by its exposure aversion against a partner under
  // stress (partnerRisk) and by the cost EO 14114's secondary sanctions put on them (sanctionExposure);
  // either alone keeps China below Russia, and only without both does it end above.
  it('without partnerRisk or without sanctionExposure China stays below Russia in finance; without both it ends above', () => {
    expect(endGaps([...start, 'model.mechanisms.partnerRisk=0']).finance).toBeLessThan(0.005);
    expect(endGaps([...start, 'model.mechanisms.sanctionExposure=0']).finance).toBeLessThan(0.005);
    expect(endGaps([...start, 'model.mechanisms.partnerRisk=0', 'model.mechanisms.sanctionExposure=0']).finance).toBeGreaterThan(0.005);
  });

  it('without partnerRisk and abandonment China ends above Russia in defence: in defence either suffices', () => {
    expect(endGaps([...start, 'model.mechanisms.partnerRisk=0']).defense).toBeLessThan(0.005);
    expect(endGaps([...start, 'model.mechanisms.abandonment=0', 'model.mechanisms.partnerRisk=0']).defense).toBeGreaterThan(0.005);
  });
});
