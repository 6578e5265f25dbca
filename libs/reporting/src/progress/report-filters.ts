import type { ActionReportFilter } from '@app/tracking';
import type { ReportAction, ReportFilters } from './progress-report.model';

/**
 * A report's filters as SQL narrows the actions as they stand (a report of now); `today` is
 * the report's day, on which overdue is judged.
 */
export function sqlFilter(filters: ReportFilters, today: string): ActionReportFilter {
  return {
    trackId: filters.track,
    commitmentKind: filters.commitmentKind,
    ownerOrganisationId: filters.ownerOrganisation,
    partnerOrganisationId: filters.partnerOrganisation,
    statuses: filters.status,
    healths: filters.health,
    escalationLevels: filters.escalationLevel,
    overdue: filters.overdue === undefined ? undefined : { value: filters.overdue, today },
  };
}

/**
 * The same filters as `sqlFilter`, on a reconstructed action: a report of the past filters
 * only after it has rewound its actions, since SQL sees them as they stand.
 */
export function matchesFilters(action: ReportAction, filters: ReportFilters): boolean {
  if (filters.track && action.track?.id !== filters.track) return false;
  if (filters.commitmentKind && action.commitment?.kind !== filters.commitmentKind) return false;
  if (filters.ownerOrganisation && action.ownerOrganisation.id !== filters.ownerOrganisation) {
    return false;
  }
  if (
    filters.partnerOrganisation &&
    !action.partners.some((p) => p.organisation.id === filters.partnerOrganisation)
  ) {
    return false;
  }
  if (filters.status?.length && !filters.status.includes(action.status)) return false;
  if (filters.health?.length && !filters.health.includes(action.health)) return false;
  if (
    filters.escalationLevel?.length &&
    !filters.escalationLevel.includes(action.escalationLevel ?? 'none')
  ) {
    return false;
  }
  if (filters.overdue !== undefined && action.overdue !== filters.overdue) return false;
  return true;
}
