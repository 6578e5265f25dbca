import { ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { IsIn, Matches } from 'class-validator';
import { CSV_SEPARATORS, type CsvSeparator, IsOmittable } from '@app/core';
import {
  ACTION_HEALTHS,
  type ActionHealth,
  ESCALATION_FILTER_VALUES,
  type EscalationFilterValue,
  ListActionsQuery,
} from '@app/tracking';
import { REPORT_LANGUAGES, type ReportLanguage } from '../progress-report.model';

/** An RFC 3339 instant with its zone, or a calendar date (Europe/Amsterdam). */
const MOMENT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2}))?$/;

export const REPORT_FORMATS = ['json', 'csv', 'xlsx', 'pdf', 'html', 'docx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The action list's filters (GET /v1/actions) that a report takes too. */
const REPORT_FILTERS = [
  'track',
  'commitmentKind',
  'ownerOrganisation',
  'partnerOrganisation',
  'status',
  'health',
  'escalationLevel',
  'overdue',
] as const;

/**
 * Which actions a report covers: every filter given narrows it. The filters, their types and
 * their validation are the action list's; only their documentation is the report's own
 * (examples, and overdue on the report day rather than today), redeclared below so that the
 * OpenAPI document reads as before. `commitmentKind` and `status` read alike in both.
 */
export class ReportFiltersQuery extends PickType(ListActionsQuery, REPORT_FILTERS) {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Only the actions of this track.',
    example: '9b7e4c1a-3f2d-4e8b-a6c5-0d1e2f3a4b5c',
  })
  override track?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Actions this organisation owns (trekker).',
    example: '32f4863a-c117-4dd8-93d3-7b281d88bd9c',
  })
  override ownerOrganisation?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Actions this organisation is a partner in.',
    example: '7d6c5b4a-3e2f-4a1b-9c8d-7e6f5a4b3c2d',
  })
  override partnerOrganisation?: string;

  @ApiPropertyOptional({ enum: ACTION_HEALTHS, isArray: true, description: 'One or more.' })
  override health?: ActionHealth[];

  @ApiPropertyOptional({
    enum: ESCALATION_FILTER_VALUES,
    isArray: true,
    description:
      'Escalation level, one or more, repeated or comma-separated; `none`: not escalated ' +
      '(as `GET /v1/actions?escalationLevel=`).',
  })
  override escalationLevel?: EscalationFilterValue[];

  @ApiPropertyOptional({
    type: Boolean,
    description:
      'Deadline passed (Europe/Amsterdam, on the report day) and not closed; false: the others.',
    example: false,
  })
  override overdue?: boolean;
}

/** The moment, period, language and format of a progress report. */
export class ReportOptionsQuery extends ReportFiltersQuery {
  @ApiPropertyOptional({
    type: String,
    description:
      'The moment the report describes: an RFC 3339 instant, or a date (the end of that day in ' +
      'Europe/Amsterdam). Default: now. A past moment is reconstructed from the progress ' +
      'timeline and the audit log.',
    example: '2026-06-30',
    pattern: MOMENT.source,
  })
  @IsOmittable()
  @Matches(MOMENT, {
    message: 'asOf must be a date (YYYY-MM-DD) or an RFC 3339 instant with its time zone',
  })
  asOf?: string;

  @ApiPropertyOptional({
    type: String,
    description:
      'List what changed per action since this moment (an RFC 3339 instant, or a date: the ' +
      'start of that day in Europe/Amsterdam); also the start of the period of "completed in ' +
      'the period" (default: 30 days before asOf).',
    example: '2026-01-01',
    pattern: MOMENT.source,
  })
  @IsOmittable()
  @Matches(MOMENT, {
    message: 'since must be a date (YYYY-MM-DD) or an RFC 3339 instant with its time zone',
  })
  since?: string;

  @ApiPropertyOptional({
    enum: REPORT_LANGUAGES,
    description: 'Labels in Dutch (default) or English.',
  })
  @IsOmittable()
  @IsIn(REPORT_LANGUAGES)
  lang?: ReportLanguage;
}

/** GET /programmes/{id}/reports/progress: options plus the format (else the Accept header). */
export class ProgressReportQuery extends ReportOptionsQuery {
  @ApiPropertyOptional({
    enum: REPORT_FORMATS,
    description:
      'The format; overrides the Accept header (application/json, text/csv, application/vnd.' +
      'openxmlformats-officedocument.spreadsheetml.sheet, application/pdf, text/html, ' +
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document). `docx` is a ' +
      'draft progress letter to parliament (Kamerbrief) for the manager to complete.',
  })
  @IsOmittable()
  @IsIn(REPORT_FORMATS)
  format?: ReportFormat;

  @ApiPropertyOptional({
    enum: Object.keys(CSV_SEPARATORS),
    description: 'CSV only: `semicolon` for Excel with Dutch regional settings. Default comma.',
  })
  @IsOmittable()
  @IsIn(Object.keys(CSV_SEPARATORS))
  separator?: CsvSeparator;
}
