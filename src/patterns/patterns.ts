/**
 * The source's patterns (docs/model.md §11, the facts of DESIGN's validation targets), each a
 * yes or no on one run of the default scenario, with the tolerance §11 justifies. Pattern-oriented
 * modelling (Grimm et al. 2005) judges a structure by how many of them it reproduces across its
 * calibrated posterior (judge.ts), not by whether one best point clears a tolerance.
 * `figures` names the observed rows a pattern reads or orders: where one is a calibration target,
 * the pattern is partly in-sample, and the table says so.
 */
import type { Observed } from './observed.js';
import type { World } from './world.js';

export interface PatternContext {
  readonly world: World;
  /** The same world with India's appetite removed (actors.IND.opportunism = 0). */
  readonly withoutIndia: World;
  readonly observed: Observed;
  /** The tick of a month, YYYY-MM (ticks count months from the scenario's start). */
  month(period: string): number;
}

export interface Pattern {
  readonly id: string;
  /** Which of docs/model.md §11's facts it is. */
  readonly fact: string;
  readonly text: string;
  /** Observed rows it reads or orders, [indicator, period]. */
  readonly figures: readonly (readonly [string, string])[];
  holds(c: PatternContext): boolean;
}

const row = (w: World, name: string): Float64Array => {
  const series = w.series[name];
  if (!series) throw new Error(`the run records no ${name}`);
  return series;
};
const meanOf = (series: Float64Array, from: number, to: number): number => {
  let sum = 0;
  for (let t = from; t < to; t++) sum += series[t] as number;
  return sum / (to - from);
};
/** Year y's mean (y = 0 the first simulated year) on the year before's, or on the rest point for y = 0. */
const growth = (w: World, name: string, y: number): number =>
  meanOf(row(w, name), 12 * y, 12 * y + 12) / (y === 0 ? (w.initial[name] as number) : meanOf(row(w, name), 12 * y - 12, 12 * y)) - 1;
const everyMonth = (w: World, holds: (t: number) => boolean): boolean => {
  for (let t = 0; t < w.ticks; t++) if (!holds(t)) return false;
  return true;
};
const within = (value: number, target: number, tolerance: number): boolean => Math.abs(value - target) <= tolerance;
const observedGrowth = (o: Observed, year: number): number =>
  o.value('bilateral_trade', String(year)) / o.value('bilateral_trade', String(year - 1)) - 1;
/** The change of a cost-weighted commitment from the first month to the last. */
const rise = (w: World, name: string): number => (row(w, name)[w.ticks - 1] as number) / (row(w, name)[0] as number) - 1;

const tradeGrowth = (year: number): Pattern => ({
  id: `trade-${year}`,
  fact: '1',
  text: `trade growth ${year} within 10 points`,
  figures: [
    ['bilateral_trade', String(year)],
    ['bilateral_trade', String(year - 1)],
  ],
  holds: (c) => within(growth(c.world, 'bilateral_trade', year - 2022), observedGrowth(c.observed, year), 0.1),
});

const JAN_2023 = '2023-01';

export const PATTERNS: readonly Pattern[] = [
  tradeGrowth(2022),
  tradeGrowth(2023),
  {
    id: 'flat-depth',
    fact: '1',
    text: 'depth within 15% of January 2022, every month',
    figures: [],
    holds: (c) => {
      const depth = row(c.world, 'depth');
      return everyMonth(c.world, (t) => Math.abs((depth[t] as number) / (depth[0] as number) - 1) < 0.15);
    },
  },
  {
    id: 'no-lethal-aid',
    fact: '1',
    text: "China's lethal aid below 0.05, every month",
    figures: [],
    holds: (c) => everyMonth(c.world, (t) => (row(c.world, 'chinese_lethal_weapons_to_russia')[t] as number) < 0.05),
  },
  {
    id: 'reluctant',
    fact: '2',
    text: 'China no more committed than Russia in finance, defence, military, every month',
    figures: [],
    holds: (c) =>
      ['finance', 'defense', 'military'].every((d) =>
        everyMonth(c.world, (t) => (row(c.world, `${d}CR`)[t] as number) - (row(c.world, `${d}RC`)[t] as number) < 0.005),
      ),
  },
  {
    id: 'finance-falls',
    fact: '3',
    text: "China's finance ties fall a fifth within 3 months of EO 14114",
    figures: [],
    holds: (c) => {
      const eo = c.month('2023-12');
      const finance = row(c.world, 'financeCR');
      const before = finance[eo - 1] as number;
      // Ties already gone before the sanctions have nothing left to fall: the record's banks paid until January 2024.
      return before > 0 && (finance[eo + 3] as number) < 0.8 * before;
    },
  },
  {
    id: 'trade-stalls-2024',
    fact: '3',
    text: "trade growth 2024 below half of 2023's",
    figures: [['bilateral_trade', '2024']],
    holds: (c) => growth(c.world, 'bilateral_trade', 2) < growth(c.world, 'bilateral_trade', 1) / 2,
  },
  {
    id: 'settlement-level',
    fact: '4',
    text: 'national-currency settlement at least 85% in November 2023',
    figures: [['settlement_national_currency_share', '2023-11']],
    holds: (c) => (row(c.world, 'settlement_national_currency_share')[c.month('2023-11')] as number) >= 85,
  },
  {
    id: 'settlement-s-curve',
    fact: '4',
    text: 'settlement 67% in March 2023 and 90% in September, each within 10 points',
    figures: [
      ['settlement_national_currency_share', '2023-03'],
      ['settlement_national_currency_share', '2023-09'],
    ],
    holds: (c) =>
      ['2023-03', '2023-09'].every((p) =>
        within(
          row(c.world, 'settlement_national_currency_share')[c.month(p)] as number,
          c.observed.value('settlement_national_currency_share', p),
          10,
        ),
      ),
  },
  {
    id: 'swap-draw',
    fact: '4',
    text: 'swap-line draw 2023 within ×/÷ 1.5 of CNY 59.7 bn',
    figures: [['swap_line_drawdown', '2023']],
    holds: (c) => {
      const ratio = meanOf(row(c.world, 'swap_line_drawdown'), 12, 24) / c.observed.value('swap_line_drawdown', '2023');
      return ratio >= 1 / 1.5 && ratio <= 1.5;
    },
  },
  {
    id: 'yuan-share-2022',
    fact: '4',
    text: "yuan share of Russia's import settlement, December 2022, within 10 points",
    figures: [['yuan_share_russia_import_settlement', '2022-12']],
    holds: (c) =>
      within(
        row(c.world, 'yuan_share_russia_import_settlement')[c.month('2022-12')] as number,
        c.observed.value('yuan_share_russia_import_settlement', '2022-12'),
        10,
      ),
  },
  {
    id: 'discount-narrows',
    fact: '5',
    text: 'the discount narrows January → June → September 2023',
    // An ordering of three calibration targets: in-sample, though it reads no figure's value.
    figures: [
      ['urals_discount_to_brent', '2023-01'],
      ['urals_discount_to_brent', '2023-06'],
      ['urals_discount_to_brent', '2023-09'],
    ],
    holds: (c) => {
      const d = row(c.world, 'urals_discount_to_brent');
      const [jan, jun, sep] = [JAN_2023, '2023-06', '2023-09'].map((p) => d[c.month(p)] as number) as [number, number, number];
      return jun < jan && sep < jun;
    },
  },
  {
    id: 'discount-widens-2025',
    fact: '5',
    text: 'the discount wider in November 2025 than in 2025-Q3',
    figures: [
      ['urals_discount_to_brent', '2025-Q3'],
      ['urals_discount_to_brent', '2025-11'],
    ],
    holds: (c) => {
      const d = row(c.world, 'urals_discount_to_brent');
      const q3 = c.month('2025-07');
      return (d[c.month('2025-11')] as number) > meanOf(d, q3, q3 + 3);
    },
  },
  {
    id: 'india-bids',
    fact: '5',
    text: 'without India, the January–September 2023 discount at least 5 points wider',
    figures: [],
    holds: (c) => {
      const [from, to] = [c.month(JAN_2023), c.month('2023-09') + 1];
      const mean = (w: World) => meanOf(row(w, 'urals_discount_to_brent'), from, to);
      return mean(c.withoutIndia) - mean(c.world) >= 5;
    },
  },
  {
    id: 'buyer-shares',
    fact: '5',
    text: "China's and India's shares of Russia's energy sales 2023 within 10 points",
    figures: [['china_share_of_russian_crude_exports', '2023']],
    holds: (c) => {
      const [low, high] = c.observed.range('china_share_of_russian_crude_exports', '2023');
      const india = Number(/India about (\d+)%/.exec(c.observed.note('china_share_of_russian_crude_exports', '2023'))?.[1]);
      const china = meanOf(row(c.world, 'china_share_of_russian_crude_exports'), 12, 24);
      const indiaShare = meanOf(row(c.world, 'india_share_of_russian_crude_exports'), 12, 24);
      return china >= low - 10 && china <= high + 10 && within(indiaShare, india, 10);
    },
  },
  {
    id: 'dependence',
    fact: '6',
    text: "Russia's dependence on China over 5 times China's, every month",
    figures: [],
    holds: (c) => everyMonth(c.world, (t) => (row(c.world, 'dependenceRC')[t] as number) > 5 * (row(c.world, 'dependenceCR')[t] as number)),
  },
  {
    id: 'china-20',
    fact: '11',
    text: "China's cost-weighted commitment rises at most 20%, 2022–2025",
    figures: [],
    holds: (c) => rise(c.world, 'committedCR') <= 0.2,
  },
  {
    id: 'russia-20',
    fact: '11',
    text: "Russia's cost-weighted commitment rises at most 20%, 2022–2025",
    figures: [],
    holds: (c) => rise(c.world, 'committedRC') <= 0.2,
  },
];
