import type {
  ActionHealth,
  ActionStatus,
  CommitmentKind,
  EscalationLevel,
  PartnerRole,
  Verification,
} from '@app/tracking';
import { STATUS_PARLIAMENT } from '../vocabularies';
import type { PartnerPosition, ReportLanguage } from './progress-report.model';

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

const NL: ReportLabels = {
  title: 'Voortgangsrapportage',
  programme: 'Programma',
  asOf: 'Peildatum',
  since: 'Wijzigingen sinds',
  period: 'Periode',
  generatedAt: 'Gemaakt op',
  filters: 'Filters',
  noFilters: 'geen (alle acties)',
  page: (page, pages) => (pages === undefined ? `Pagina ${page}` : `Pagina ${page} van ${pages}`),
  summary: 'Samenvatting',
  actions: 'Acties',
  continued: '(vervolg)',
  noTrack: 'Zonder spoor',
  noCommitment: 'Zonder afspraak',
  none: '—',
  yes: 'ja',
  no: 'nee',
  created: 'nieuw',
  progressUpdates: (count) =>
    count === 1 ? '1 voortgangsbericht' : `${count} voortgangsberichten`,
  status: {
    not_started: 'Niet gestart',
    in_progress: 'In uitvoering',
    met: 'Gerealiseerd',
    partially_met: 'Deels gerealiseerd',
    lapsed: 'Vervallen',
  },
  health: {
    not_set: 'Niet beoordeeld',
    on_track: 'Op koers',
    at_risk: 'Risico',
    off_track: 'Uit koers',
  },
  verification: {
    self_reported: 'Zelf gemeld',
    partner_reviewed: 'Bevestigd door partner',
    verified: 'Geverifieerd',
  },
  commitmentKind: {
    udo_trajectory: 'UDO-traject',
    bofv_agreement: 'BOFv-afspraak',
    overhedenoverleg_agreement: 'Afspraak Overhedenoverleg',
    rob_recommendation: 'ROB-aanbeveling',
    parliamentary_pledge: 'Toezegging aan de Kamer',
    agenda_item: 'Actieagendapunt',
  },
  partnerRole: { co_owner: 'mede-eigenaar', contributor: 'bijdrager', informed: 'geïnformeerd' },
  position: { supports: 'steunt', concerns: 'heeft zorgen', objects: 'maakt bezwaar' },
  escalationLevel: {
    official: 'Ambtelijk',
    administrative: 'Bestuurlijk',
    overhedenoverleg: 'Overhedenoverleg',
  },
  statusParliament: STATUS_PARLIAMENT,
  summaryFields: {
    total: 'Acties',
    open: 'Open',
    closed: 'Afgesloten',
    overdue: 'Over de deadline',
    completedInPeriod: 'Afgerond in de periode',
    deadlinesNext30Days: 'Deadline binnen 30 dagen',
    deadlinesNext90Days: 'Deadline binnen 90 dagen',
    openUpdatedLast30Days: 'Open acties bijgewerkt in de laatste 30 dagen',
    byStatusAndHealth: 'Status en voortgang',
    byTrack: 'Per spoor',
    byCommitmentKind: 'Per soort afspraak',
    byOwnerOrganisation: 'Per trekker',
    byVerification: 'Verificatie',
    byEscalationLevel: 'Open acties per escalatieniveau',
    notEscalated: 'Niet geëscaleerd',
    rollupByTrack: 'Voortgang per spoor',
    rollupByCommitment: 'Voortgang per afspraak',
    rollupPercent: 'Gereed (%)',
    rollupHealth: 'Slechtste voortgang (aantal)',
    count: 'Aantal',
    chartStatusByTrack: 'Status per spoor',
    chartHealth: 'Voortgang van de open acties',
  },
  columns: {
    id: 'Id',
    track: 'Spoor',
    title: 'Actie',
    commitment: 'Afspraak',
    commitmentKind: 'Soort afspraak',
    sourceReference: 'Bron',
    ownerOrganisation: 'Trekker',
    ownerUser: 'Eigenaar',
    partners: 'Partners',
    deadline: 'Deadline',
    status: 'Status',
    statusParliament: 'Status (Kamer)',
    health: 'Voortgang',
    verification: 'Verificatie',
    percentComplete: 'Gereed (%)',
    overdue: 'Over de deadline',
    escalationLevel: 'Escalatie',
    closedAt: 'Afgesloten op',
    latestNarrative: 'Laatste toelichting',
    latestNarrativeAt: 'Datum toelichting',
    partnerPositions: 'Standpunten partners',
    changesSince: 'Gewijzigd sinds',
  },
  filterNames: {
    track: 'Spoor',
    commitmentKind: 'Soort afspraak',
    ownerOrganisation: 'Trekker',
    partnerOrganisation: 'Partner',
    status: 'Status',
    health: 'Voortgang',
    escalationLevel: 'Escalatie',
    overdue: 'Over de deadline',
  },
};

const EN: ReportLabels = {
  title: 'Progress report',
  programme: 'Programme',
  asOf: 'As of',
  since: 'Changes since',
  period: 'Period',
  generatedAt: 'Generated at',
  filters: 'Filters',
  noFilters: 'none (all actions)',
  page: (page, pages) => (pages === undefined ? `Page ${page}` : `Page ${page} of ${pages}`),
  summary: 'Summary',
  actions: 'Actions',
  continued: '(continued)',
  noTrack: 'No track',
  noCommitment: 'No commitment',
  none: '—',
  yes: 'yes',
  no: 'no',
  created: 'new',
  progressUpdates: (count) => (count === 1 ? '1 progress update' : `${count} progress updates`),
  status: {
    not_started: 'Not started',
    in_progress: 'In progress',
    met: 'Met',
    partially_met: 'Partially met',
    lapsed: 'Lapsed',
  },
  health: {
    not_set: 'Not assessed',
    on_track: 'On track',
    at_risk: 'At risk',
    off_track: 'Off track',
  },
  verification: {
    self_reported: 'Self-reported',
    partner_reviewed: 'Confirmed by a partner',
    verified: 'Verified',
  },
  commitmentKind: {
    udo_trajectory: 'UDO trajectory',
    bofv_agreement: 'BOFv agreement',
    overhedenoverleg_agreement: 'Overhedenoverleg agreement',
    rob_recommendation: 'ROB recommendation',
    parliamentary_pledge: 'Parliamentary pledge',
    agenda_item: 'Action agenda item',
  },
  partnerRole: { co_owner: 'co-owner', contributor: 'contributor', informed: 'informed' },
  position: { supports: 'supports', concerns: 'has concerns', objects: 'objects' },
  escalationLevel: {
    official: 'Official',
    administrative: 'Administrative',
    overhedenoverleg: 'Overhedenoverleg',
  },
  statusParliament: STATUS_PARLIAMENT,
  summaryFields: {
    total: 'Actions',
    open: 'Open',
    closed: 'Closed',
    overdue: 'Overdue',
    completedInPeriod: 'Completed in the period',
    deadlinesNext30Days: 'Deadline within 30 days',
    deadlinesNext90Days: 'Deadline within 90 days',
    openUpdatedLast30Days: 'Open actions updated in the last 30 days',
    byStatusAndHealth: 'Status and health',
    byTrack: 'By track',
    byCommitmentKind: 'By commitment kind',
    byOwnerOrganisation: 'By owner organisation',
    byVerification: 'Verification',
    byEscalationLevel: 'Open actions by escalation level',
    notEscalated: 'Not escalated',
    rollupByTrack: 'Progress by track',
    rollupByCommitment: 'Progress by commitment',
    rollupPercent: 'Complete (%)',
    rollupHealth: 'Worst health (count)',
    count: 'Count',
    chartStatusByTrack: 'Status by track',
    chartHealth: 'Health of the open actions',
  },
  columns: {
    id: 'Id',
    track: 'Track',
    title: 'Action',
    commitment: 'Commitment',
    commitmentKind: 'Commitment kind',
    sourceReference: 'Source',
    ownerOrganisation: 'Owner organisation',
    ownerUser: 'Owner',
    partners: 'Partners',
    deadline: 'Deadline',
    status: 'Status',
    statusParliament: 'Status (parliament)',
    health: 'Health',
    verification: 'Verification',
    percentComplete: 'Complete (%)',
    overdue: 'Overdue',
    escalationLevel: 'Escalation',
    closedAt: 'Closed at',
    latestNarrative: 'Latest narrative',
    latestNarrativeAt: 'Narrative date',
    partnerPositions: 'Partner positions',
    changesSince: 'Changed since',
  },
  filterNames: {
    track: 'Track',
    commitmentKind: 'Commitment kind',
    ownerOrganisation: 'Owner organisation',
    partnerOrganisation: 'Partner organisation',
    status: 'Status',
    health: 'Health',
    escalationLevel: 'Escalation',
    overdue: 'Overdue',
  },
};

export function reportLabels(lang: ReportLanguage): ReportLabels {
  return lang === 'en' ? EN : NL;
}
