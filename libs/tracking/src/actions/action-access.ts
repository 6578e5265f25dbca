import type { EntityManager } from 'typeorm';
import { decide, IdentityErrors, type Permission, type Principal } from '@app/identity';
import { ConcurrencyErrors, parseIfMatch } from '../concurrency';
import type { ActionEntity } from './action.entity';
import { ActionErrors } from './actions.errors';
import type { ActionsRepository, PartnerRow } from './actions.repository';

/**
 * The policy on an action (DESIGN §4): outside the caller's programmes it does not exist
 * (404 ACTION_NOT_FOUND); inside, a refusal is a 403. Owners are the owning organisation and
 * the co-owners; partners every partner organisation. `creating` answers a programme's 404.
 */
export function authoriseOnAction(
  principal: Principal,
  permission: Permission,
  action: Pick<ActionEntity, 'programmeId' | 'ownerOrganisationId'>,
  partners: readonly Pick<PartnerRow, 'organisationId' | 'role'>[],
  creating = false,
): void {
  const decision = decide(principal, permission, {
    programmeId: action.programmeId,
    ownerOrganisationIds: [
      action.ownerOrganisationId,
      ...partners.filter((p) => p.role === 'co_owner').map((p) => p.organisationId),
    ],
    // A co-owner carries the action out: confirming it would be reviewing itself.
    partnerOrganisationIds: partners
      .filter((p) => p.role !== 'co_owner')
      .map((p) => p.organisationId),
  });
  if (decision === 'allow') return;
  if (decision === 'unauthenticated') throw IdentityErrors.unauthenticated();
  if (decision === 'not_found') {
    throw creating ? IdentityErrors.notFound('programme') : ActionErrors.notFound();
  }
  throw IdentityErrors.forbidden();
}

/**
 * Locks the action for a change, checks that the caller may make it (and `alsoAllowed`, the
 * change's own rules on rights) and then that they saw its latest version (`If-Match`: 428
 * without, 412 when stale: their change would overwrite one they never saw). Rights first: a
 * caller who may not change it learns nothing more.
 */
export async function lockForChange(
  actions: ActionsRepository,
  manager: EntityManager,
  principal: Principal,
  permission: Permission,
  id: string,
  ifMatch: string | undefined,
  alsoAllowed?: (action: ActionEntity) => void,
): Promise<{ current: ActionEntity; partners: PartnerRow[]; expectedVersion: number }> {
  const locked = await actions.lockWithPartners(manager, id);
  if (!locked) throw ActionErrors.notFound();
  const { action: current, partners } = locked;
  authoriseOnAction(principal, permission, current, partners);
  alsoAllowed?.(current);
  const expectedVersion = parseIfMatch(ifMatch);
  if (current.version !== expectedVersion) throw ConcurrencyErrors.versionConflict();
  return { current, partners, expectedVersion };
}
