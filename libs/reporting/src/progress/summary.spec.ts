import {
  type ActionCountGroup,
  addRollupSums,
  emptyRollupSums,
  type RollupSums,
} from '@app/tracking';
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
    {
      id: 'c1',
      title: 'Zorg voor een werkbaar stelsel',
      kind: 'agenda_item' as const,
      document: null,
      kamerstuk: null,
    },
  ],
};

const CLOSED = ['met', 'partially_met', 'lapsed'];

/** The roll-up sums of `count` alike actions at `percent` (weight 1). */
function sumsOf(values: Partial<ActionCountGroup>, percent: number): RollupSums {
  const status = values.status ?? 'in_progress';
  const count = values.count ?? 1;
  const open = CLOSED.includes(status) ? 0 : count;
  const sums = emptyRollupSums();
  sums.total = count;
  sums.open = open;
  sums.overdue = values.overdue ?? 0;
  sums.weight = status === 'lapsed' ? 0 : count;
  sums.weighted = sums.weight * (status === 'met' ? 100 : percent);
  sums.openByHealth[values.health ?? 'on_track'] = open;
  return sums;
}

/** Actions alike (set `all`, their count 1 unless given), at `percent` complete. */
const group = (values: Partial<ActionCountGroup>, percent = 50): ActionCountGroup => ({
  set: 'all',
  escalationLevel: null,
  commitmentId: 'c1',
  rollup: sumsOf(values, percent),
  open: CLOSED.includes(values.status ?? 'in_progress') ? 0 : (values.count ?? 1),
  status: 'in_progress',
  health: 'on_track',
  verification: 'self_reported',
  trackId: 't1',
  commitmentKind: 'agenda_item',
  ownerOrganisationId: 'o1',
  overdue: 0,
  due30: 0,
  due90: 0,
  completed: 0,
  updated30: 0,
  count: 1,
  ...values,
});

describe('foldSummary', () => {
  it('counts every dimension of the groups', () => {
    const summary = foldSummary(
      [
        group({ count: 3, updated30: 3, due30: 3, due90: 3 }),
        group({
          health: 'at_risk',
          overdue: 1,
          trackId: 't2',
          ownerOrganisationId: 'o2',
          escalationLevel: 'official',
        }),
        group({
          status: 'met',
          health: 'not_set',
          completed: 1,
          verification: 'verified',
          commitmentKind: null,
        }),
        group({ status: 'lapsed', health: 'not_set', trackId: null }),
      ],
      references,
    );
    expect(summary).toMatchObject({
      total: 6,
      open: 4,
      closed: 2,
      overdue: 1,
      completedInPeriod: 1,
      deadlinesNext30Days: 3,
      deadlinesNext90Days: 3,
      openUpdatedLast30Days: { open: 4, updated: 3, share: 0.75 },
      byStatus: { not_started: 0, in_progress: 4, met: 1, partially_met: 0, lapsed: 1 },
      // Health counts the open actions only.
      byHealth: { not_set: 0, on_track: 3, at_risk: 1, off_track: 0 },
      byVerification: { self_reported: 5, partner_reviewed: 0, verified: 1 },
      // Escalation counts the open actions only.
      byEscalationLevel: { official: 1, administrative: 0, overhedenoverleg: 0, none: 3 },
      byStatusAndHealth: [
        { status: 'in_progress', health: 'on_track', count: 3 },
        { status: 'in_progress', health: 'at_risk', count: 1 },
        { status: 'met', health: 'not_set', count: 1 },
        { status: 'lapsed', health: 'not_set', count: 1 },
      ],
      byCommitmentKind: [
        { kind: 'agenda_item', count: 5 },
        { kind: null, count: 1 },
      ],
    });
    // Tracks in the programme's order, no track last; owners by code.
    expect(summary.byTrack.map((t) => [t.track?.name ?? null, t.total, t.open, t.overdue])).toEqual(
      [
        ['Eerste spoor', 4, 3, 0],
        ['Tweede spoor', 1, 1, 1],
        [null, 1, 0, 0],
      ],
    );
    expect(
      summary.byOwnerOrganisation.map((o) => [o.organisation.code, o.count, o.overdue]),
    ).toEqual([
      ['BZK', 1, 1],
      ['VNG', 5, 0],
    ]);
    // Roll-ups per track and per commitment: 3 × 50 and met (100) in the first track; the
    // lapsed action, without a track, counts in no percentage.
    expect(summary.byTrack.map((t) => [t.rollup.percentComplete, t.rollup.health])).toEqual([
      [62.5, 'on_track'],
      [50, 'at_risk'],
      [null, null],
    ]);
    expect(summary.byCommitment).toEqual([
      {
        commitment: { id: 'c1', title: 'Zorg voor een werkbaar stelsel', kind: 'agenda_item' },
        rollup: expect.objectContaining({ total: 6, open: 4, percentComplete: 60 }),
      },
    ]);
  });

  it('counts grouping sets (the summary query of now) like the actions one by one', () => {
    const actions = [
      group({ count: 2, updated30: 1, due90: 2 }),
      group({
        status: 'met',
        health: 'not_set',
        completed: 1,
        trackId: 't2',
        ownerOrganisationId: 'o2',
      }),
      group({
        health: 'at_risk',
        overdue: 1,
        verification: 'partner_reviewed',
        commitmentKind: null,
        commitmentId: null,
        escalationLevel: 'administrative',
      }),
    ];
    const sumWhere = (where: (action: ActionCountGroup) => boolean) =>
      actions.filter(where).reduce((sums, a) => addRollupSums(sums, a.rollup), emptyRollupSums());
    // What GROUP BY GROUPING SETS answers for them.
    const none = {
      status: null,
      health: null,
      verification: null,
      trackId: null,
      commitmentKind: null,
      ownerOrganisationId: null,
      escalationLevel: null,
      commitmentId: null,
      rollup: emptyRollupSums(),
    };
    const zero = { open: 0, overdue: 0, due30: 0, due90: 0, completed: 0, updated30: 0 };
    const sets: ActionCountGroup[] = [
      {
        ...none,
        ...zero,
        set: 'statusHealth',
        status: 'in_progress',
        health: 'on_track',
        count: 2,
      },
      { ...none, ...zero, set: 'statusHealth', status: 'in_progress', health: 'at_risk', count: 1 },
      { ...none, ...zero, set: 'statusHealth', status: 'met', health: 'not_set', count: 1 },
      { ...none, ...zero, set: 'verification', verification: 'self_reported', count: 3 },
      { ...none, ...zero, set: 'verification', verification: 'partner_reviewed', count: 1 },
      {
        ...none,
        ...zero,
        set: 'trackStatus',
        trackId: 't1',
        status: 'in_progress',
        count: 3,
        open: 3,
        overdue: 1,
        rollup: sumWhere((a) => a.trackId === 't1'),
      },
      {
        ...none,
        ...zero,
        set: 'trackStatus',
        trackId: 't2',
        status: 'met',
        count: 1,
        rollup: sumWhere((a) => a.trackId === 't2'),
      },
      {
        ...none,
        ...zero,
        set: 'commitment',
        commitmentId: 'c1',
        count: 3,
        rollup: sumWhere((a) => a.commitmentId === 'c1'),
      },
      {
        ...none,
        ...zero,
        set: 'commitment',
        count: 1,
        rollup: sumWhere((a) => a.commitmentId === null),
      },
      { ...none, ...zero, set: 'kind', commitmentKind: 'agenda_item', count: 3 },
      { ...none, ...zero, set: 'kind', count: 1 },
      {
        ...none,
        ...zero,
        set: 'ownerStatus',
        ownerOrganisationId: 'o1',
        status: 'in_progress',
        count: 3,
        overdue: 1,
      },
      { ...none, ...zero, set: 'ownerStatus', ownerOrganisationId: 'o2', status: 'met', count: 1 },
      { ...none, ...zero, set: 'escalation', count: 3, open: 2 },
      { ...none, ...zero, set: 'escalation', escalationLevel: 'administrative', count: 1, open: 1 },
      {
        ...none,
        set: 'total',
        open: 3,
        count: 4,
        overdue: 1,
        due30: 0,
        due90: 2,
        completed: 1,
        updated30: 1,
      },
    ];
    expect(foldSummary(sets, references)).toEqual(foldSummary(actions, references));
  });

  it('has no share without open actions', () => {
    expect(foldSummary([], references).openUpdatedLast30Days).toEqual({
      open: 0,
      updated: 0,
      share: null,
    });
  });
});
