/**
 * Where a lever's sign turns, from its effect at each point of a prior sample: the shares of the
 * points where it pushes closer, apart, or by less than the minimum effect; its direction (the
 * sign it takes more often); the share where it takes the other one; and PRIM's box of those
 * points. Pure: discovery/signs.ts feeds it a sweep's arms, tests feed it planted regions.
 */
import { type PrimResult, prim } from './prim.js';

export interface SignTurn {
  readonly closer: number;
  readonly apart: number;
  readonly negligible: number;
  readonly direction: 'closer' | 'apart';
  /** The share of the points where the effect goes against `direction` by more than the minimum effect. */
  readonly turned: number;
  /** No point turns: the sign is fixed by the model's structure over this prior. */
  readonly fixed: boolean;
  /** PRIM's box of the points that turn; undefined where none does. */
  readonly box?: PrimResult;
}

export function signTurn(effects: ArrayLike<number>, xs: readonly (readonly number[])[], minEffect: number): SignTurn {
  const n = effects.length;
  let closer = 0;
  let apart = 0;
  for (let x = 0; x < n; x++) {
    if ((effects[x] as number) > minEffect) closer++;
    else if ((effects[x] as number) < -minEffect) apart++;
  }
  const direction = closer >= apart ? 'closer' : 'apart';
  const y = Array.from({ length: n }, (_, x) =>
    direction === 'closer' ? (effects[x] as number) < -minEffect : (effects[x] as number) > minEffect,
  );
  const turned = direction === 'closer' ? apart : closer;
  return {
    closer: closer / n,
    apart: apart / n,
    negligible: (n - closer - apart) / n,
    direction,
    turned: turned / n,
    fixed: turned === 0,
    ...(turned > 0 ? { box: prim(xs, y) } : {}),
  };
}
