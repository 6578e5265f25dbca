import { Permission, PERMISSION_RULES } from './permissions';
import type { Principal, ResourceContext } from './principal';

/**
 * - allow: go ahead
 * - unauthenticated: 401, no or no valid credentials
 * - forbidden: 403, the caller sees the resource but may not do this
 * - not_found: 404, the resource is outside the caller's programmes (ids cannot be probed)
 */
export type Decision = 'allow' | 'unauthenticated' | 'forbidden' | 'not_found';

/**
 * The one place that decides whether a principal may do something to a resource. Default
 * deny: anything not granted below is refused.
 */
export function decide(
  principal: Principal | undefined,
  permission: Permission,
  resource: ResourceContext = {},
): Decision {
  const rule = PERMISSION_RULES[permission];
  if (rule.scope === 'none') return 'allow';
  if (!principal) return 'unauthenticated';

  if (rule.acrossProgrammes && resource.programmeId === undefined) {
    if (principal.isPlatformAdmin && !principal.apiToken) return 'allow';
    // Each programme is decided as usual, so an API token still keeps to its one programme;
    // for a resource of the caller's own organisation, the best case the service then checks.
    const own = [principal.organisationId];
    const allowedSomewhere = [...principal.memberships.keys()].some(
      (programmeId) =>
        decide(principal, permission, {
          programmeId,
          ownerOrganisationIds: own,
          partnerOrganisationIds: own,
        }) === 'allow',
    );
    return allowedSomewhere ? 'allow' : 'forbidden';
  }

  const token = principal.apiToken;
  if (token) {
    // An integration acts inside its one programme, never on accounts or the platform.
    if (rule.scope === 'self' || rule.scope === 'platform') return 'forbidden';
    if (rule.scope === 'programme' && resource.programmeId !== token.programmeId)
      return 'not_found';
    if (rule.access === 'write' && token.scope !== 'write') return 'forbidden';
  }

  if (rule.scope === 'directory' || rule.scope === 'self') return 'allow';
  if (principal.isPlatformAdmin && !token) return 'allow';
  if (rule.scope === 'platform') return 'forbidden';

  if (resource.programmeId === undefined) return 'not_found';
  const role = principal.memberships.get(resource.programmeId);
  if (!role) return 'not_found';
  if (rule.roles?.includes(role)) return 'allow';
  const organisation = principal.organisationId;
  if (
    rule.editorsOfOwner &&
    role === 'editor' &&
    resource.ownerOrganisationIds?.includes(organisation)
  ) {
    return 'allow';
  }
  if (
    rule.liaisonsOfPartner &&
    role === 'liaison' &&
    resource.partnerOrganisationIds?.includes(organisation)
  ) {
    return 'allow';
  }
  return 'forbidden';
}
