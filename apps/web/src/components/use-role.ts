import type { Schemas } from '../api/client';
import { useSession } from '../session/session';

export type ProgrammeRole = Schemas['ProgrammeRole'];

/**
 * The signed-in person's place in the programme they work in (the switcher's choice): their
 * role there, and whether they administer the platform. Screens use it to offer only what the
 * API allows; the API decides (libs/identity/src/access/permissions.ts).
 */
export function useProgrammeRole(): {
  programmeId: string | null;
  role: ProgrammeRole | null;
  isPlatformAdmin: boolean;
} {
  const session = useSession();
  const me = session.state.status === 'signedIn' ? session.state.me : null;
  const programmeId = session.programmeId;
  const role =
    me?.memberships.find((membership) => membership.programmeId === programmeId)?.role ?? null;
  return { programmeId, role, isPlatformAdmin: me?.isPlatformAdmin ?? false };
}
