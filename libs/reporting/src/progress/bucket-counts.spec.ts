import {
  ACTION_HEALTHS,
  ACTION_STATUSES,
  ESCALATION_LEVELS,
  type ActionCountGroup,
  type BucketCountGroup,
  type CountSet,
  emptyRollupSums,
  VERIFICATIONS,
} from '@app/tracking';
import { BucketCounts } from './bucket-counts';
import { pick, random } from './count-groups-fixture';
import { foldSummary } from './summary';

const references = {
  tracks: [
    { id: 't1', name: 'Eerste spoor', position: 0 },
    { id: 't2', name: 'Tweede spoor', position: 1 },
  ],
  organisations: [
    { id: 'o1', code: 'VNG', name: 'Vereniging van Nederlandse Gemeenten' },
    { id: 'o2', code: 'BZK', name: 'Binnenlandse Zaken' },
  ],
  commitments: [
    { id: 'c1', title: 'Eerste', kind: 'agenda_item' as const, document: null, kamerstuk: null },
    {
      id: 'c2',
      title: 'Tweede',
      kind: 'parliamentary_pledge' as const,
      document: null,
      kamerstuk: null,
    },
  ],
};

/** One action as a group of its own (set `all`), in a bucket. */
function action(next: () => number, bucket: number): BucketCountGroup {
  const status = pick(next, ACTION_STATUSES);
  const open = status === 'not_started' || status === 'in_progress';
  const health = pick(next, ACTION_HEALTHS);
  const overdue = open && next() < 0.3 ? 1 : 0;
  const commitment = pick(next, [null, 'c1', 'c2']);
  const weight = Math.ceil(next() * 5);
  const rollup = emptyRollupSums();
  rollup.total = 1;
  rollup.open = open ? 1 : 0;
  rollup.overdue = overdue;
  rollup.weight = status === 'lapsed' ? 0 : weight;
  rollup.weighted = rollup.weight * (status === 'met' ? 100 : Math.round(next() * 100));
  if (open) rollup.openByHealth[health] = 1;
  return {
    bucket,
    set: 'all',
    status,
    health,
    verification: pick(next, VERIFICATIONS),
    trackId: pick(next, [null, 't1', 't2']),
    commitmentId: commitment,
    commitmentKind:
      commitment === null ? null : commitment === 'c1' ? 'agenda_item' : 'parliamentary_pledge',
    ownerOrganisationId: pick(next, ['o1', 'o2']),
    escalationLevel: open ? pick(next, [null, ...ESCALATION_LEVELS]) : null,
    count: 1,
    open: open ? 1 : 0,
    overdue,
    due30: open && next() < 0.2 ? 1 : 0,
    due90: open && next() < 0.4 ? 1 : 0,
    completed: !open && status !== 'lapsed' && next() < 0.5 ? 1 : 0,
    updated30: open && next() < 0.5 ? 1 : 0,
    rollup,
  };
}

const actions = (seed: number, n: number, buckets: readonly number[]) => {
  const next = random(seed);
  return Array.from({ length: n }, () => action(next, pick(next, buckets)));
};

const fold = (groups: Iterable<ActionCountGroup>) => foldSummary(groups, references);

/** How many different groups (their dimensions) `groups` has. */
const dimensions = (groups: readonly ActionCountGroup[]) =>
  new Set(
    groups.map((g) =>
      JSON.stringify([
        g.set,
        g.status,
        g.health,
        g.verification,
        g.trackId,
        g.commitmentId,
        g.ownerOrganisationId,
        g.escalationLevel,
      ]),
    ),
  ).size;

describe('BucketCounts', () => {
  it('adds the buckets up to the summary of all their groups', () => {
    const all = actions(1, 400, [0, 1, 2, 3, 4, 5, 6, 7]);
    expect(fold(BucketCounts.of(all).groups())).toEqual(fold(all));
  });

  it('adds grouping sets of several buckets up like one count (the SQL groups)', () => {
    // The same dimensions in two buckets are one group of the summed figures.
    const sets: CountSet[] = ['statusHealth', 'trackStatus', 'commitment', 'total'];
    const grouped = actions(2, 200, [3, 9]).map((g, i) => ({ ...g, set: sets[i % sets.length] }));
    const counts = BucketCounts.of(grouped);
    expect(counts.groups().length).toBeLessThan(grouped.length);
    expect(fold(counts.groups())).toEqual(fold(grouped));
  });

  it('recounts the buckets a change touched and keeps the others', () => {
    const before = actions(3, 300, [0, 1, 2, 3]);
    const kept = BucketCounts.of(before);
    // Bucket 1 changed, bucket 2 lost every action, bucket 5 is new.
    const recounted = actions(4, 80, [1, 5]);
    const after = [...before.filter((g) => g.bucket === 0 || g.bucket === 3), ...recounted];
    const counts = kept.recount([1, 2, 5], recounted);
    expect(fold(counts.groups())).toEqual(fold(after));
    // The buckets' rows, and a row of totals per group numbered (before's and recounted's).
    expect(counts.rows).toBe(after.length + dimensions([...before, ...recounted]));
    // The kept counts are as they were.
    expect(fold(kept.groups())).toEqual(fold(before));
  });

  it('answers the same from one kept count recounted twice at once, whatever it learned since', () => {
    const before = actions(5, 200, [0, 1, 2]);
    const kept = BucketCounts.of(before);
    const first = actions(6, 50, [1]);
    const second = actions(7, 50, [2]);
    // Both add groups to the dimensions the counts share; each must still read its own.
    const one = kept.recount([1], first);
    const two = kept.recount([2], second);
    expect(fold(one.groups())).toEqual(fold([...before.filter((g) => g.bucket !== 1), ...first]));
    expect(fold(two.groups())).toEqual(fold([...before.filter((g) => g.bucket !== 2), ...second]));
    expect(fold(kept.groups())).toEqual(fold(before));
  });

  it('keeps its running totals exact over a long chain of recounts', () => {
    const buckets = [0, 1, 2, 3, 4, 5];
    let current = actions(9, 300, buckets);
    let counts = BucketCounts.of(current);
    const next = random(10);
    for (let step = 0; step < 40; step++) {
      // One or two buckets again, at times emptied, at times with groups never seen before.
      const touched = [...new Set([pick(next, buckets), pick(next, buckets)])];
      const recounted = next() < 0.2 ? [] : actions(100 + step, Math.floor(next() * 60), touched);
      current = [...current.filter((g) => !touched.includes(g.bucket)), ...recounted];
      counts = counts.recount(touched, recounted);
      expect(fold(counts.groups())).toEqual(fold(current));
    }
  });

  it('recounts nothing into the same figures (a change that moved no count)', () => {
    const before = actions(8, 100, [0, 1]);
    expect(fold(BucketCounts.of(before).recount([], []).groups())).toEqual(fold(before));
  });

  it('counts nothing as an empty summary', () => {
    expect(fold(BucketCounts.of([]).groups())).toEqual(fold([]));
  });
});
