import { amsterdamWallClock } from '@app/core';
import {
  ACTION_HEALTHS,
  ACTION_STATUSES,
  ESCALATION_FILTER_VALUES,
  VERIFICATIONS,
} from '@app/tracking';
import type { Rollup } from '@app/tracking';
import type { ReportAction, ReportHeader, ReportSummary } from './progress-report.model';
import { REPORT_COLUMNS, type ReportColumn, type ReportLabels } from './report-labels';

/** How a column's values are typed in a spreadsheet. */
export type ColumnType = 'text' | 'date' | 'datetime' | 'number';

export const COLUMN_TYPES: Record<ReportColumn, ColumnType> = {
  id: 'text',
  track: 'text',
  title: 'text',
  commitment: 'text',
  commitmentKind: 'text',
  sourceReference: 'text',
  ownerOrganisation: 'text',
  ownerUser: 'text',
  partners: 'text',
  deadline: 'date',
  status: 'text',
  statusParliament: 'text',
  health: 'text',
  verification: 'text',
  percentComplete: 'number',
  overdue: 'text',
  escalationLevel: 'text',
  closedAt: 'datetime',
  latestNarrative: 'text',
  latestNarrativeAt: 'datetime',
  partnerPositions: 'text',
  changesSince: 'text',
};

/**
 * A cell: text or a number; a `date` column holds the day (YYYY-MM-DD) and a `datetime` column
 * the instant (ISO 8601 UTC) as text, which each format turns into its own kind of date.
 * `null` is an empty cell.
 */
export type Cell = string | number | null;

/** One action as the tabular formats show it: the same values in CSV, XLSX, HTML and PDF. */
export function actionCells(
  action: ReportAction,
  labels: ReportLabels,
): Record<ReportColumn, Cell> {
  return {
    id: action.id,
    track: action.track?.name ?? labels.noTrack,
    title: action.title,
    commitment: action.commitment?.title ?? null,
    commitmentKind: action.commitment ? labels.commitmentKind[action.commitment.kind] : null,
    sourceReference: action.commitment?.sourceReference ?? null,
    ownerOrganisation: action.ownerOrganisation.code,
    ownerUser: action.ownerUser?.name ?? null,
    partners:
      action.partners
        .map((p) => `${p.organisation.code} (${labels.partnerRole[p.role]})`)
        .join(', ') || null,
    deadline: action.deadline,
    status: labels.status[action.status],
    statusParliament: labels.statusParliament[action.status],
    health: labels.health[action.health],
    verification: labels.verification[action.verification],
    percentComplete: action.percentComplete,
    overdue: action.overdue ? labels.yes : labels.no,
    escalationLevel: action.escalationLevel ? labels.escalationLevel[action.escalationLevel] : null,
    closedAt: action.closedAt,
    latestNarrative: action.latestNarrative?.text ?? null,
    latestNarrativeAt: action.latestNarrative?.at ?? null,
    partnerPositions:
      action.partners
        .filter((p) => p.position !== null)
        .map((p) => `${p.organisation.code}: ${labels.position[p.position!]}`)
        .join(', ') || null,
    changesSince: changesText(action, labels),
  };
}

function changesText(action: ReportAction, labels: ReportLabels): string | null {
  const changes = action.changesSince;
  if (!changes) return null;
  const parts: string[] = [];
  if (changes.created) parts.push(labels.created);
  for (const change of changes.fields) {
    parts.push(labels.columns[change.field as ReportColumn] ?? change.field);
  }
  if (changes.progressUpdates > 0) parts.push(labels.progressUpdates(changes.progressUpdates));
  return parts.join(', ') || null;
}

/**
 * A header value in a sortable form: an ISO instant as `YYYY-MM-DD HH:mm` in Europe/Amsterdam,
 * anything else as is. The documents people read write the cover with `datedCoverLines`
 * (report-style.ts) instead: `20 november 2026 om 10:00`.
 */
function displayMoment(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value)) return value;
  return amsterdamWallClock(new Date(value)).toISOString().slice(0, 16).replace('T', ' ');
}

export { REPORT_COLUMNS };

/** A labelled figure of the summary. */
export interface SummaryLine {
  label: string;
  value: number | string;
}

export interface SummarySection {
  title: string;
  /** Column headings of a table section; absent for a list of figures. */
  headings?: string[];
  rows: (string | number)[][];
}

/**
 * The summary as titled tables, in the order the XLSX summary sheet, the HTML and the PDF show
 * it: the same figures in each.
 */
export function summarySections(summary: ReportSummary, labels: ReportLabels): SummarySection[] {
  const f = labels.summaryFields;
  const share = summary.openUpdatedLast30Days.share;
  return [
    {
      title: labels.summary,
      rows: [
        [f.total, summary.total],
        [f.open, summary.open],
        [f.closed, summary.closed],
        [f.overdue, summary.overdue],
        [f.completedInPeriod, summary.completedInPeriod],
        [f.deadlinesNext30Days, summary.deadlinesNext30Days],
        [f.deadlinesNext90Days, summary.deadlinesNext90Days],
        [
          f.openUpdatedLast30Days,
          `${summary.openUpdatedLast30Days.updated} / ${summary.openUpdatedLast30Days.open}` +
            (share === null ? '' : ` (${Math.round(share * 100)}%)`),
        ],
      ],
    },
    {
      title: f.byStatusAndHealth,
      headings: [labels.columns.status, ...ACTION_HEALTHS.map((h) => labels.health[h]), f.total],
      rows: ACTION_STATUSES.map((status) => {
        const cells = ACTION_HEALTHS.map(
          (health) =>
            summary.byStatusAndHealth.find((c) => c.status === status && c.health === health)
              ?.count ?? 0,
        );
        return [labels.status[status], ...cells, summary.byStatus[status]];
      }),
    },
    {
      title: f.byTrack,
      headings: [
        labels.columns.track,
        f.total,
        f.open,
        f.overdue,
        ...ACTION_STATUSES.map((s) => labels.status[s]),
      ],
      rows: summary.byTrack.map((t) => [
        t.track?.name ?? labels.noTrack,
        t.total,
        t.open,
        t.overdue,
        ...ACTION_STATUSES.map((s) => t.byStatus[s]),
      ]),
    },
    {
      title: f.byCommitmentKind,
      headings: [labels.columns.commitmentKind, f.count],
      rows: summary.byCommitmentKind.map((k) => [
        k.kind ? labels.commitmentKind[k.kind] : labels.noCommitment,
        k.count,
      ]),
    },
    {
      title: f.byOwnerOrganisation,
      headings: [labels.columns.ownerOrganisation, f.total, f.open, f.overdue],
      rows: summary.byOwnerOrganisation.map((o) => [
        `${o.organisation.code} — ${o.organisation.name}`,
        o.count,
        o.open,
        o.overdue,
      ]),
    },
    {
      title: f.byVerification,
      headings: [labels.columns.verification, f.count],
      rows: VERIFICATIONS.map((v) => [labels.verification[v], summary.byVerification[v]]),
    },
    {
      title: f.rollupByTrack,
      headings: [labels.columns.track, f.rollupPercent, f.rollupHealth, f.total, f.open, f.overdue],
      rows: summary.byTrack.map((t) => [
        t.track?.name ?? labels.noTrack,
        ...rollupCells(t.rollup, labels),
      ]),
    },
    {
      title: f.rollupByCommitment,
      headings: [
        labels.columns.commitment,
        f.rollupPercent,
        f.rollupHealth,
        f.total,
        f.open,
        f.overdue,
      ],
      rows: summary.byCommitment.map((c) => [
        c.commitment?.title ?? labels.noCommitment,
        ...rollupCells(c.rollup, labels),
      ]),
    },
    {
      title: f.byEscalationLevel,
      headings: [labels.columns.escalationLevel, f.count],
      rows: ESCALATION_FILTER_VALUES.map((level) => [
        level === 'none' ? f.notEscalated : labels.escalationLevel[level],
        summary.byEscalationLevel[level],
      ]),
    },
  ];
}

/** A roll-up as the summary tables show it: percentage, worst health (count), counts. */
function rollupCells(rollup: Rollup, labels: ReportLabels): (string | number)[] {
  return [
    rollup.percentComplete === null ? labels.none : rollup.percentComplete,
    rollup.health === null
      ? labels.none
      : `${labels.health[rollup.health]} (${rollup.healthCount})`,
    rollup.total,
    rollup.open,
    rollup.overdue,
  ];
}

/** The cover lines: programme, moment, period and filters, labelled. */
export function coverLines(header: ReportHeader, labels: ReportLabels): SummaryLine[] {
  const f = header.filters;
  const filters: string[] = [];
  const add = (name: keyof ReportLabels['filterNames'], value: string | undefined): void => {
    if (value !== undefined) filters.push(`${labels.filterNames[name]}: ${value}`);
  };
  add('track', f.track);
  add('commitmentKind', f.commitmentKind && labels.commitmentKind[f.commitmentKind]);
  add('ownerOrganisation', f.ownerOrganisation);
  add('partnerOrganisation', f.partnerOrganisation);
  add('status', f.status?.map((s) => labels.status[s]).join(', '));
  add('health', f.health?.map((h) => labels.health[h]).join(', '));
  add(
    'escalationLevel',
    f.escalationLevel
      ?.map((level) =>
        level === 'none' ? labels.summaryFields.notEscalated : labels.escalationLevel[level],
      )
      .join(', '),
  );
  add('overdue', f.overdue === undefined ? undefined : f.overdue ? labels.yes : labels.no);
  return [
    { label: labels.programme, value: header.programme.name },
    { label: labels.asOf, value: displayMoment(header.asOf) },
    {
      label: labels.period,
      value: `${displayMoment(header.period.from)} – ${displayMoment(header.period.to)}`,
    },
    ...(header.since ? [{ label: labels.since, value: displayMoment(header.since) }] : []),
    { label: labels.filters, value: filters.length > 0 ? filters.join('; ') : labels.noFilters },
    { label: labels.generatedAt, value: displayMoment(header.generatedAt) },
  ];
}
