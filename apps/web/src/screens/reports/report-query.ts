import type { Schemas } from '../../api/client';
import { amsterdamDay } from '../../components/amsterdam-day';

export type ReportFormat = Schemas['CreateReportExportDto']['format'];
type Status = NonNullable<Schemas['CreateReportExportDto']['status']>[number];
type Health = NonNullable<Schemas['CreateReportExportDto']['health']>[number];
type Kind = NonNullable<Schemas['CreateReportExportDto']['commitmentKind']>;

export const STATUSES: readonly Status[] = [
  'not_started',
  'in_progress',
  'met',
  'partially_met',
  'lapsed',
];
export const HEALTHS: readonly Health[] = ['not_set', 'on_track', 'at_risk', 'off_track'];
export const KINDS: readonly Kind[] = [
  'udo_trajectory',
  'bofv_agreement',
  'overhedenoverleg_agreement',
  'rob_recommendation',
  'parliamentary_pledge',
  'agenda_item',
];
/** The downloads offered, the draft letter to parliament (DOCX, a Kamerbrief to finish) last. */
export const DOWNLOAD_FORMATS: readonly ReportFormat[] = ['pdf', 'xlsx', 'csv', 'html', 'docx'];

/**
 * The report's options as the address holds them: the API's own query names and value formats
 * (`asOf`, `since`, `track`, `status`, …), like the action list's URL contract, so a report can
 * be bookmarked and shared.
 */
export const FIELDS = [
  'asOf',
  'since',
  'track',
  'status',
  'health',
  'ownerOrganisation',
  'partnerOrganisation',
  'commitmentKind',
  'overdue',
] as const;
export type Field = (typeof FIELDS)[number];
export type ReportValues = Record<Field, string>;

export function valuesOf(params: URLSearchParams): ReportValues {
  return Object.fromEntries(
    FIELDS.map((field) => [field, params.get(field) ?? '']),
  ) as ReportValues;
}

export function paramsOf(values: ReportValues): URLSearchParams {
  const params = new URLSearchParams();
  for (const field of FIELDS) if (values[field]) params.set(field, values[field]);
  return params;
}

/** The options the API takes (GET …/reports/progress and POST /report-exports alike). */
export interface ReportOptions {
  asOf?: string;
  since?: string;
  track?: string;
  status?: Status[];
  health?: Health[];
  ownerOrganisation?: string;
  partnerOrganisation?: string;
  commitmentKind?: Kind;
  overdue?: boolean;
  lang?: 'nl' | 'en';
}

const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

/** The options of the address, leaving out what is not valid (the form says why). */
export function optionsOf(values: ReportValues, lang: 'nl' | 'en'): ReportOptions {
  const options: ReportOptions = { lang };
  if (isDate(values.asOf)) options.asOf = values.asOf;
  if (isDate(values.since)) options.since = values.since;
  if (values.track) options.track = values.track;
  if ((STATUSES as readonly string[]).includes(values.status))
    options.status = [values.status as Status];
  if ((HEALTHS as readonly string[]).includes(values.health))
    options.health = [values.health as Health];
  if (values.ownerOrganisation) options.ownerOrganisation = values.ownerOrganisation;
  if (values.partnerOrganisation) options.partnerOrganisation = values.partnerOrganisation;
  if ((KINDS as readonly string[]).includes(values.commitmentKind))
    options.commitmentKind = values.commitmentKind as Kind;
  if (values.overdue === 'true' || values.overdue === 'false')
    options.overdue = values.overdue === 'true';
  return options;
}

export interface DateProblem {
  field: 'asOf' | 'since';
  problem: 'invalid' | 'future' | 'afterAsOf';
}

/** What the browser can check before asking; the API checks again (its 400 lands at the field). */
export function checkDates(values: ReportValues): DateProblem[] {
  const problems: DateProblem[] = [];
  const today = amsterdamDay();
  if (values.asOf && !isDate(values.asOf)) problems.push({ field: 'asOf', problem: 'invalid' });
  else if (values.asOf > today) problems.push({ field: 'asOf', problem: 'future' });
  if (values.since && !isDate(values.since)) problems.push({ field: 'since', problem: 'invalid' });
  else if (values.since && values.since > (values.asOf || today))
    problems.push({ field: 'since', problem: 'afterAsOf' });
  return problems;
}

/** The API's file name stem (used when a download comes without Content-Disposition). */
export function fileStem(format: ReportFormat, language: 'nl' | 'en'): string {
  if (format === 'docx') return language === 'en' ? 'progress-letter' : 'voortgangsbrief';
  return language === 'en' ? 'progress-report' : 'voortgangsrapportage';
}
