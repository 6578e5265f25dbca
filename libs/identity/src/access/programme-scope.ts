import { IdentityErrors } from '../identity.errors';
import { decide, type Decision } from './access-policy';
import { Permission } from './permissions';
import type { Principal, ResourceContext } from './principal';

/** Where a list that spans programmes may look: everywhere, or in these programmes only. */
export type ProgrammeScope = 'everywhere' | readonly string[];

/**
 * The programmes in which `principal` may do `permission`, for a list across programmes (the
 * audit log). A platform administrator in person may look everywhere, events outside any
 * programme included; anyone else in the programmes where the policy allows it. An `asked`
 * programme is decided like a programme route: 404 outside it, 403 below the role. Nowhere at
 * all is a 403.
 */
export function programmeScope(
  principal: Principal,
  permission: Permission,
  asked?: string,
): ProgrammeScope {
  if (asked !== undefined) {
    assertAllowed(principal, permission, { programmeId: asked });
    return [asked];
  }
  if (decide(principal, Permission.PlatformAdmin) === 'allow') return 'everywhere';
  const programmeIds = [...principal.memberships.keys()].filter(
    (programmeId) => decide(principal, permission, { programmeId }) === 'allow',
  );
  if (programmeIds.length === 0) throw IdentityErrors.forbidden();
  return programmeIds;
}

/**
 * Throws unless the policy allows `permission` on `resource`: 404 outside the caller's
 * programmes (ids cannot be probed), 403 when visible but not allowed. For services that
 * decide on a resource they loaded (the route's guard could not see its programme).
 */
export function assertAllowed(
  principal: Principal,
  permission: Permission,
  resource: ResourceContext,
): void {
  const decision: Decision = decide(principal, permission, resource);
  if (decision === 'allow') return;
  if (decision === 'unauthenticated') throw IdentityErrors.unauthenticated();
  if (decision === 'not_found') throw IdentityErrors.notFound('programme');
  throw IdentityErrors.forbidden();
}
