import { ADVIES_ACTIONS } from './actions-advies';
import { DEMOCRATIE_ACTIONS } from './actions-democratie';
import { FINANCIEN_ACTIONS } from './actions-financien';
import { OVERLEG_ACTIONS } from './actions-overleg';
import { RUIMTE_ACTIONS } from './actions-ruimte';
import { SAMENWERKING_ACTIONS } from './actions-samenwerking';
import { TAKEN_ACTIONS } from './actions-taken';
import { UDO_ACTIONS } from './actions-udo';
import { ADVICE_AND_AGREEMENTS } from './commitments-advice';
import { PLEDGES, UDO_TRAJECTORIES } from './commitments-agenda';
import { AGENDA_ITEMS } from './commitments-items';
import type { ActionSeed, CommitmentSeed } from './types';

/** The Actieagenda's commitments, in an order where every lineage points backwards. */
export const COMMITMENTS: readonly CommitmentSeed[] = [
  ...ADVICE_AND_AGREEMENTS,
  ...UDO_TRAJECTORIES,
  ...PLEDGES,
  ...AGENDA_ITEMS,
];

/** The actions, per line of work; a sub-action comes after its parent. */
export const ACTIONS: readonly ActionSeed[] = [
  ...SAMENWERKING_ACTIONS,
  ...OVERLEG_ACTIONS,
  ...ADVIES_ACTIONS,
  ...TAKEN_ACTIONS,
  ...RUIMTE_ACTIONS,
  ...FINANCIEN_ACTIONS,
  ...UDO_ACTIONS,
  ...DEMOCRATIE_ACTIONS,
];
