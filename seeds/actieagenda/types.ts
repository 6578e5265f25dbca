import type {
  ActionHealth,
  ActionStatus,
  EscalationLevel,
  PartnerRole,
  Verification,
} from '@app/tracking';

// The shape of the Actieagenda's demo data. Organisations are named by code, demo users by
// e-mail, commitments and actions by a stable key (their identity across runs, see
// tracking.seed.ts); dates are ISO dates (YYYY-MM-DD).

export type CommitmentKind =
  | 'udo_trajectory'
  | 'bofv_agreement'
  | 'overhedenoverleg_agreement'
  | 'rob_recommendation'
  | 'parliamentary_pledge'
  | 'agenda_item';

/** Attributes per kind, with exactly the keys the API validates. */
export type CommitmentAttributes =
  | {
      kind: 'udo_trajectory';
      billOrPolicy: string;
      /** Organisation code of the lead ministry; the seed stores its id as leadMinistryId. */
      leadMinistry?: string;
      phase: 'exploration' | 'design' | 'decision' | 'implementation';
      outcome?: string;
    }
  | {
      kind: 'bofv_agreement';
      meetingDate: string;
      financialEffect?: { amountEuroPerYear: number; fromYear: number; toYear?: number };
    }
  | { kind: 'overhedenoverleg_agreement'; meetingDate: string }
  | {
      kind: 'rob_recommendation';
      adviceTitle: string;
      recommendationNumber: number;
      cabinetResponse: 'pending' | 'embraced' | 'partially_embraced' | 'rejected';
    }
  | {
      kind: 'parliamentary_pledge';
      chamber: 'tweede_kamer' | 'eerste_kamer';
      pledgeNumber: string;
      ministerTitle?: string;
    }
  | { kind: 'agenda_item' };

export interface SourceReference {
  document: string;
  /** Dossier and number as the schema writes them: 29362-296, 29362-M, 35300-VII-133. */
  kamerstuk?: string;
  date?: string;
  url?: string;
}

export interface CommitmentSeed {
  key: string;
  title: string;
  description: string;
  dateAgreed?: string;
  attributes: CommitmentAttributes;
  parties: readonly string[];
  references: readonly SourceReference[];
  /** Earlier commitments (by key, listed before this one) this one builds on. */
  lineage?: readonly { earlier: string; relation: 'repeats' | 'supplements' | 'amends' }[];
}

/** A progress update: what it set, and the owner's narrative (toelichting). */
export interface UpdateSeed {
  on: string;
  /** Demo user who wrote it; the action's owner user when absent. */
  by?: string;
  status?: ActionStatus;
  health?: ActionHealth;
  percent?: number;
  /** A moved deadline; needs a reason like the other moves of DESIGN §2. */
  deadline?: string;
  narrative: string;
  reason?: string;
}

export interface CommentSeed {
  on: string;
  by: string;
  body: string;
  position?: 'supports' | 'concerns' | 'objects';
}

export interface ActionSeed {
  key: string;
  /** Index of the line of work (ACTIEAGENDA.tracks). */
  track: 0 | 1 | 2 | 3;
  commitment?: string;
  /** Key of the parent action (listed before this one): a sub-action, one level deep. */
  parent?: string;
  title: string;
  description: string;
  owner: string;
  ownerUser?: string;
  partners?: Readonly<Record<string, PartnerRole>>;
  startDate?: string;
  /** The deadline as first agreed; updates may move it. */
  deadline: string;
  tags: readonly string[];
  /** Published as open data: for actions on record in public documents anyway. */
  public?: boolean;
  escalation?: EscalationLevel;
  /** Only for closed actions: a partner's confirmation or the coordinator's check. */
  verification?: Exclude<Verification, 'self_reported'>;
  /** Oldest first; the action's state is what they add up to, by the rules of DESIGN §2. */
  updates: readonly UpdateSeed[];
  comments?: readonly CommentSeed[];
}
