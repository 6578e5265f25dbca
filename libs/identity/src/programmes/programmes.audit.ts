import { type AuditEventInput, changedFields, createdFields, deletedFields } from '@app/audit';
import type { MembershipEntity } from './membership.entity';
import type { ProgrammeEntity } from './programme.entity';
import type { TrackEntity } from './track.entity';

// What the audit log keeps of each; timestamps are the event's own.
const PROGRAMME = [
  'name',
  'slug',
  'description',
  'startDate',
  'endDate',
  'status',
  'openDataLicence',
] as const satisfies readonly (keyof ProgrammeEntity)[];
const TRACK = ['name', 'description', 'position'] as const satisfies readonly (keyof TrackEntity)[];
const MEMBER = ['userId', 'role'] as const satisfies readonly (keyof MembershipEntity)[];

/**
 * The audit events of programmes, their tracks and their members. Each carries the
 * programme id, so that the programme's coordinators see them.
 */
export const ProgrammeAudit = {
  /** `coordinatorUserId`: the first coordinator, appointed in the same transaction. */
  programmeCreated: (programme: ProgrammeEntity, coordinatorUserId?: string): AuditEventInput => ({
    operation: 'create',
    entityType: 'programme',
    entityId: programme.id,
    programmeId: programme.id,
    changes: createdFields(programme, PROGRAMME),
    ...(coordinatorUserId !== undefined && { details: { coordinatorUserId } }),
  }),

  programmeUpdated: (before: ProgrammeEntity, after: ProgrammeEntity): AuditEventInput => ({
    operation: 'update',
    entityType: 'programme',
    entityId: after.id,
    programmeId: after.id,
    changes: changedFields(before, after, PROGRAMME),
  }),

  trackCreated: (track: TrackEntity): AuditEventInput => ({
    operation: 'create',
    entityType: 'track',
    entityId: track.id,
    programmeId: track.programmeId,
    changes: createdFields(track, TRACK),
  }),

  /** Only this track's own change; the neighbours a move shifts follow from it. */
  trackUpdated: (before: TrackEntity, after: TrackEntity): AuditEventInput => ({
    operation: 'update',
    entityType: 'track',
    entityId: after.id,
    programmeId: after.programmeId,
    changes: changedFields(before, after, TRACK),
  }),

  trackDeleted: (track: TrackEntity): AuditEventInput => ({
    operation: 'delete',
    entityType: 'track',
    entityId: track.id,
    programmeId: track.programmeId,
    changes: deletedFields(track, TRACK),
  }),

  memberAdded: (membership: MembershipEntity): AuditEventInput => ({
    operation: 'create',
    entityType: 'programme_member',
    entityId: membership.id,
    programmeId: membership.programmeId,
    changes: createdFields(membership, MEMBER),
  }),

  /** `details.userId` says whose role it is without a second look-up. */
  memberUpdated: (before: MembershipEntity, after: MembershipEntity): AuditEventInput => ({
    operation: 'update',
    entityType: 'programme_member',
    entityId: after.id,
    programmeId: after.programmeId,
    changes: changedFields(before, after, MEMBER),
    details: { userId: after.userId },
  }),

  memberRemoved: (membership: MembershipEntity): AuditEventInput => ({
    operation: 'delete',
    entityType: 'programme_member',
    entityId: membership.id,
    programmeId: membership.programmeId,
    changes: deletedFields(membership, MEMBER),
  }),
};
