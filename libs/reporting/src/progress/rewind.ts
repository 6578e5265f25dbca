import type { RecordedChange } from '@app/audit';
import type { ActionReportRow } from '@app/tracking';

/** The fields of an action a report shows that the audit log records, with their values. */
export interface RewoundState {
  trackId: string | null;
  commitmentId: string | null;
  title: string;
  ownerOrganisationId: string;
  ownerUserId: string | null;
  deadline: string;
  status: ActionReportRow['status'];
  health: ActionReportRow['health'];
  verification: ActionReportRow['verification'];
  percentComplete: number;
  rollupWeight: number | null;
  escalationLevel: ActionReportRow['escalationLevel'];
  /** As the audit log records them: `organisationId:role`, sorted. */
  partners: string[];
}

export const REWOUND_FIELDS: readonly (keyof RewoundState)[] = [
  'trackId',
  'commitmentId',
  'title',
  'ownerOrganisationId',
  'ownerUserId',
  'deadline',
  'status',
  'health',
  'verification',
  'percentComplete',
  'rollupWeight',
  'escalationLevel',
  'partners',
];

/** The fields "changed since" lists: what a report shows per action (not the weight). */
const SHOWN_FIELDS = REWOUND_FIELDS.filter((field) => field !== 'rollupWeight');

export function stateOf(row: ActionReportRow): RewoundState {
  return {
    trackId: row.trackId,
    commitmentId: row.commitmentId,
    title: row.title,
    ownerOrganisationId: row.ownerOrganisationId,
    ownerUserId: row.ownerUserId,
    deadline: row.deadline,
    status: row.status,
    health: row.health,
    verification: row.verification,
    percentComplete: row.percentComplete,
    rollupWeight: row.rollupWeight,
    escalationLevel: row.escalationLevel,
    partners: row.partners.map((p) => `${p.organisationId}:${p.role}`).sort(),
  };
}

/**
 * The state an action had before `changes` (newest first, all after the moment wanted): each
 * recorded change puts back the value a field had before it. Fields the log does not record
 * for a change stay as they are.
 */
export function rewind(state: RewoundState, changes: readonly RecordedChange[]): RewoundState {
  if (changes.length === 0) return state;
  const earlier: Record<string, unknown> = { ...state, partners: [...state.partners] };
  for (const change of changes) {
    for (const [field, values] of Object.entries(change.changes ?? {})) {
      if (!(REWOUND_FIELDS as readonly string[]).includes(field)) continue;
      if (values && typeof values === 'object' && 'old' in values) earlier[field] = values.old;
    }
  }
  return earlier as unknown as RewoundState;
}

/** The fields whose values differ between two states, as `{ field, from, to }`. */
export function differences(
  from: RewoundState,
  to: RewoundState,
): { field: keyof RewoundState; from: unknown; to: unknown }[] {
  return SHOWN_FIELDS.filter(
    (field) => JSON.stringify(from[field]) !== JSON.stringify(to[field]),
  ).map((field) => ({ field, from: from[field], to: to[field] }));
}
