import { type AuditEventInput, changedFields, createdFields } from '@app/audit';
import type { ActionEntity } from './action.entity';
import type { PartnerRole } from './action-states';
import type { ProgressUpdateEntity } from './progress-update.entity';

/** The fields of an action on record; `partners` as `organisationId:role` strings. */
type AuditedAction = Pick<
  ActionEntity,
  | 'title'
  | 'description'
  | 'trackId'
  | 'commitmentId'
  | 'parentActionId'
  | 'ownerOrganisationId'
  | 'ownerUserId'
  | 'startDate'
  | 'deadline'
  | 'status'
  | 'health'
  | 'verification'
  | 'percentComplete'
  | 'rollupWeight'
  | 'tags'
  | 'public'
> & { partners: string[] };

const FIELDS: (keyof AuditedAction)[] = [
  'title',
  'description',
  'trackId',
  'commitmentId',
  'parentActionId',
  'ownerOrganisationId',
  'ownerUserId',
  'startDate',
  'deadline',
  'status',
  'health',
  'verification',
  'percentComplete',
  'rollupWeight',
  'tags',
  'public',
  'partners',
];

export type PartnerList = readonly { organisationId: string; role: PartnerRole }[];

function audited(action: ActionEntity, partners: PartnerList): AuditedAction {
  return {
    ...action,
    partners: partners.map((partner) => `${partner.organisationId}:${partner.role}`).sort(),
  };
}

/** The audit events of actions: one per change, with the fields it changed. */
export const ActionAudit = {
  created(action: ActionEntity, partners: PartnerList): AuditEventInput {
    return {
      operation: 'create',
      entityType: 'action',
      entityId: action.id,
      programmeId: action.programmeId,
      changes: createdFields(audited(action, partners), FIELDS),
    };
  },

  updated(
    before: ActionEntity,
    after: ActionEntity,
    partnersBefore: PartnerList,
    partnersAfter: PartnerList,
    reason: string | undefined,
  ): AuditEventInput {
    return {
      operation: 'update',
      entityType: 'action',
      entityId: after.id,
      programmeId: after.programmeId,
      changes: changedFields(
        audited(before, partnersBefore),
        audited(after, partnersAfter),
        FIELDS,
      ),
      ...(reason === undefined ? {} : { details: { reason } }),
    };
  },

  /** A progress update: a status change when the status moved, else an update. */
  progressed(
    before: ActionEntity,
    after: ActionEntity,
    update: Pick<ProgressUpdateEntity, 'id' | 'reason'>,
  ): AuditEventInput {
    const partners: string[] = [];
    return {
      operation: before.status === after.status ? 'update' : 'status_change',
      entityType: 'action',
      entityId: after.id,
      programmeId: after.programmeId,
      changes: changedFields(
        { ...before, partners },
        { ...after, partners },
        // The narrative itself is in the timeline (details.progressUpdateId), not copied here.
        ['status', 'health', 'verification', 'percentComplete'],
      ),
      details: {
        progressUpdateId: update.id,
        ...(update.reason === null ? {} : { reason: update.reason }),
      },
    };
  },
};
