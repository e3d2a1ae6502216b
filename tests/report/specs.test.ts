/**
 * Chart specifications: snapshots of the Vega-Lite each chart function makes
 * from small fixed inputs (a change to a chart shows up as a reviewed diff),
 * and each one renders to an SVG with its data marks, in Node, with no browser.
 */
import { describe, expect, it } from 'vitest';
import type { Labels } from '../../src/report/labels.js';
import { periodDate } from '../../src/report/observed.js';
import type { Row } from '../../src/report/outputs.js';
import { toSvg } from '../../src/report/render.js';
import { lossChart, targetsChart } from '../../src/report/specs/calibration.js';
import type { Chart } from '../../src/report/specs/chart.js';
import { domainChart, forestChart, robustnessChart } from '../../src/report/specs/compare.js';
import { directionsChart } from '../../src/report/specs/directions.js';
import { boxChart, trajectoryChart } from '../../src/report/specs/discovery.js';
import { observablesChart } from '../../src/report/specs/observables.js';
import { contributionsChart, depthChart, tieChart } from '../../src/report/specs/run.js';
import { morrisChart, sobolChart } from '../../src/report/specs/sensitivity.js';
import { heatmapChart, parameterChart, pointMeans } from '../../src/report/specs/sweep.js';

const rows = (header: string, ...lines: string[]): Row[] =>
  lines.map((line) => Object.fromEntries(header.split(',').map((h, i) => [h, line.split(',')[i] ?? ''])));

const dates = new Map([
  ['0', '2022-01'],
  ['1', '2022-02'],
  ['2', '2022-03'],
]);
const DOMAINS = ['trade', 'finance'];

/** What a scenario would call these: the words the charts must show instead of ids. */
const LABELS: Labels = {
  actors: { A: 'Alpha', B: 'Beta' },
  levers: { push: 'Joint sanctions on both partners, with a long tail of detail', pull: 'A conditional reward' },
  shocks: { war: 'Full-scale war, 24 Feb' },
  observables: { trade: { unit: 'USD bn', description: 'Bilateral trade' } },
  focus: ['A-B'],
};

const charts: Record<string, () => Chart> = {
  depth: () =>
    depthChart(
      rows(
        'replication,seed,tick,a,b,depth',
        '0,1,0,A,B,0.2',
        '0,1,1,A,B,0.3',
        '0,1,2,A,B,0.35',
        '1,2,0,A,B,0.2',
        '1,2,1,A,B,0.25',
        '1,2,2,A,B,0.3',
      ),
      rows('replication,seed,tick,date,shock,kind,event', '0,1,1,2022-02,war,war,started', '1,2,1,2022-02,war,war,started'),
      dates,
      LABELS,
      ['A-B'],
    ),
  directions: () =>
    directionsChart(
      rows(
        'replication,seed,tick,a,b,depth,commitment_ab,commitment_ba',
        '0,1,0,A,B,0.2,0.2,0.25',
        '0,1,1,A,B,0.2,0.2,0.3',
        '0,1,2,A,B,0.18,0.18,0.4',
        '1,2,0,A,B,0.2,0.2,0.25',
        '1,2,1,A,B,0.2,0.21,0.3',
        '1,2,2,A,B,0.18,0.18,0.4',
      ),
      'A',
      'B',
      dates,
      LABELS,
    ) as Chart,
  tie: () =>
    tieChart(
      rows(
        'replication,seed,tick,from,to,trade,finance',
        '0,1,0,A,B,0.3,0.1',
        '0,1,1,A,B,0.35,0.12',
        '1,2,0,A,B,0.3,0.1',
        '1,2,1,A,B,0.32,0.08',
      ),
      'A',
      'B',
      DOMAINS,
      dates,
      LABELS,
    ),
  contributions: () =>
    contributionsChart(
      rows(
        'replication,seed,tick,from,to,domain,mechanism,value',
        '0,1,0,A,B,trade,economicGain,0.02',
        '0,1,0,A,B,trade,commitmentCost,-0.01',
        '0,1,0,A,B,finance,economicGain,0.005',
      ),
      'A',
      'B',
      LABELS,
    ),
  observables: () =>
    observablesChart(
      rows(
        'replication,seed,tick,date,indicator,value',
        '0,1,0,2022-01,trade,100',
        '0,1,1,2022-02,trade,110',
        '1,2,0,2022-01,trade,100',
        '1,2,1,2022-02,trade,108',
      ),
      [{ indicator: 'trade', date: '2022-02', value: 120, label: 'Feb 2022' }],
      LABELS,
    ),
  forest: () =>
    forestChart(
      rows(
        'lever,a,b,delta_mean,ci_low,ci_high,p_closer,verdict,focus',
        'push,A,B,0.05,0.04,0.06,1,closer,true',
        'pull,A,B,-0.03,-0.04,-0.02,0,apart,true',
        'none,A,B,0,0,0,0,unclear,true',
        'push,A,C,0.01,0,0.02,0.6,unclear,false',
      ),
      undefined,
      LABELS,
    ),
  domains: () =>
    domainChart(rows('lever,a,b,focus,delta_trade,delta_finance', 'push,A,B,true,0.1,0.02', 'pull,A,B,true,-0.05,0'), DOMAINS, LABELS),
  robustness: () =>
    robustnessChart(
      rows(
        'lever,a,b,mean_effect,worst_case,best_case,share_closer,mean_regret,max_regret,points',
        'push,A,B,0.05,0.09,0.01,0.9,0.08,0.1,10',
        'pull,A,B,-0.03,0.01,-0.06,0.1,0,0.02,10',
      ),
      LABELS,
    ),
  parameters: () => {
    const runs = rows(
      'point,replication,p,q,a,b,depth_final',
      '0,0,0.1,1,A,B,0.2',
      '0,1,0.1,1,A,B,0.3',
      '1,0,0.5,2,A,B,0.4',
      '2,0,0.9,3,A,B,0.5',
    );
    return parameterChart(pointMeans(runs, ['p', 'q'], 'A-B', 'depth_final'), ['p', 'q'], 'A-B', 'depth_final', LABELS);
  },
  heatmap: () => {
    const runs = rows('point,replication,p,q,a,b,depth_final', '0,0,0.1,1,A,B,0.2', '1,0,0.5,2,A,B,0.4', '2,0,0.9,3,A,B,0.5');
    return heatmapChart(pointMeans(runs, ['p', 'q'], 'A-B', 'depth_final'), 'p', 'q', 'A-B', 'depth_final', LABELS);
  },
  sobol: () =>
    sobolChart(
      rows(
        'outcome,a,b,parameter,index,value,ci_low,ci_high',
        'depth_final,A,B,p,S1,0.6,0.5,0.7',
        'depth_final,A,B,p,ST,0.7,0.6,0.8',
        'depth_final,A,B,q,S1,0.2,0.1,0.3',
        'depth_final,A,B,q,ST,0.3,0.2,0.4',
      ),
      'depth_final',
      'A-B',
      LABELS,
    ),
  morris: () =>
    morrisChart(
      rows(
        'outcome,a,b,parameter,index,value,ci_low,ci_high',
        'depth_final,A,B,p,mu_star,0.3,0.25,0.36',
        'depth_final,A,B,p,sigma,0.1,0.05,0.15',
        'depth_final,A,B,q,mu_star,0.05,0.03,0.08',
        'depth_final,A,B,q,sigma,0.02,0.01,0.03',
      ),
      'depth_final',
      'A-B',
      LABELS,
    ),
  targets: () =>
    targetsChart(
      rows(
        'indicator,period,statistic,observed,simulated,scale,weight,loss',
        'trade,2022,growth,0.29,0.31,0.05,1,0.16',
        'swap,2023,mean,60,35,15,1,2.7',
      ),
      LABELS,
    ),
  trajectory: () =>
    trajectoryChart(
      rows('peel,coverage,density,in_box,restrictions,chosen', '1,1,0.4,90,1,false', '2,0.95,0.6,60,2,true', '3,0.5,0.7,30,2,false'),
      rows(
        'lever,a,b,condition,parameter,low,high,restricted,coverage,density,in_box,cases,points,quasi_p',
        'push,A,B,delta > 0,p,0.2,0.6,true,0.9,0.62,58,36,100,0.001',
      ),
    ),
  box: () =>
    boxChart(
      rows(
        'lever,a,b,condition,parameter,low,high,restricted,coverage,density,in_box,cases,points,quasi_p',
        'push,A,B,delta > -0.04,actors.A.costAversion,0.2,0.6,true,0.9,0.62,58,36,100,0.001',
        'push,A,B,delta > -0.04,model.stepSize,0,1,false,0.9,0.62,58,36,100,',
      ),
      LABELS,
      new Map([
        ['actors.A.costAversion', [0, 1]],
        ['model.stepSize', [0, 1]],
      ]),
    ),
  // 20 points: the loss depends on cost aversion only, so its best tenth (two points) bunches there and spreads in step size.
  loss: () =>
    lossChart(
      rows(
        'point,round,actors.A.costAversion,model.stepSize,loss',
        ...Array.from({ length: 20 }, (_, i) => `${i},0,${i / 19},${i % 2 === 0 ? 0.5 : 3},${1 + 100 * (i / 19 - 0.5) ** 2}`),
      ),
      ['actors.A.costAversion', 'model.stepSize'],
      'loss',
      LABELS,
    ),
};

describe('chart specifications', () => {
  it.each(Object.keys(charts))('%s: Vega-Lite snapshot', (name) => {
    expect((charts[name] as () => Chart)().spec).toMatchSnapshot();
  });

  it.each(Object.keys(charts))('%s: renders to SVG with data marks, in Node', async (name) => {
    const svg = await toSvg((charts[name] as () => Chart)().spec);
    expect(svg.startsWith('<svg')).toBe(true);
    // Vega draws each mark as a group with class "mark-<type> role-mark"; data marks hold shapes.
    expect(svg).toMatch(/class="mark-(line|area|symbol|rect|rule|text)[^"]*role-mark/);
    expect(svg).toMatch(/<path|<rect|<line|<circle/);
  });

  it.each(Object.keys(charts))('%s: a headline sentence from its data, and the scenario’s words, not ids', (name) => {
    const chart = (charts[name] as () => Chart)();
    expect(chart.headline).toMatch(/^[A-Z0-9].{20,}\.$/);
    const shown = `${chart.title} ${chart.headline} ${JSON.stringify((chart.spec as { data?: { values?: unknown } }).data?.values ?? '')}`;
    for (const id of ['"push"', '"pull"', '"A-B"', 'A-B ', ' A-B', '"war"']) expect(shown, `${name} shows ${id}`).not.toContain(id);
  });

  it('headlines say what the data say', () => {
    const headline = (name: string) => (charts[name] as () => Chart)().headline;
    expect(headline('depth')).toBe(
      'Alpha–Beta: depth rises, from 0.200 in January 2022 to 0.325 in March 2022 (median of the replications; 90% of them end between 0.302 and 0.347).',
    );
    expect(headline('directions')).toBe(
      'Alpha’s commitment to Beta falls 10% (0.200 in January 2022 to 0.180 in March 2022); Beta’s to Alpha rises 60% (0.250 in January 2022 to 0.400 in March 2022). ' +
        'Depth, their common part, follows the lesser.',
    );
    expect(headline('forest')).toBe(
      'Under Joint sanctions on both partners, Alpha and Beta move closer (Δ depth +0.050, 95% interval over the model’s noise +0.040 to +0.060); ' +
        'under A conditional reward, Alpha and Beta move apart (Δ depth −0.030, 95% interval over the model’s noise −0.040 to −0.020).',
    );
    expect(headline('domains')).toBe(
      'The largest change in a single domain: Joint sanctions on both partners moves mutual trade commitment by +0.100.',
    );
    expect(headline('observables')).toMatch(
      /^0 of 1 observed figures lie inside the simulated 90% band of the model’s noise only.*Bilateral trade \(USD bn\) in Feb 2022 \(simulated 109, observed 120; docs\/model\.md §8 gives the model’s account of its misses\)\.$/,
    );
    expect(headline('tie')).toMatch(
      /^At the end, Alpha’s commitment to Beta is highest in trade \(0\.33\) and lowest in finance \(0\.10\)/,
    );
    expect(headline('box')).toBe(
      'Under Joint sanctions on both partners, Alpha–Beta meets Δ depth > −0.04 mostly where Alpha: cost aversion is 0.20–0.60 (90% of such points lie in this box; 62% of its points are such).',
    );
    expect(headline('trajectory')).toBe(
      'Peeling from 40% to 70% density in 3 steps; the reported box keeps 90% of the cases at 62% density.',
    );
    expect(headline('loss')).toBe(
      'The best of 20 points has loss 1.07; the best tenth spans 5% of the range of Alpha: cost aversion, the most pinned down, and 100% of step size, the least.',
    );
    expect(headline('targets')).toMatch(/^1 of 2 targets are met within one scale; the furthest off is swap in 2023/);
  });

  it('places observed periods on the time axis', () => {
    expect(periodDate('2023')).toBe('2023-07');
    expect(periodDate('2023-03')).toBe('2023-03');
    expect(periodDate('2025-Q3')).toBe('2025-08');
    expect(periodDate('2022-2024')).toBeUndefined();
  });
});
