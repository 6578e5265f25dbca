import {
  ACTION_HEALTHS,
  ACTION_STATUSES,
  type ActionCountGroup,
  emptyRollupSums,
  type ReportCommitmentName,
  VERIFICATIONS,
} from '@app/tracking';
import { BucketCounts } from './bucket-counts';
import { bucketGroups, pick, random } from './count-groups-fixture';
import type { ReportSummary } from './progress-report.model';
import { foldSummary } from './summary';
import { summaryNamesOf } from './summary-names';
import { figureGroups, refoldSummary } from './summary-refold';

const BUCKETS = [0, 1, 2, 3, 4, 5];

/** One action, its bucket that of its commitment (as `actions.report_bucket`), or its own. */
interface Action {
  bucket: number;
  group: ActionCountGroup;
}

/** Commitments c<bucket>-<n>: each in its bucket, titles that sort across buckets. */
const commitmentsOf = (titles: Record<string, string>): ReportCommitmentName[] =>
  BUCKETS.flatMap((bucket) =>
    [0, 1, 2].map((n) => {
      const id = `c${bucket}-${n}`;
      return {
        id,
        title: titles[id] ?? `Afspraak ${(bucket * 7 + n * 5) % 11}`,
        kind: 'agenda_item' as const,
        bucket,
      };
    }),
  );

function action(next: () => number, bucket: number, commitments: ReportCommitmentName[]): Action {
  const status = pick(next, ACTION_STATUSES);
  const open = status === 'not_started' || status === 'in_progress';
  const health = pick(next, ACTION_HEALTHS);
  const commitment =
    next() < 0.3
      ? null
      : pick(
          next,
          commitments.filter((c) => c.bucket === bucket),
        );
  const rollup = emptyRollupSums();
  rollup.total = 1;
  rollup.open = open ? 1 : 0;
  rollup.weight = status === 'lapsed' ? 0 : Math.ceil(next() * 5);
  rollup.weighted = rollup.weight * (status === 'met' ? 100 : Math.round(next() * 100));
  if (open) rollup.openByHealth[health] = 1;
  return {
    bucket,
    group: {
      set: 'all',
      status,
      health,
      verification: pick(next, VERIFICATIONS),
      trackId: pick(next, [null, 't1']),
      commitmentId: commitment?.id ?? null,
      commitmentKind: commitment?.kind ?? null,
      ownerOrganisationId: pick(next, ['o1', 'o2']),
      escalationLevel: null,
      count: 1,
      open: open ? 1 : 0,
      overdue: open && next() < 0.3 ? 1 : 0,
      due30: 0,
      due90: 0,
      completed: 0,
      updated30: 0,
      rollup,
    },
  };
}

const names = (commitments: ReportCommitmentName[]) =>
  summaryNamesOf({
    tracks: [{ id: 't1', name: 'Eerste spoor' }],
    organisations: [
      { id: 'o1', code: 'VNG', name: 'Vereniging van Nederlandse Gemeenten' },
      { id: 'o2', code: 'BZK', name: 'Binnenlandse Zaken' },
    ],
    commitments,
  });

const refold = (
  previous: ReportSummary,
  counts: BucketCounts,
  commitments: ReportCommitmentName[],
) => refoldSummary(previous, counts, figureGroups(counts), names(commitments));

describe('refoldSummary', () => {
  it('answers what a whole fold does, change after change', () => {
    const next = random(11);
    const titles: Record<string, string> = {};
    let commitments = commitmentsOf(titles);
    let actions = Array.from({ length: 200 }, () => action(next, pick(next, BUCKETS), commitments));
    let counts = BucketCounts.of(bucketGroups(actions));
    let summary = foldSummary(counts.groups(), names(commitments));
    for (let step = 0; step < 60; step++) {
      const touched = [...new Set([pick(next, BUCKETS), pick(next, BUCKETS)])];
      // At times a commitment of a touched bucket is renamed (that logs its bucket).
      if (next() < 0.3) {
        const renamed = pick(
          next,
          commitments.filter((c) => touched.includes(c.bucket)),
        );
        titles[renamed.id] = `Herzien ${step}`;
        commitments = commitmentsOf(titles);
      }
      // Some of the touched buckets' actions stay (changed or not), some go, some come.
      const stay = actions
        .filter((a) => touched.includes(a.bucket) && next() < 0.7)
        .map((a) => (next() < 0.3 ? action(next, a.bucket, commitments) : a));
      const come = Array.from({ length: Math.floor(next() * 8) }, () =>
        action(next, pick(next, touched), commitments),
      );
      actions = [...actions.filter((a) => !touched.includes(a.bucket)), ...stay, ...come];
      counts = counts.recount(
        touched,
        bucketGroups(actions.filter((a) => touched.includes(a.bucket))),
      );
      summary = refold(summary, counts, commitments);
      expect(summary).toEqual(foldSummary(counts.groups(), names(commitments)));
      expect(summary).toEqual(foldSummary(bucketGroups(actions), names(commitments)));
    }
  });

  it('folds whole counts of single actions (set all), which count towards the roll-ups too', () => {
    const next = random(13);
    const commitments = commitmentsOf({});
    const actions = Array.from({ length: 80 }, () => action(next, pick(next, [0, 1]), commitments));
    const singles = (of: Action[]) => of.map(({ bucket, group }) => ({ ...group, bucket }));
    const counts = BucketCounts.of(singles(actions));
    const changed = [...actions.filter((a) => a.bucket !== 1), action(next, 1, commitments)];
    const recounted = counts.recount([1], singles(changed.filter((a) => a.bucket === 1)));
    expect(
      refold(foldSummary(counts.groups(), names(commitments)), recounted, commitments),
    ).toEqual(foldSummary(singles(changed), names(commitments)));
  });

  it('keeps the roll-ups of the commitments outside the recounted buckets as they were', () => {
    const next = random(12);
    const commitments = commitmentsOf({});
    const actions = Array.from({ length: 150 }, () =>
      action(next, pick(next, BUCKETS), commitments),
    );
    const counts = BucketCounts.of(bucketGroups(actions));
    const before = foldSummary(counts.groups(), names(commitments));
    const changed = [...actions.filter((a) => a.bucket !== 2), action(next, 2, commitments)];
    const after = refold(
      before,
      counts.recount([2], bucketGroups(changed.filter((a) => a.bucket === 2))),
      commitments,
    );
    const elsewhere = (rollups: typeof before.byCommitment) =>
      rollups.filter((r) => r.commitment && !r.commitment.id.startsWith('c2-'));
    // The very same objects: not made again.
    elsewhere(after.byCommitment).forEach((rollup, i) =>
      expect(rollup).toBe(elsewhere(before.byCommitment)[i]),
    );
  });
});
