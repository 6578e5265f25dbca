import type {
  ActionHealth,
  ActionStatus,
  CommitmentKind,
  EscalationFilterValue,
  EscalationLevel,
  PartnerRole,
  Rollup,
  Verification,
} from '@app/tracking';

/** The languages of a report's labels: Dutch by default (DESIGN §4). */
export const REPORT_LANGUAGES = ['nl', 'en'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

export type PartnerPosition = 'supports' | 'concerns' | 'objects';

/** Which actions a report covers. Every filter narrows; absent filters do not. */
export interface ReportFilters {
  track?: string;
  commitmentKind?: CommitmentKind;
  ownerOrganisation?: string;
  partnerOrganisation?: string;
  status?: readonly ActionStatus[];
  health?: readonly ActionHealth[];
  escalationLevel?: readonly EscalationFilterValue[];
  overdue?: boolean;
}

export interface ReportParameters {
  programmeId: string;
  /** Whether the report describes now: read from the live tables, its summary cached. */
  live: boolean;
  /** The moment the report describes; the past is reconstructed from the timeline and audit log. */
  asOf: Date;
  /** Changes per action are listed since this moment; it also starts the period. */
  since: Date | null;
  filters: ReportFilters;
  lang: ReportLanguage;
}

export interface ReportOrganisation {
  id: string;
  code: string;
  name: string;
}

export interface ReportTrack {
  id: string;
  name: string;
}

/** One changed field of an action between `since` and `asOf`. */
export interface ReportFieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

export interface ReportAction {
  id: string;
  title: string;
  track: ReportTrack | null;
  commitment: {
    id: string;
    title: string;
    kind: CommitmentKind;
    /** The commitment's first source reference: document and kamerstuk, if any. */
    sourceReference: string | null;
  } | null;
  ownerOrganisation: ReportOrganisation;
  ownerUser: { id: string; name: string } | null;
  partners: {
    organisation: ReportOrganisation;
    role: PartnerRole;
    /** The latest position the organisation stated on the action, as of the report's moment. */
    position: PartnerPosition | null;
    positionStatedAt: string | null;
  }[];
  /** A date (YYYY-MM-DD), Europe/Amsterdam. */
  deadline: string;
  status: ActionStatus;
  health: ActionHealth;
  verification: Verification;
  percentComplete: number;
  /** The weight in roll-ups (null: 1), as of the report's moment. */
  rollupWeight: number | null;
  overdue: boolean;
  escalationLevel: EscalationLevel | null;
  closedAt: string | null;
  latestNarrative: { text: string; at: string } | null;
  /** When the progress timeline last had an entry (any kind), as of the report's moment. */
  lastUpdateAt: string | null;
  /** What changed since `since`; null without `since`. */
  changesSince: {
    /** Created after `since`. */
    created: boolean;
    fields: ReportFieldChange[];
    progressUpdates: number;
  } | null;
}

export interface CountByStatusHealth {
  status: ActionStatus;
  health: ActionHealth;
  count: number;
}

export interface TrackCount {
  track: ReportTrack | null;
  total: number;
  open: number;
  overdue: number;
  byStatus: Record<ActionStatus, number>;
  /** The track's roll-up over the report's actions. */
  rollup: Rollup;
}

export interface CommitmentRollup {
  /** null: the actions without a commitment. */
  commitment: { id: string; title: string; kind: CommitmentKind } | null;
  rollup: Rollup;
}

export interface ReportSummary {
  total: number;
  open: number;
  closed: number;
  byStatus: Record<ActionStatus, number>;
  /** Health of the open actions (health only means something while open). */
  byHealth: Record<ActionHealth, number>;
  /** Every status × health cell that has actions. */
  byStatusAndHealth: CountByStatusHealth[];
  byTrack: TrackCount[];
  byCommitmentKind: { kind: CommitmentKind | null; count: number }[];
  /** Per commitment (by title; no commitment last), the roll-up over the report's actions. */
  byCommitment: CommitmentRollup[];
  byOwnerOrganisation: {
    organisation: ReportOrganisation;
    count: number;
    open: number;
    overdue: number;
  }[];
  byVerification: Record<Verification, number>;
  /** Open actions per level of the escalation ladder; `none`: not escalated. */
  byEscalationLevel: Record<EscalationFilterValue, number>;
  overdue: number;
  /** Closed as met or partially met within the period. */
  completedInPeriod: number;
  /** Open actions with a deadline from the report's day through 30 (90) days later. */
  deadlinesNext30Days: number;
  deadlinesNext90Days: number;
  openUpdatedLast30Days: { open: number; updated: number; share: number | null };
}

export interface ReportHeader {
  programme: { id: string; name: string };
  asOf: string;
  since: string | null;
  /** The period of `completedInPeriod`: from `since` (or 30 days before `asOf`) to `asOf`. */
  period: { from: string; to: string };
  /** The report's day in Europe/Amsterdam (overdue and upcoming deadlines count from it). */
  reportDate: string;
  generatedAt: string;
  filters: ReportFilters;
  lang: ReportLanguage;
}

/** A report as the renderers take it: the actions come as a stream, in track order. */
export interface ProgressReport {
  header: ReportHeader;
  summary: ReportSummary;
  /** Ordered by track (position, name; no track last), then deadline, then title, then id. */
  actions: AsyncIterable<ReportAction>;
}

/**
 * A report as the service hands it out: a report of now holds the database snapshot its
 * summary was read in until its actions have been read from it, or until `close`, which the
 * reader calls once it is done with the report (also when it never reads the actions).
 */
export interface OpenReport extends ProgressReport {
  close(): Promise<void>;
}
