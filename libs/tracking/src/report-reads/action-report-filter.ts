import type { StatementParameters } from '@app/core';
import type { CommitmentKind } from '../commitments/commitment.entity';
import {
  type ActionHealth,
  type ActionStatus,
  CLOSED_STATUSES,
  type EscalationFilterValue,
} from '../actions/action-states';

/** Narrows the actions in SQL: the current state (a report of now). */
export interface ActionReportFilter {
  trackId?: string;
  commitmentKind?: CommitmentKind;
  ownerOrganisationId?: string;
  partnerOrganisationId?: string;
  statuses?: readonly ActionStatus[];
  healths?: readonly ActionHealth[];
  /** Levels of the escalation ladder; `none`: not escalated. */
  escalationLevels?: readonly EscalationFilterValue[];
  /** Overdue on `today` (deadline passed, not closed), or not. */
  overdue?: { value: boolean; today: string };
}

/** The closed statuses, as a `text[]` parameter. */
export const CLOSED = [...CLOSED_STATUSES];

/**
 * The WHERE clause over `actions a` of a programme's actions narrowed by `filter`, its values
 * added to `p`: the counts and the rows of a report narrow alike.
 */
export function actionReportWhere(
  p: StatementParameters,
  programmeId: string,
  filter: ActionReportFilter,
): string {
  const clauses = [`a.programme_id = ${p.add(programmeId, 'uuid')}`];
  if (filter.trackId) clauses.push(`a.track_id = ${p.add(filter.trackId, 'uuid')}`);
  if (filter.commitmentKind) {
    clauses.push(
      `EXISTS (SELECT 1 FROM commitments fc WHERE fc.id = a.commitment_id AND fc.kind = ${p.add(filter.commitmentKind)})`,
    );
  }
  if (filter.ownerOrganisationId) {
    clauses.push(`a.owner_organisation_id = ${p.add(filter.ownerOrganisationId, 'uuid')}`);
  }
  if (filter.partnerOrganisationId) {
    clauses.push(
      `EXISTS (SELECT 1 FROM action_partners fp WHERE fp.action_id = a.id AND fp.organisation_id = ${p.add(filter.partnerOrganisationId, 'uuid')})`,
    );
  }
  if (filter.statuses?.length)
    clauses.push(`a.status = ANY(${p.add([...filter.statuses], 'text[]')})`);
  if (filter.healths?.length)
    clauses.push(`a.health = ANY(${p.add([...filter.healths], 'text[]')})`);
  if (filter.escalationLevels?.length) {
    const levels = filter.escalationLevels.filter((level) => level !== 'none');
    const none = filter.escalationLevels.includes('none') ? ' OR a.escalation_level IS NULL' : '';
    clauses.push(`(a.escalation_level = ANY(${p.add(levels, 'text[]')})${none})`);
  }
  if (filter.overdue) {
    const overdue = `(a.deadline < ${p.add(filter.overdue.today, 'date')} AND a.status <> ALL(${p.add(CLOSED, 'text[]')}))`;
    clauses.push(filter.overdue.value ? overdue : `NOT ${overdue}`);
  }
  return clauses.join(' AND ');
}
