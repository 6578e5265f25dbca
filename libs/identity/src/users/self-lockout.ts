/**
 * Whether a change would lock its author out: an administrator deactivating their own account
 * or giving up their own platform administration. Refused, so that the platform always keeps
 * the administrator who is acting (another administrator has to do it).
 */
export function isSelfLockout(
  actorId: string,
  targetId: string,
  change: { isActive?: boolean; isPlatformAdmin?: boolean },
): boolean {
  return actorId === targetId && (change.isActive === false || change.isPlatformAdmin === false);
}
