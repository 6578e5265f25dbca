import { addDays, amsterdamInstant } from '@app/reminders';
import type { ReportOptionsQuery } from './dto/progress-report.query';
import type { ReportFilters, ReportParameters } from './progress-report.model';
import { ReportErrors } from './report.errors';

/**
 * The parameters of a report from its query, as of `now`: instants, defaults, and their checks.
 * A report asked for directly and one asked for as an export are checked alike.
 */
export function reportParameters(
  programmeId: string,
  query: ReportOptionsQuery,
  now: Date,
): ReportParameters {
  const problems: { name: string; reason: string }[] = [];
  const read = (name: 'asOf' | 'since', edge: 'start' | 'end'): Date | null => {
    const value = query[name];
    if (value === undefined) return null;
    const instant = moment(value, edge);
    if (instant) return instant;
    problems.push({ name, reason: `${name} is not a date or time that exists` });
    return null;
  };
  const asOf = read('asOf', 'end') ?? now;
  const since = read('since', 'start');
  if (asOf > now) problems.push({ name: 'asOf', reason: 'asOf must not lie in the future' });
  if (since && since >= asOf) {
    problems.push({ name: 'since', reason: 'since must lie before asOf' });
  }
  if (problems.length > 0) throw ReportErrors.invalidMoment(problems);
  const filters: ReportFilters = {
    track: query.track,
    commitmentKind: query.commitmentKind,
    ownerOrganisation: query.ownerOrganisation,
    partnerOrganisation: query.partnerOrganisation,
    status: query.status,
    health: query.health,
    escalationLevel: query.escalationLevel,
    overdue: query.overdue,
  };
  return {
    programmeId,
    asOf,
    since,
    filters: Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined)),
    lang: query.lang ?? 'nl',
    live: query.asOf === undefined,
  };
}

/**
 * An RFC 3339 instant, or a date: its start, or its end (the start of the next day). Null for
 * one that does not exist (30 February, 25:61): the pattern only checks the shape.
 */
function moment(value: string, edge: 'start' | 'end'): Date | null {
  const day = value.slice(0, 10);
  const calendar = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(calendar.getTime()) || calendar.toISOString().slice(0, 10) !== day) return null;
  if (value.length > 10) {
    const [hours, minutes, seconds] = value.slice(11, 19).split(':').map(Number);
    const instant = new Date(value);
    if (hours > 23 || minutes > 59 || seconds > 59 || Number.isNaN(instant.getTime())) return null;
    return instant;
  }
  return amsterdamInstant(edge === 'start' ? day : addDays(day, 1), 0);
}
