import { Brackets, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import type { ProgrammeScope } from '@app/identity';
import type {
  ActionHealth,
  ActionStatus,
  EscalationFilterValue,
  Verification,
} from './action-states';
import { CLOSED_STATUSES } from './action-states';
import type { CommitmentKind } from '../commitments/commitment.entity';
import type { ListActionsQuery } from './dto/list-actions.query';
import { kamerstukKey, kamerstukSql, textSearchSql } from '../search/search-query';

/** Sortable keys: each with an index on (programme_id, key, id); ORDER BY is qualified. */
export const ACTION_SORT_COLUMNS = {
  deadline: { expression: 'a.deadline' },
  updatedAt: { expression: 'a.updated_at' },
  title: { expression: 'lower(a.title)' },
};

export interface ActionFilter {
  /** The programmes the caller may read; undefined: all. */
  programmeIds?: readonly string[];
  trackId?: string;
  commitmentId?: string;
  commitmentKind?: CommitmentKind;
  ownerOrganisationId?: string;
  ownerUserId?: string;
  partnerOrganisationId?: string;
  statuses?: readonly ActionStatus[];
  healths?: readonly ActionHealth[];
  /** Levels of the escalation ladder; `none`: not escalated. */
  escalationLevels?: readonly EscalationFilterValue[];
  verification?: Verification;
  /** Overdue against this date (today in Europe/Amsterdam). */
  overdue?: { value: boolean; today: string };
  deadlineFrom?: string;
  deadlineTo?: string;
  updatedSince?: string;
  tag?: string;
  q?: string;
  parentActionId?: string;
}

/**
 * The filter of a list request: `scope`, the programmes the caller may read (`everywhere`:
 * all); `ownerUser=me` means the caller (`userId`); overdue against `today`.
 */
export function actionFilterOf(
  query: ListActionsQuery,
  scope: ProgrammeScope,
  userId: string,
  today: string,
): ActionFilter {
  return {
    programmeIds: scope === 'everywhere' ? undefined : scope,
    trackId: query.track,
    commitmentId: query.commitment,
    commitmentKind: query.commitmentKind,
    ownerOrganisationId: query.ownerOrganisation,
    ownerUserId: query.ownerUser === 'me' ? userId : query.ownerUser,
    partnerOrganisationId: query.partnerOrganisation,
    statuses: query.status,
    healths: query.health,
    escalationLevels: query.escalationLevel,
    verification: query.verification,
    overdue: query.overdue === undefined ? undefined : { value: query.overdue, today },
    deadlineFrom: query.deadlineFrom,
    deadlineTo: query.deadlineTo,
    updatedSince: query.updatedSince,
    tag: query.tag,
    q: query.q,
    parentActionId: query.parent,
  };
}

/** Adds the conditions of `filter` to a query over `actions a`. */
export function applyActionFilter<Q extends ObjectLiteral>(
  query: SelectQueryBuilder<Q>,
  filter: ActionFilter,
): SelectQueryBuilder<Q> {
  if (filter.programmeIds?.length === 1) {
    // Equality, not ANY(array): only then does the planner read the sort's index in order
    // (ix_actions_deadline and friends start with programme_id) instead of sorting them all.
    query.andWhere('a.programme_id = :programmeId', { programmeId: filter.programmeIds[0] });
  } else if (filter.programmeIds) {
    query.andWhere('a.programme_id = ANY(:programmeIds::uuid[])', {
      programmeIds: filter.programmeIds,
    });
  }
  const equal: [keyof ActionFilter, string][] = [
    ['trackId', 'a.track_id'],
    ['commitmentId', 'a.commitment_id'],
    ['ownerOrganisationId', 'a.owner_organisation_id'],
    ['ownerUserId', 'a.owner_user_id'],
    ['verification', 'a.verification'],
    ['parentActionId', 'a.parent_action_id'],
  ];
  for (const [key, column] of equal) {
    if (filter[key] !== undefined) query.andWhere(`${column} = :${key}`, { [key]: filter[key] });
  }
  if (filter.commitmentKind) {
    query.andWhere(
      'EXISTS (SELECT 1 FROM commitments c WHERE c.id = a.commitment_id AND c.kind = :kind)',
      { kind: filter.commitmentKind },
    );
  }
  if (filter.partnerOrganisationId) {
    query.andWhere(
      'EXISTS (SELECT 1 FROM action_partners p WHERE p.action_id = a.id AND p.organisation_id = :partner)',
      { partner: filter.partnerOrganisationId },
    );
  }
  if (filter.statuses?.length)
    query.andWhere('a.status = ANY(:statuses)', { statuses: filter.statuses });
  if (filter.healths?.length)
    query.andWhere('a.health = ANY(:healths)', { healths: filter.healths });
  if (filter.escalationLevels?.length) {
    query.andWhere(
      '(a.escalation_level = ANY(:levels) OR (:unescalated AND a.escalation_level IS NULL))',
      {
        levels: filter.escalationLevels.filter((level) => level !== 'none'),
        unescalated: filter.escalationLevels.includes('none'),
      },
    );
  }
  if (filter.overdue) {
    const overdue = 'a.deadline < :today::date AND a.status <> ALL(:closed)';
    query.andWhere(filter.overdue.value ? `(${overdue})` : `NOT (${overdue})`, {
      today: filter.overdue.today,
      closed: CLOSED_STATUSES,
    });
  }
  if (filter.deadlineFrom)
    query.andWhere('a.deadline >= :from::date', { from: filter.deadlineFrom });
  if (filter.deadlineTo) query.andWhere('a.deadline <= :to::date', { to: filter.deadlineTo });
  if (filter.updatedSince) {
    query.andWhere('a.updated_at >= :since::timestamptz', { since: filter.updatedSince });
  }
  if (filter.tag) query.andWhere('a.tags @> ARRAY[:tag]::text[]', { tag: filter.tag });
  if (filter.q) {
    const kamerstuk = kamerstukKey(filter.q);
    query.andWhere(
      new Brackets((where) => {
        where.where(textSearchSql('a', ':q'), { q: filter.q });
        // Actions of a commitment whose sources include the Kamerstuk asked for.
        if (kamerstuk) {
          where.orWhere(
            `a.commitment_id IN (SELECT r.commitment_id FROM commitment_references r
              WHERE ${kamerstukSql('r.kamerstuk', ':kamerstuk')})`,
            { kamerstuk },
          );
        }
      }),
    );
  }
  return query;
}
