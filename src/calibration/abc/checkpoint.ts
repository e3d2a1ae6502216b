/**
 * ABC's generations on disk while it runs, so `calibrate --method abc --resume` continues a run
 * that was killed (even by kill -9) from its last complete generation. Each generation is one
 * JSON file written atomically, `checkpoint/NNN.json`; numbers round-trip exactly through JSON,
 * so a resumed run draws the same proposals and gives the same bytes as one never interrupted.
 */
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { EntenteError } from '../../errors.js';
import { writeAtomic } from '../../io/atomicFile.js';
import { readRegularText } from '../../io/readFile.js';
import type { Generation } from './smc.js';

export const CHECKPOINT_DIR = 'checkpoint';

interface Stored {
  readonly t: number;
  /** null for generation 0's infinite tolerance (JSON has no Infinity). */
  readonly tolerance: number | null;
  readonly simulations: number;
  readonly acceptance: number;
  readonly ess: number;
  readonly particles: number[][];
  readonly weights: number[];
  readonly distances: number[];
}

export function saveGeneration(out: string, g: Generation): void {
  const dir = join(out, CHECKPOINT_DIR);
  mkdirSync(dir, { recursive: true });
  const stored: Stored = {
    t: g.t,
    tolerance: Number.isFinite(g.tolerance) ? g.tolerance : null,
    simulations: g.simulations,
    acceptance: g.acceptance,
    ess: g.ess,
    particles: g.particles.map((p) => Array.from(p)),
    weights: Array.from(g.weights),
    distances: Array.from(g.distances),
  };
  writeAtomic(join(dir, `${String(g.t).padStart(3, '0')}.json`), JSON.stringify(stored));
}

/** The generations saved so far, in order; a gap or a damaged file ends them there (it is drawn again). */
export function loadGenerations(out: string): Generation[] {
  const dir = join(out, CHECKPOINT_DIR);
  if (!existsSync(dir)) return [];
  const files = readdirSync(dir)
    .filter((f) => /^\d{3}\.json$/.test(f))
    .sort();
  const generations: Generation[] = [];
  for (const [t, name] of files.entries()) {
    if (name !== `${String(t).padStart(3, '0')}.json`) break;
    let s: Stored;
    try {
      s = JSON.parse(readRegularText(join(dir, name))) as Stored;
    } catch {
      throw new EntenteError('output.damaged', 'a saved ABC generation is damaged', {
        where: { file: join(dir, name) },
        expected: 'the file as entente wrote it: --force to start the calibration over',
      });
    }
    generations.push({
      t: s.t,
      tolerance: s.tolerance ?? Number.POSITIVE_INFINITY,
      simulations: s.simulations,
      acceptance: s.acceptance,
      ess: s.ess,
      particles: s.particles.map((p) => Float64Array.from(p)),
      weights: Float64Array.from(s.weights),
      distances: Float64Array.from(s.distances),
    });
  }
  return generations;
}

export function removeCheckpoints(out: string): void {
  rmSync(join(out, CHECKPOINT_DIR), { recursive: true, force: true });
}
