import type { RecordedChange } from '@app/audit';
import { type ActionReportRow, isClosed } from '@app/tracking';
import type { ReportAction } from './progress-report.model';
import type { ReportMoment } from './report-moment';
import type { ReportNames } from './report-names';
import { differences, rewind, stateOf, type RewoundState } from './rewind';

/** The audit log's recorded changes of actions, by action id. */
export function changesByAction(changes: readonly RecordedChange[]): Map<string, RecordedChange[]> {
  const map = new Map<string, RecordedChange[]>();
  for (const change of changes) {
    const list = map.get(change.entityId);
    if (list) list.push(change);
    else map.set(change.entityId, [change]);
  }
  return map;
}

function statesOf(
  row: ActionReportRow,
  changes: readonly RecordedChange[],
  at: ReportMoment,
): { state: RewoundState; earlier: RewoundState | null } {
  const { asOf, since } = at.params;
  const state = rewind(
    stateOf(row),
    changes.filter((c) => c.occurredAt > asOf),
  );
  const earlier = since
    ? rewind(
        state,
        changes.filter((c) => c.occurredAt > since && c.occurredAt <= asOf),
      )
    : null;
  return { state, earlier };
}

/** The owner the action had at the moment, if another than now: whose name to read. */
export function rewoundOwner(
  row: ActionReportRow,
  changes: readonly RecordedChange[],
  at: ReportMoment,
): string[] {
  const owner = statesOf(row, changes, at).state.ownerUserId;
  return owner && owner !== row.ownerUserId ? [owner] : [];
}

/** An action as a report lists it: its row rewound through `changes` to the report's moment. */
export function mapReportAction(
  row: ActionReportRow,
  changes: readonly RecordedChange[],
  at: ReportMoment,
  names: ReportNames,
): ReportAction {
  const { state, earlier } = statesOf(row, changes, at);
  const closed = isClosed(state.status);
  // When it was closed: the timeline entry that closed it (a report of now and one of the past
  // then read the same moment); an action closed without one, the column.
  const closedAt = !closed
    ? null
    : (row.lastClosingAt ?? (state.status === row.status ? row.closedAt : null));
  const commitment = state.commitmentId ? names.commitment(state.commitmentId) : null;
  const positions = new Map(row.positions.map((p) => [p.organisationId, p]));
  return {
    id: row.id,
    title: state.title,
    track: state.trackId ? names.track(state.trackId) : null,
    commitment,
    ownerOrganisation: names.organisation(state.ownerOrganisationId),
    ownerUser: state.ownerUserId
      ? {
          id: state.ownerUserId,
          name:
            state.ownerUserId === row.ownerUserId
              ? (row.ownerUserName ?? '')
              : names.user(state.ownerUserId),
        }
      : null,
    partners: state.partners.map((entry) => {
      const [organisationId, role] = entry.split(':');
      const position = positions.get(organisationId);
      return {
        organisation: names.organisation(organisationId),
        role: role as ReportAction['partners'][number]['role'],
        position: position?.position ?? null,
        positionStatedAt: position?.statedAt ?? null,
      };
    }),
    deadline: state.deadline,
    status: state.status,
    health: state.health,
    verification: state.verification,
    percentComplete: state.percentComplete,
    rollupWeight: state.rollupWeight,
    overdue: !closed && state.deadline < at.reportDate,
    escalationLevel: state.escalationLevel,
    closedAt,
    latestNarrative:
      row.latestNarrative !== null && row.latestNarrativeAt
        ? { text: row.latestNarrative, at: row.latestNarrativeAt }
        : null,
    lastUpdateAt: row.lastUpdateAt,
    changesSince: earlier === null ? null : changesSince(row, earlier, state, at.params.since!),
  };
}

/** What changed about an action since `since`: created after it, or these fields. */
function changesSince(
  row: ActionReportRow,
  earlier: RewoundState,
  state: RewoundState,
  since: Date,
): ReportAction['changesSince'] {
  const created = new Date(row.createdAt) > since;
  return {
    created,
    fields: created ? [] : differences(earlier, state),
    progressUpdates: row.progressUpdatesSince,
  };
}
