import { isoInstant } from '@app/core';
import type { ActionEntity } from './action.entity';
import type { ActionBody, OrganisationRef } from './action.response';
import { isClosed } from './action-states';
import type { PositionRow } from './action-decorations.reader';
import type { PartnerRow } from './actions.repository';
import type { Rollup } from '../rollups/rollup';

/** What a response needs beside the row: names and positions, loaded once per page. */
export interface ActionContext {
  organisations: ReadonlyMap<string, OrganisationRef>;
  partners: readonly PartnerRow[];
  positions: readonly PositionRow[];
  /** Of the actions that have sub-actions, the roll-up of those. */
  rollups: ReadonlyMap<string, Rollup>;
  /** Today in Europe/Amsterdam. */
  today: string;
}

/** What one action's response shows beside its row. */
export interface ActionDecorations {
  /** The owning organisation; absent: only its id is known. */
  owner: OrganisationRef | undefined;
  /** Its partners, ordered by the organisation's code. */
  partners: readonly Omit<PartnerRow, 'actionId'>[];
  /** The latest position per organisation; `commentedAt` a Date or an ISO 8601 instant. */
  positions: readonly (Omit<PositionRow, 'actionId' | 'commentedAt'> & {
    commentedAt: Date | string;
  })[];
  /** Of an action with sub-actions, their roll-up; else null. */
  rollup: Rollup | null;
}

export function isOverdue(
  action: Pick<ActionEntity, 'deadline' | 'status'>,
  today: string,
): boolean {
  return !isClosed(action.status) && action.deadline < today;
}

/**
 * An action's row as the mapper takes it: an entity, or a row whose instants are PostgreSQL's
 * text of them (read as JSON, or with INSTANTS_AS_TEXT): the same instant to the millisecond.
 */
export type ActionRow = Omit<ActionEntity, 'closedAt' | 'createdAt' | 'updatedAt'> & {
  closedAt: Date | string | null;
  createdAt: Date | string;
  updatedAt: Date | string;
};

/** The response of a page of actions whose decorations were read beside them (`context`). */
export function mapAction(action: ActionEntity, context: ActionContext): ActionBody {
  return mapActionWith(
    action,
    {
      owner: context.organisations.get(action.ownerOrganisationId),
      partners: context.partners.filter((partner) => partner.actionId === action.id),
      positions: context.positions.filter((position) => position.actionId === action.id),
      rollup: context.rollups.get(action.id) ?? null,
    },
    context.today,
  );
}

/** The one place that decides what an action looks like to clients (the API adds its links). */
export function mapActionWith(
  action: ActionRow,
  decorations: ActionDecorations,
  today: string,
): ActionBody {
  return {
    id: action.id,
    programmeId: action.programmeId,
    trackId: action.trackId,
    commitmentId: action.commitmentId,
    parentActionId: action.parentActionId,
    title: action.title,
    description: action.description,
    ownerOrganisation: decorations.owner ?? { id: action.ownerOrganisationId, code: '', name: '' },
    ownerUserId: action.ownerUserId,
    partners: decorations.partners.map((partner) => ({
      organisation: { id: partner.organisationId, code: partner.code, name: partner.name },
      role: partner.role,
    })),
    startDate: action.startDate,
    deadline: action.deadline,
    status: action.status,
    health: action.health,
    verification: action.verification,
    percentComplete: action.percentComplete,
    rollupWeight: action.rollupWeight,
    rollup: decorations.rollup,
    overdue: isOverdue(action, today),
    escalationLevel: action.escalationLevel,
    closedAt: action.closedAt ? isoInstant(action.closedAt) : null,
    tags: action.tags,
    public: action.public,
    latestNarrative: action.latestNarrative,
    positions: decorations.positions.map((position) => ({
      organisationId: position.organisationId,
      position: position.position,
      statedAt: isoInstant(position.commentedAt),
    })),
    version: action.version,
    createdAt: isoInstant(action.createdAt),
    updatedAt: isoInstant(action.updatedAt),
  };
}
