import type { ActionEntity } from './action.entity';
import type { ActionResponse, OrganisationRef } from './action.response';
import { isClosed } from './action-states';
import type { PartnerRow, PositionRow } from './actions.repository';
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
  /** The API's public URL, for the `_links`. */
  baseUrl: string;
}

export function isOverdue(
  action: Pick<ActionEntity, 'deadline' | 'status'>,
  today: string,
): boolean {
  return !isClosed(action.status) && action.deadline < today;
}

/** The one place that decides what an action looks like to clients. */
export function mapAction(action: ActionEntity, context: ActionContext): ActionResponse {
  const self = `${context.baseUrl}/v1/actions/${action.id}`;
  const owner = context.organisations.get(action.ownerOrganisationId);
  return {
    id: action.id,
    programmeId: action.programmeId,
    trackId: action.trackId,
    commitmentId: action.commitmentId,
    parentActionId: action.parentActionId,
    title: action.title,
    description: action.description,
    ownerOrganisation: owner ?? { id: action.ownerOrganisationId, code: '', name: '' },
    ownerUserId: action.ownerUserId,
    partners: context.partners
      .filter((partner) => partner.actionId === action.id)
      .map((partner) => ({
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
    rollup: context.rollups.get(action.id) ?? null,
    overdue: isOverdue(action, context.today),
    escalationLevel: action.escalationLevel,
    closedAt: action.closedAt?.toISOString() ?? null,
    tags: action.tags,
    public: action.public,
    latestNarrative: action.latestNarrative,
    positions: context.positions
      .filter((position) => position.actionId === action.id)
      .map((position) => ({
        organisationId: position.organisationId,
        position: position.position,
        statedAt: position.commentedAt.toISOString(),
      })),
    version: action.version,
    createdAt: action.createdAt.toISOString(),
    updatedAt: action.updatedAt.toISOString(),
    _links: { self: { href: self }, progressUpdates: { href: `${self}/progress-updates` } },
  };
}
