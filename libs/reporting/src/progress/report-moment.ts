import { amsterdamDate } from '@app/core';
import { IdentityErrors } from '@app/identity';
import { addDays, amsterdamInstant } from '@app/reminders';
import type { ReportProgramme } from '@app/tracking';
import type { ReportHeader, ReportParameters } from './progress-report.model';

/** The days of "updated lately" and of the default period. */
const WINDOW_DAYS = 30;

/** A report's parameters resolved to instants and days. */
export interface ReportMoment {
  params: ReportParameters;
  /** Whether the report describes now (the live tables) rather than a reconstructed past. */
  live: boolean;
  reportDate: string;
  periodFrom: Date;
  updatedFrom: Date;
  in30: string;
  in90: string;
}

export function reportMoment(params: ReportParameters): ReportMoment {
  const live = params.live;
  // A date means the end of that day: the report's day is the day before that instant.
  const reportDate = amsterdamDate(new Date(params.asOf.getTime() - 1));
  const windowStart = amsterdamInstant(addDays(reportDate, -WINDOW_DAYS), 0);
  return {
    params,
    live,
    reportDate,
    periodFrom: params.since ?? windowStart,
    updatedFrom: windowStart,
    in30: addDays(reportDate, 30),
    in90: addDays(reportDate, 90),
  };
}

/** The header of a report of `programme` (not found: null) at `at`, made at `generatedAt`. */
export function reportHeader(
  at: ReportMoment,
  programme: ReportProgramme | null,
  generatedAt: Date,
): ReportHeader {
  if (!programme) throw IdentityErrors.notFound('programme');
  return {
    programme: { id: programme.id, name: programme.name },
    asOf: at.params.asOf.toISOString(),
    since: at.params.since?.toISOString() ?? null,
    period: { from: at.periodFrom.toISOString(), to: at.params.asOf.toISOString() },
    reportDate: at.reportDate,
    generatedAt: generatedAt.toISOString(),
    filters: at.params.filters,
    lang: at.params.lang,
  };
}
