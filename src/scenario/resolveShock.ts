/** Shock specs → ShockConfig: ids, actor indices, domain masks and per-tick tables. */
import type { ShockConfig } from '../model/config.js';
import { D, type Domain, domainIndex } from '../model/domains.js';
import type { PlacedShock, Resolver } from './resolver.js';
import { SHOCK_KINDS, type ShockKind } from './schema.js';
import type { PathSegment } from './source.js';

function mask(domains: readonly Domain[] | undefined): Uint8Array {
  const m = new Uint8Array(D);
  if (!domains) return m.fill(1);
  for (const d of domains) m[domainIndex(d)] = 1;
  return m;
}

function checkId(r: Resolver, { spec: s, origin }: PlacedShock, seen: Map<string, readonly PathSegment[]>): void {
  if (s.id === undefined) return;
  if (seen.has(s.id)) r.fail([...origin, 'id'], 'scenario.duplicateId', `duplicate shock id "${s.id}"`, 'each shock id once', s.id);
  seen.set(s.id, origin);
}

function resolveShockFields(r: Resolver, placed: PlacedShock, index: number): ShockConfig {
  const { spec: s, origin } = placed;
  const at = (f: string) => [...origin, f];
  const id = s.id ?? `${s.kind}#${index}`;
  const last = r.spec.ticks - 1;
  if (s.at > last) r.fail(at('at'), 'scenario.tickRange', 'shock is outside the tick range', `a tick in 0..${last}`, s.at);
  const until = s.until ?? last;
  if (until < s.at || until > last)
    r.fail(at('until'), 'scenario.tickRange', 'shock end is outside its range', `a tick in ${s.at}..${last}`, until);
  const ones = new Float64Array(r.spec.ticks).fill(1);
  const base = {
    id,
    kind: s.kind,
    at: s.at,
    until,
    conditionPartner: -1,
    conditionMask: mask([]),
    conditionMax: 1,
    enforcement: ones,
    onExchange: true,
    onCommitment: true,
  };
  const pairOf = (a: string, fa: string, b: string, fb: string) => {
    const i = r.actor(a, at(fa));
    const j = r.actor(b, at(fb));
    if (i === j) r.fail(at(fb), 'scenario.selfReference', `${fa} and ${fb} must differ`, `an actor other than ${a}`, b);
    return [i, j] as const;
  };
  switch (s.kind) {
    case 'war':
      return {
        ...base,
        actor: r.actor(s.actor, at('actor')),
        target: -1,
        domainMask: mask(undefined),
        magnitude: r.series(s.intensity, at('intensity'), 0, 1),
      };
    case 'economicShock':
      return {
        ...base,
        actor: r.actor(s.actor, at('actor')),
        target: -1,
        domainMask: mask(undefined),
        magnitude: r.series(s.size, at('size'), -1, 1),
      };
    case 'sanctions':
    case 'secondarySanctions': {
      const [i, j] = pairOf(s.sender, 'sender', s.target, 'target');
      return {
        ...base,
        actor: i,
        target: j,
        domainMask: mask(s.domains),
        magnitude: r.series(s.severity, at('severity'), 0, 1),
        enforcement: s.enforcement === undefined ? ones : r.series(s.enforcement, at('enforcement'), 0, 1),
        onExchange: s.on !== 'commitment',
        onCommitment: s.on !== 'exchange',
      };
    }
    case 'inducement': {
      const [i, j] = pairOf(s.sender, 'sender', s.target, 'target');
      const c = s.condition;
      const partner = c ? r.actor(c.partner, at('condition').concat('partner')) : -1;
      if (partner === j)
        r.fail(
          [...at('condition'), 'partner'],
          'scenario.selfReference',
          'the condition must name a partner other than the target',
          'another actor',
          c?.partner,
        );
      return {
        ...base,
        actor: i,
        target: j,
        domainMask: mask(undefined),
        magnitude: r.series(s.size, at('size'), 0, 1),
        conditionPartner: partner,
        conditionMask: mask(c?.domains),
        conditionMax: c?.max ?? 1,
      };
    }
    case 'sovereigntyChallenge': {
      const [i, j] = pairOf(s.challenger, 'challenger', s.target, 'target');
      return { ...base, actor: i, target: j, domainMask: mask(undefined), magnitude: r.series(s.intensity, at('intensity'), 0, 1) };
    }
    case 'summit': {
      const [i, j] = pairOf(s.a, 'a', s.b, 'b');
      return { ...base, actor: i, target: j, domainMask: mask(undefined), magnitude: r.series(s.intensity, at('intensity'), 0, 1) };
    }
  }
}

export function resolveShock(r: Resolver, placed: PlacedShock, index: number, seen: Map<string, readonly PathSegment[]>): ShockConfig {
  checkId(r, placed, seen);
  const context = `${index}|${r.spec.ticks}|${r.actorKey}`;
  const hit = cache.get(placed.spec);
  if (hit?.context === context) return hit.config;
  const config = withOneShape(resolveShockFields(r, placed, index));
  cache.set(placed.spec, { context, config });
  return config;
}

/**
 * Resolved shocks by spec object. Overrides copy only what they change
 * (paths.ts), so a sweep point re-resolves just the shocks its parameters
 * touch. A result depends on the spec and on its index (default id), the tick
 * count and the actor order: all in the key. Configs are never mutated, so
 * sharing them between points is safe.
 */
const cache = new WeakMap<PlacedShock['spec'], { readonly context: string; readonly config: ShockConfig }>();

/**
 * The kind as the one string the program holds for it. A kind read from a file, or
 * copied to a worker thread, is a string of its own: the shock phase's switch then
 * compared it character by character, on every shock of every tick.
 */
const internedKind = new Map<string, ShockKind>(SHOCK_KINDS.map((k) => [k, k]));

/**
 * Every ShockConfig with its fields in one order: V8 then gives all kinds one
 * hidden class, and the shock phase's property reads stay monomorphic.
 */
function withOneShape(sh: ShockConfig): ShockConfig {
  return {
    id: sh.id,
    kind: internedKind.get(sh.kind) ?? sh.kind,
    at: sh.at,
    until: sh.until,
    actor: sh.actor,
    target: sh.target,
    domainMask: sh.domainMask,
    magnitude: sh.magnitude,
    enforcement: sh.enforcement,
    conditionPartner: sh.conditionPartner,
    conditionMask: sh.conditionMask,
    conditionMax: sh.conditionMax,
    onExchange: sh.onExchange,
    onCommitment: sh.onCommitment,
  };
}
