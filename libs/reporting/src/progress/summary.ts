import {
  ACTION_HEALTHS,
  ACTION_STATUSES,
  type ActionCountGroup,
  COMMITMENT_KINDS,
  ESCALATION_FILTER_VALUES,
  addRollupSums,
  emptyRollupSums,
  isClosed,
  rollupOf,
  type RollupSums,
  sumsOfAction,
  VERIFICATIONS,
} from '@app/tracking';
import type {
  CommitmentRollup,
  ReportAction,
  ReportSummary,
  TrackCount,
} from './progress-report.model';
import { isSummaryNames, type NameLists, type SummaryNames, summaryNamesOf } from './summary-names';

const zeros = <K extends string>(keys: readonly K[]): Record<K, number> =>
  Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;

/** The dimensions of one action that a summary counts, as of the report's moment. */
export function groupOf(
  action: ReportAction,
  at: { today: string; in30: string; in90: string; periodFrom: Date; updatedFrom: Date },
): ActionCountGroup {
  const open = !isClosed(action.status);
  const flag = (value: boolean) => (value ? 1 : 0);
  return {
    set: 'all',
    status: action.status,
    health: action.health,
    verification: action.verification,
    trackId: action.track?.id ?? null,
    commitmentId: action.commitment?.id ?? null,
    commitmentKind: action.commitment?.kind ?? null,
    ownerOrganisationId: action.ownerOrganisation.id,
    escalationLevel: action.escalationLevel,
    count: 1,
    open: flag(open),
    overdue: flag(action.overdue),
    due30: flag(open && action.deadline >= at.today && action.deadline <= at.in30),
    due90: flag(open && action.deadline >= at.today && action.deadline <= at.in90),
    completed: flag(
      (action.status === 'met' || action.status === 'partially_met') &&
        action.closedAt !== null &&
        new Date(action.closedAt) > at.periodFrom,
    ),
    updated30: flag(
      open && action.lastUpdateAt !== null && new Date(action.lastUpdateAt) >= at.updatedFrom,
    ),
    rollup: sumsOfAction(action),
  };
}

/**
 * Folds counted groups into a summary. The groups come from SQL (a report of now) or from
 * reconstructed actions (a report of the past): one fold, so both count alike.
 */
export function foldSummary(
  groups: Iterable<ActionCountGroup>,
  names: SummaryNames | NameLists,
): ReportSummary {
  const references = isSummaryNames(names) ? names : summaryNamesOf(names);
  const summary: ReportSummary = {
    total: 0,
    open: 0,
    closed: 0,
    byStatus: zeros(ACTION_STATUSES),
    byHealth: zeros(ACTION_HEALTHS),
    byStatusAndHealth: [],
    byTrack: [],
    byCommitmentKind: [],
    byCommitment: [],
    byOwnerOrganisation: [],
    byVerification: zeros(VERIFICATIONS),
    byEscalationLevel: zeros(ESCALATION_FILTER_VALUES),
    overdue: 0,
    completedInPeriod: 0,
    deadlinesNext30Days: 0,
    deadlinesNext90Days: 0,
    openUpdatedLast30Days: { open: 0, updated: 0, share: null },
  };
  const cells = new Map<string, number>();
  const tracks = new Map<string | null, TrackCount>();
  const trackSums = new Map<string | null, RollupSums>();
  const commitmentSums = new Map<string | null, RollupSums>();
  const kinds = new Map<string | null, number>();
  const owners = new Map<string, { count: number; open: number; overdue: number }>();
  // A group counts towards the figures of its set; one action (`all`) towards every figure.
  const counts = (group: ActionCountGroup, ...sets: ActionCountGroup['set'][]) =>
    group.set === 'all' || sets.includes(group.set);
  for (const group of groups) {
    const n = group.count;
    if (counts(group, 'statusHealth') && group.status && group.health) {
      const open = !isClosed(group.status);
      summary.total += n;
      if (open) summary.open += n;
      else summary.closed += n;
      summary.byStatus[group.status] += n;
      if (open) summary.byHealth[group.health] += n;
      const cell = `${group.status}|${group.health}`;
      cells.set(cell, (cells.get(cell) ?? 0) + n);
    }
    if (counts(group, 'verification') && group.verification) {
      summary.byVerification[group.verification] += n;
    }
    if (counts(group, 'escalation')) {
      summary.byEscalationLevel[group.escalationLevel ?? 'none'] += group.open;
    }
    if (counts(group, 'total')) {
      summary.overdue += group.overdue;
      summary.completedInPeriod += group.completed;
      summary.deadlinesNext30Days += group.due30;
      summary.deadlinesNext90Days += group.due90;
      summary.openUpdatedLast30Days.updated += group.updated30;
    }
    if (counts(group, 'trackStatus') && group.status) {
      let track = tracks.get(group.trackId);
      if (!track) {
        const named = references.tracks.find((t) => t.id === group.trackId);
        track = {
          track: named ? { id: named.id, name: named.name } : null,
          total: 0,
          open: 0,
          overdue: 0,
          byStatus: zeros(ACTION_STATUSES),
          rollup: rollupOf(emptyRollupSums()),
        };
        tracks.set(group.trackId, track);
      }
      track.total += n;
      if (!isClosed(group.status)) track.open += n;
      track.overdue += group.overdue;
      track.byStatus[group.status] += n;
      trackSums.set(
        group.trackId,
        addRollupSums(trackSums.get(group.trackId) ?? emptyRollupSums(), group.rollup),
      );
    }
    if (counts(group, 'commitment')) {
      commitmentSums.set(
        group.commitmentId,
        addRollupSums(commitmentSums.get(group.commitmentId) ?? emptyRollupSums(), group.rollup),
      );
    }
    if (counts(group, 'kind')) {
      kinds.set(group.commitmentKind, (kinds.get(group.commitmentKind) ?? 0) + n);
    }
    if (counts(group, 'ownerStatus') && group.ownerOrganisationId && group.status) {
      const owner = owners.get(group.ownerOrganisationId) ?? { count: 0, open: 0, overdue: 0 };
      owner.count += n;
      if (!isClosed(group.status)) owner.open += n;
      owner.overdue += group.overdue;
      owners.set(group.ownerOrganisationId, owner);
    }
  }
  summary.openUpdatedLast30Days.open = summary.open;
  const share = summary.openUpdatedLast30Days;
  share.share = share.open === 0 ? null : Math.round((share.updated / share.open) * 1000) / 1000;
  for (const status of ACTION_STATUSES) {
    for (const health of ACTION_HEALTHS) {
      const count = cells.get(`${status}|${health}`);
      if (count) summary.byStatusAndHealth.push({ status, health, count });
    }
  }
  // Tracks in the programme's order, actions without a track last.
  const position = (id: string | null) => {
    const index = references.tracks.findIndex((t) => t.id === id);
    return index === -1 ? Number.MAX_SAFE_INTEGER : index;
  };
  summary.byTrack = [...tracks.entries()]
    .sort(([a], [b]) => position(a) - position(b))
    .map(([id, count]) => ({ ...count, rollup: rollupOf(trackSums.get(id)!) }));
  summary.byCommitment = [...commitmentSums.entries()]
    .map(([id, sums]) => commitmentRollup(id, sums, references))
    .sort(compareCommitmentRollups);
  summary.byCommitmentKind = [...COMMITMENT_KINDS, null]
    .filter((kind) => kinds.has(kind))
    .map((kind) => ({ kind, count: kinds.get(kind)! }));
  const organisation = (id: string) => {
    const named = references.organisations.get(id);
    return named
      ? { id: named.id, code: named.code, name: named.name }
      : { id, code: '?', name: '?' };
  };
  summary.byOwnerOrganisation = [...owners.entries()]
    .map(([id, counts]) => ({ organisation: organisation(id), ...counts }))
    .sort((a, b) => a.organisation.code.localeCompare(b.organisation.code));
  return summary;
}

/** The roll-up of a commitment's actions as a summary lists it (id null: those without one). */
export function commitmentRollup(
  id: string | null,
  sums: RollupSums,
  names: SummaryNames,
): CommitmentRollup {
  const named = id === null ? undefined : names.commitments.get(id);
  return {
    commitment: named ? { id: named.id, title: named.title, kind: named.kind } : null,
    rollup: rollupOf(sums),
  };
}

/** A summary's order of commitments: by title (ids for equal ones), those without last. */
export function compareCommitmentRollups(a: CommitmentRollup, b: CommitmentRollup): number {
  return (
    Number(a.commitment === null) - Number(b.commitment === null) ||
    (a.commitment?.title ?? '').localeCompare(b.commitment?.title ?? '', 'nl') ||
    (a.commitment?.id ?? '').localeCompare(b.commitment?.id ?? '')
  );
}
