/**
 * ABC's generations on disk while it runs, so `calibrate --method abc --resume` continues a run
 * that was killed (even by kill -9) from its last complete generation. Each generation is one
 * JSON file written atomically, `checkpoint/NNN.json`, then its record (NNN.done.json, record.ts);
 * numbers round-trip exactly through JSON, so a resumed run draws the same proposals and gives the
 * same bytes as one never interrupted. Read back, a file is proved by its record and every value
 * checked (readBack.ts); one without its record was not saved, and ends the generations there.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { EntenteError } from '../../errors.js';
import { makeDirs } from '../../io/makeDirs.js';
import type { Prior } from './priors.js';
import { checkGeneration, refusal } from './readBack.js';
import { readRecorded, writeRecorded } from './record.js';
import type { Generation } from './smc.js';

export const CHECKPOINT_DIR = 'checkpoint';

const fileName = (t: number) => `${String(t).padStart(3, '0')}.json`;

export function saveGeneration(out: string, g: Generation): void {
  const dir = join(out, CHECKPOINT_DIR);
  makeDirs(dir);
  const stored = {
    t: g.t,
    // null for generation 0's infinite tolerance (JSON has no Infinity).
    tolerance: Number.isFinite(g.tolerance) ? g.tolerance : null,
    simulations: g.simulations,
    acceptance: g.acceptance,
    ess: g.ess,
    particles: g.particles.map((p) => Array.from(p)),
    weights: Array.from(g.weights),
    distances: Array.from(g.distances),
  };
  writeRecorded(join(dir, fileName(g.t)), JSON.stringify(stored));
}

/**
 * What a damaged saved generation means to the command reading it: `redraw` (--resume, which draws
 * it again itself, the same bytes) ends the generations before it; `refuse` (--collect, --shard,
 * which cannot) stops with one line naming the file and the field.
 */
export type OnDamage = 'redraw' | 'refuse';

export interface Loaded {
  readonly generations: Generation[];
  /** Why the generations end before a damaged file (with `redraw`): what to tell the user. */
  readonly damaged?: EntenteError;
}

/** The generations saved so far, in order: up to a gap or a file without its record (not saved), or a damaged one. */
export function loadGenerations(out: string, shape: { particles: number; priors: readonly Prior[] }, onDamage: OnDamage): Loaded {
  const dir = join(out, CHECKPOINT_DIR);
  const generations: Generation[] = [];
  if (!existsSync(dir)) return { generations };
  const files = readdirSync(dir)
    .filter((f) => /^\d{3}\.json$/.test(f))
    .sort();
  for (const [t, name] of files.entries()) {
    if (name !== fileName(t)) break;
    const file = join(dir, name);
    const refuse = refusal(
      file,
      'a saved ABC generation',
      onDamage === 'redraw'
        ? 'it is drawn again, and the generations after it'
        : 'remove it and the saved generations after it, and the shards draw them again (or --force to start over)',
    );
    try {
      const text = readRecorded(file, refuse);
      if (text === undefined) break;
      generations.push(checkGeneration(text, { t, ...shape }, refuse));
    } catch (err) {
      if (onDamage === 'redraw' && err instanceof EntenteError && err.code === 'output.damaged') return { generations, damaged: err };
      throw err;
    }
  }
  return { generations };
}

/** Remove the saved generations from `from` on (all of them by default), with their records. */
export function removeCheckpoints(out: string, from = 0): void {
  const dir = join(out, CHECKPOINT_DIR);
  if (from === 0 || !existsSync(dir)) {
    rmSync(dir, { recursive: true, force: true });
    return;
  }
  for (const name of readdirSync(dir)) if (Number(name.slice(0, 3)) >= from) rmSync(join(dir, name), { force: true });
}
