/** The mechanism registry: the tick loop looks mechanisms up here by name, once per run. */
import type { MechanismName } from '../parameters.js';
import { abandonment } from './abandonment.js';
import { autonomy } from './autonomy.js';
import { commitmentCost } from './commitmentCost.js';
import { divergence } from './divergence.js';
import { economicGain } from './economicGain.js';
import { inertia } from './inertia.js';
import type { Mechanism } from './mechanism.js';
import { partnerRisk } from './partnerRisk.js';
import { reciprocity } from './reciprocity.js';
import { rewardCondition } from './rewardCondition.js';
import { sanctionExposure } from './sanctionExposure.js';
import { strategicValue } from './strategicValue.js';

export const MECHANISMS: ReadonlyMap<MechanismName, Mechanism> = new Map(
  [
    economicGain,
    strategicValue,
    abandonment,
    sanctionExposure,
    rewardCondition,
    partnerRisk,
    reciprocity,
    divergence,
    commitmentCost,
    inertia,
    autonomy,
  ].map((m) => [m.name, m]),
);

export type { Mechanism };
