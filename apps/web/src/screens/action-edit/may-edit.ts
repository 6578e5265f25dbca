import type { Action } from '../../components/action-table';
import type { Me } from '../../session/session';
import { mayPostProgress } from '../action/may-update';

/**
 * Mirrors of the API's rules on actions (libs/identity/src/access/permissions.ts, applied by
 * authoriseOnAction in libs/tracking/src/actions/action-access.ts), so that the screens offer
 * only what is allowed. The API decides; a 403 it answers all the same is shown in words.
 */
function roleIn(me: Me, programmeId: string | null | undefined) {
  return me.memberships.find((membership) => membership.programmeId === programmeId)?.role;
}

export function isCoordinator(me: Me, programmeId: string | null | undefined): boolean {
  return me.isPlatformAdmin || roleIn(me, programmeId) === 'coordinator';
}

/** `actions:create`: coordinators for any organisation, editors for their own. */
export function mayCreate(me: Me, programmeId: string | null | undefined): boolean {
  return isCoordinator(me, programmeId) || roleIn(me, programmeId) === 'editor';
}

/** Editors create actions of their own organisation only: it is the one owner they may choose. */
export function ownerOrganisationsFor(me: Me, programmeId: string | null | undefined) {
  return isCoordinator(me, programmeId) ? 'all' : ([me.organisation.id] as const);
}

/** `actions:update`: coordinators, editors of the owning or a co-owning organisation. */
export function mayEdit(me: Me, action: Action): boolean {
  return mayPostProgress(me, action);
}

/**
 * Who carries the action out (owner and partners) is decided by coordinators and the owning
 * organisation alone: a co-owner may not demote it (ActionsService.update).
 */
export function mayChangeOwnership(me: Me, action: Action): boolean {
  if (isCoordinator(me, action.programmeId)) return true;
  return (
    roleIn(me, action.programmeId) === 'editor' &&
    action.ownerOrganisation.id === me.organisation.id
  );
}

/** A sub-action goes one level deep, and only who may change the parent adds one. */
export function mayAddSubAction(me: Me, action: Action): boolean {
  return action.parentActionId === null && mayEdit(me, action);
}

/** `actions:verify`: coordinators (and platform administrators). */
export function mayVerify(me: Me, action: Action): boolean {
  return isCoordinator(me, action.programmeId);
}
