import type {
  ActionHealth,
  ActionStatus,
  CommitmentKind,
  EscalationLevel,
  PartnerRole,
  Verification,
} from '@app/tracking';
import type { PartnerPosition, ReportLanguage } from './progress-report.model';
import { EN_REPORT_LABELS } from './report-labels.en';
import { NL_REPORT_LABELS } from './report-labels.nl';

/**
 * Every word a rendered report shows, in Dutch (the default) and English. The renderers
 * (CSV, XLSX, HTML, PDF) take their labels from here, so one report reads the same in each.
 */
export interface ReportLabels {
  title: string;
  programme: string;
  asOf: string;
  since: string;
  period: string;
  generatedAt: string;
  filters: string;
  noFilters: string;
  page: (page: number, pages?: number) => string;
  summary: string;
  actions: string;
  /** After a track heading repeated on a new page of the PDF. */
  continued: string;
  noTrack: string;
  noCommitment: string;
  none: string;
  yes: string;
  no: string;
  /** In "changed since": the action is new. */
  created: string;
  progressUpdates: (count: number) => string;
  status: Record<ActionStatus, string>;
  health: Record<ActionHealth, string>;
  verification: Record<Verification, string>;
  commitmentKind: Record<CommitmentKind, string>;
  partnerRole: Record<PartnerRole, string>;
  position: Record<PartnerPosition, string>;
  escalationLevel: Record<EscalationLevel, string>;
  /** The parliamentary vocabulary of a status (official terms: the same in every language). */
  statusParliament: Readonly<Record<ActionStatus, string>>;
  summaryFields: {
    total: string;
    open: string;
    closed: string;
    overdue: string;
    completedInPeriod: string;
    deadlinesNext30Days: string;
    deadlinesNext90Days: string;
    openUpdatedLast30Days: string;
    byStatusAndHealth: string;
    byTrack: string;
    byCommitmentKind: string;
    byOwnerOrganisation: string;
    byVerification: string;
    byEscalationLevel: string;
    notEscalated: string;
    rollupByTrack: string;
    rollupByCommitment: string;
    rollupPercent: string;
    rollupHealth: string;
    count: string;
    chartStatusByTrack: string;
    chartHealth: string;
  };
  /** Column headings of the per-action table (CSV, XLSX, HTML, PDF), keyed by column. */
  columns: Record<ReportColumn, string>;
  filterNames: Record<
    | 'track'
    | 'commitmentKind'
    | 'ownerOrganisation'
    | 'partnerOrganisation'
    | 'status'
    | 'health'
    | 'escalationLevel'
    | 'overdue',
    string
  >;
}

/** The per-action columns, in the order the tabular formats show them. */
export const REPORT_COLUMNS = [
  'id',
  'track',
  'title',
  'commitment',
  'commitmentKind',
  'sourceReference',
  'ownerOrganisation',
  'ownerUser',
  'partners',
  'deadline',
  'status',
  'statusParliament',
  'health',
  'verification',
  'percentComplete',
  'overdue',
  'escalationLevel',
  'closedAt',
  'latestNarrative',
  'latestNarrativeAt',
  'partnerPositions',
  'changesSince',
] as const;
export type ReportColumn = (typeof REPORT_COLUMNS)[number];

export function reportLabels(lang: ReportLanguage): ReportLabels {
  return lang === 'en' ? EN_REPORT_LABELS : NL_REPORT_LABELS;
}
