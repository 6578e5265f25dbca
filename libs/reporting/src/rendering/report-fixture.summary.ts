import {
  ACTION_HEALTHS,
  ACTION_STATUSES,
  ESCALATION_FILTER_VALUES,
  addRollupSums,
  emptyRollupSums,
  rollupOf,
  type RollupSums,
  sumsOfAction,
  VERIFICATIONS,
  isClosed,
  type ActionHealth,
  type Verification,
} from '@app/tracking';
import type { ReportAction, ReportSummary } from '../progress/progress-report.model';

/*
 * The summary of the test reports (report-fixture.ts), counted straight from their actions
 * rather than by the report's own queries.
 */

const zeros = <K extends string>(keys: readonly K[]): Record<K, number> =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/** The summary of a list of actions, counted the simple way (test data only). */
export function summarise(actions: Iterable<ReportAction>, reportDate: string): ReportSummary {
  const s: ReportSummary = {
    total: 0,
    open: 0,
    closed: 0,
    byStatus: zeros(ACTION_STATUSES),
    byHealth: zeros<ActionHealth>(ACTION_HEALTHS),
    byStatusAndHealth: [],
    byTrack: [],
    byCommitmentKind: [],
    byCommitment: [],
    byOwnerOrganisation: [],
    byVerification: zeros<Verification>(VERIFICATIONS),
    byEscalationLevel: zeros(ESCALATION_FILTER_VALUES),
    overdue: 0,
    completedInPeriod: 0,
    deadlinesNext30Days: 0,
    deadlinesNext90Days: 0,
    openUpdatedLast30Days: { open: 0, updated: 0, share: null },
  };
  const trackSums = new Map<string | null, RollupSums>();
  const commitmentSums = new Map<string | null, RollupSums>();
  const commitmentNames = new Map<string | null, ReportAction['commitment']>();
  const in30 = new Date(Date.parse(reportDate) + 30 * 86_400_000).toISOString().slice(0, 10);
  const in90 = new Date(Date.parse(reportDate) + 90 * 86_400_000).toISOString().slice(0, 10);
  const ago30 = new Date(Date.parse(reportDate) - 30 * 86_400_000).toISOString().slice(0, 10);
  for (const a of actions) {
    const open = !isClosed(a.status);
    s.total++;
    s[open ? 'open' : 'closed']++;
    s.byStatus[a.status]++;
    if (open) s.byHealth[a.health]++;
    s.byVerification[a.verification]++;
    if (open) s.byEscalationLevel[a.escalationLevel ?? 'none']++;
    if (a.overdue) s.overdue++;
    if (a.status === 'met' || a.status === 'partially_met') s.completedInPeriod++;
    if (open && a.deadline >= reportDate && a.deadline <= in30) s.deadlinesNext30Days++;
    if (open && a.deadline >= reportDate && a.deadline <= in90) s.deadlinesNext90Days++;
    const cell = s.byStatusAndHealth.find((c) => c.status === a.status && c.health === a.health);
    if (cell) cell.count++;
    else s.byStatusAndHealth.push({ status: a.status, health: a.health, count: 1 });
    let track = s.byTrack.find((t) => t.track?.id === a.track?.id);
    if (!track) {
      track = {
        track: a.track,
        total: 0,
        open: 0,
        overdue: 0,
        byStatus: zeros(ACTION_STATUSES),
        rollup: rollupOf(emptyRollupSums()),
      };
      s.byTrack.push(track);
    }
    track.total++;
    if (open) track.open++;
    if (a.overdue) track.overdue++;
    track.byStatus[a.status]++;
    const trackKey = a.track?.id ?? null;
    trackSums.set(
      trackKey,
      addRollupSums(trackSums.get(trackKey) ?? emptyRollupSums(), sumsOfAction(a)),
    );
    const commitmentKey = a.commitment?.id ?? null;
    if (!commitmentSums.has(commitmentKey)) commitmentNames.set(commitmentKey, a.commitment);
    commitmentSums.set(
      commitmentKey,
      addRollupSums(commitmentSums.get(commitmentKey) ?? emptyRollupSums(), sumsOfAction(a)),
    );
    const kind = a.commitment?.kind ?? null;
    const byKind = s.byCommitmentKind.find((k) => k.kind === kind);
    if (byKind) byKind.count++;
    else s.byCommitmentKind.push({ kind, count: 1 });
    let owner = s.byOwnerOrganisation.find((o) => o.organisation.id === a.ownerOrganisation.id);
    if (!owner) {
      owner = { organisation: a.ownerOrganisation, count: 0, open: 0, overdue: 0 };
      s.byOwnerOrganisation.push(owner);
    }
    owner.count++;
    if (open) owner.open++;
    if (a.overdue) owner.overdue++;
    if (open) {
      s.openUpdatedLast30Days.open++;
      if (a.lastUpdateAt && a.lastUpdateAt.slice(0, 10) >= ago30) s.openUpdatedLast30Days.updated++;
    }
  }
  for (const track of s.byTrack) track.rollup = rollupOf(trackSums.get(track.track?.id ?? null)!);
  s.byCommitment = [...commitmentSums.entries()].map(([id, sums]) => {
    const c = commitmentNames.get(id);
    return {
      commitment: c ? { id: c.id, title: c.title, kind: c.kind } : null,
      rollup: rollupOf(sums),
    };
  });
  const { open, updated } = s.openUpdatedLast30Days;
  s.openUpdatedLast30Days.share = open === 0 ? null : updated / open;
  return s;
}
