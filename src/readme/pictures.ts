/**
 * The README's pictures: charts of the default scenario drawn by `entente
 * report`, copied to docs/img/ by `npm run readme`. A test redraws them and
 * fails if the committed ones differ.
 */
export const README_RUN = ['run', 'scenarios/china-russia-2022.yaml', '--report', '--quiet'] as const;

/** Chart files (in the run's or the comparison's charts/) that the README shows, by source. */
export const README_PICTURES = {
  run: ['depth.svg', 'tie-CHN-RUS.svg', 'observables.svg'],
  compare: ['forest.svg', 'domains.svg'],
} as const;

export const PICTURE_DIR = 'docs/img';
