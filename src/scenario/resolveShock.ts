/** Shock specs → ShockConfig: ids, actor indices, domain masks and per-tick tables. */
import type { ShockConfig } from '../model/config.js';
import { D, type Domain, domainIndex } from '../model/domains.js';
import { kindIndex as kindIndexOf, SHOCK_KINDS } from '../model/shocks/index.js';
import type { PlacedShock, Resolver } from './resolver.js';
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

type Value = number | string;
interface ConditionSpec {
  readonly partner: string;
  readonly domains?: readonly Domain[];
  readonly max: number;
}

/**
 * Every kind alike, through the roles its module gives its fields (model/shocks/kind.ts): the
 * schema has checked each field's type, so a field read here is what its role expects.
 */
function resolveShockFields(r: Resolver, placed: PlacedShock, index: number): ShockConfig {
  const { spec: s, origin } = placed;
  const at = (f: string) => [...origin, f];
  const id = s.id ?? `${s.kind}#${index}`;
  const last = r.spec.ticks - 1;
  if (s.at > last) r.fail(at('at'), 'scenario.tickRange', 'shock is outside the tick range', `a tick in 0..${last}`, s.at);
  const until = s.until ?? last;
  if (until < s.at || until > last)
    r.fail(at('until'), 'scenario.tickRange', 'shock end is outside its range', `a tick in ${s.at}..${last}`, until);
  const kindIndex = kindIndexOf(s.kind);
  const kind = SHOCK_KINDS[kindIndex];
  if (!kind)
    return r.fail(at('kind'), 'scenario.unknownKind', `unknown shock kind "${s.kind}"`, SHOCK_KINDS.map((k) => k.kind).join(', '), s.kind);
  const roles = kind.roles;
  const ones = new Float64Array(r.spec.ticks).fill(1);
  const actor = r.actor(s[roles.actor] as string, at(roles.actor));
  let target = -1;
  if (roles.target !== undefined) {
    target = r.actor(s[roles.target] as string, at(roles.target));
    if (target === actor)
      r.fail(
        at(roles.target),
        'scenario.selfReference',
        `${roles.actor} and ${roles.target} must differ`,
        `an actor other than ${s[roles.actor]}`,
        s[roles.target],
      );
  }
  const { field, min, max } = roles.magnitude;
  const enforcement = roles.enforcement === undefined ? undefined : (s[roles.enforcement] as Value | undefined);
  const reach = roles.reach === undefined ? undefined : s[roles.reach];
  const condition = roles.condition === undefined ? undefined : (s[roles.condition] as ConditionSpec | undefined);
  let partner = -1;
  if (condition) {
    const path = [...at(roles.condition as string), 'partner'];
    partner = r.actor(condition.partner, path);
    if (partner === target)
      r.fail(path, 'scenario.selfReference', 'the condition must name a partner other than the target', 'another actor', condition.partner);
  }
  return {
    id,
    kind: s.kind,
    kindIndex,
    at: s.at,
    until,
    actor,
    target,
    domainMask: mask(roles.domains === undefined ? undefined : (s[roles.domains] as readonly Domain[])),
    magnitude: r.series(s[field] as Value, at(field), min, max),
    enforcement: enforcement === undefined ? ones : r.series(enforcement, at(roles.enforcement as string), 0, 1),
    conditionPartner: partner,
    conditionMask: condition ? mask(condition.domains) : mask([]),
    conditionMax: condition?.max ?? 1,
    onExchange: reach !== 'commitment',
    onCommitment: reach !== 'exchange',
  };
}

export function resolveShock(r: Resolver, placed: PlacedShock, index: number, seen: Map<string, readonly PathSegment[]>): ShockConfig {
  checkId(r, placed, seen);
  const context = `${index}|${r.spec.ticks}|${r.actorKey}`;
  const hit = cache.get(placed.spec);
  if (hit?.context === context) return hit.config;
  // One object literal for every kind: V8 gives all shocks one hidden class, and the shock phase's reads stay monomorphic.
  const config = resolveShockFields(r, placed, index);
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
