import type { ProgrammeRole } from '../access/permissions';
import type { MemberResponse } from './dto/member.response';
import type { ProgrammeResponse } from './dto/programme.response';
import type { TrackResponse } from './dto/track.response';
import type { MemberRecord } from './memberships.repository';
import type { ProgrammeEntity } from './programme.entity';
import type { TrackEntity } from './track.entity';

/** What of a programme leaves the API, with the caller's role in it. */
export function mapProgramme(
  programme: ProgrammeEntity,
  role: ProgrammeRole | null,
): ProgrammeResponse {
  return {
    id: programme.id,
    name: programme.name,
    slug: programme.slug,
    description: programme.description,
    startDate: programme.startDate,
    endDate: programme.endDate,
    status: programme.status,
    openDataLicence: programme.openDataLicence,
    role,
    createdAt: programme.createdAt.toISOString(),
    updatedAt: programme.updatedAt.toISOString(),
  };
}

export function mapTrack(track: TrackEntity): TrackResponse {
  return {
    id: track.id,
    programmeId: track.programmeId,
    name: track.name,
    description: track.description,
    position: track.position,
    createdAt: track.createdAt.toISOString(),
    updatedAt: track.updatedAt.toISOString(),
  };
}

export function mapMember(record: MemberRecord): MemberResponse {
  const { membership, user, organisation } = record;
  return {
    id: membership.id,
    programmeId: membership.programmeId,
    userId: user.id,
    displayName: user.displayName,
    email: user.email,
    isActive: user.isActive,
    organisation: { id: organisation.id, code: organisation.code, name: organisation.name },
    role: membership.role,
    createdAt: membership.createdAt.toISOString(),
    updatedAt: membership.updatedAt.toISOString(),
  };
}
