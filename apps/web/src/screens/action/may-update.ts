import type { Action } from '../../components/action-table';
import type { Me } from '../../session/session';

/**
 * Whether the person may post a progress update on the action, so the screens offer it only
 * to them. A mirror of the API's rule, which decides (permission `actions:update` in
 * libs/identity/src/access/permissions.ts, applied by authoriseOnAction in
 * libs/tracking/src/actions/action-access.ts): a platform administrator, a coordinator of
 * the programme, or an editor whose organisation owns or co-owns the action. Should the API
 * still answer 403, the form says so.
 */
export function mayPostProgress(me: Me, action: Action): boolean {
  if (me.isPlatformAdmin) return true;
  const role = me.memberships.find(
    (membership) => membership.programmeId === action.programmeId,
  )?.role;
  if (role === 'coordinator') return true;
  if (role !== 'editor') return false;
  const owners = [
    action.ownerOrganisation.id,
    ...action.partners
      .filter((partner) => partner.role === 'co_owner')
      .map((partner) => partner.organisation.id),
  ];
  return owners.includes(me.organisation.id);
}
