import type { EntityManager } from 'typeorm';
import {
  type BucketCountGroup,
  emptyRollupSums,
  type ReportCommitmentName,
  type ReportOrganisationName,
  type ReportTrackName,
} from '@app/tracking';
import { dropCountsBeyond, LiveSummaryCache, type SummaryCounting } from './live-summary.cache';
import { bucketGroups } from './count-groups-fixture';
import { foldSummary } from './summary';

/** The names as a snapshot of one version sees them. */
interface Names {
  tracks: ReportTrackName[];
  organisations: ReportOrganisationName[];
  commitments: ReportCommitmentName[];
}

const NAMES: Names = {
  tracks: [],
  organisations: [{ id: 'o1', code: 'BZK', name: 'Binnenlandse Zaken' }],
  commitments: [],
};

/**
 * The groups (grouping sets, as the SQL counts them) of `n` actions in progress in `bucket`,
 * `late` of them overdue.
 */
const actions = (
  bucket: number,
  n: number,
  late = 0,
  names: Partial<BucketCountGroup> = {},
): BucketCountGroup[] => {
  const rollup = emptyRollupSums();
  rollup.total = n;
  rollup.open = n;
  rollup.overdue = late;
  rollup.openByHealth.on_track = n;
  const group: BucketCountGroup = {
    bucket,
    set: 'all',
    status: 'in_progress',
    health: 'on_track',
    verification: 'self_reported',
    trackId: null,
    commitmentId: null,
    commitmentKind: null,
    ownerOrganisationId: 'o1',
    escalationLevel: null,
    count: n,
    open: n,
    overdue: late,
    due30: 0,
    due90: 0,
    completed: 0,
    updated30: 0,
    rollup,
    ...names,
  };
  return bucketGroups([{ bucket, group }]);
};

const commitment = (id: string, title: string, bucket: number): ReportCommitmentName => ({
  id,
  title,
  kind: 'parliamentary_pledge',
  bucket,
});

/** The actions of a commitment in its bucket, as the commitment roll-up's group counts them. */
const ofCommitment = (commitment: ReportCommitmentName, n: number): BucketCountGroup[] =>
  actions(commitment.bucket, n, 0, {
    commitmentId: commitment.id,
    commitmentKind: commitment.kind,
  });

/**
 * A programme's data by version (its buckets' groups) and the change log, as the snapshots of
 * those versions see them: a fake of the queries the cache makes and of the counting.
 */
class Data {
  readonly states = new Map<number, BucketCountGroup[]>();
  readonly names = new Map<number, Names>();
  readonly log: { version: number; bucket: number }[] = [];
  readonly counted: (readonly number[] | 'all')[] = [];
  /** The names read, in order: `tracks`, `organisations`, `commitments <buckets>`. */
  readonly read: string[] = [];

  constructor(initial: BucketCountGroup[][], names = NAMES) {
    this.states.set(1, initial.flat());
    this.names.set(1, names);
    this.log.push({ version: 1, bucket: -1 });
  }

  get latest(): number {
    return Math.max(...this.states.keys());
  }

  /** A new version: the groups of `buckets` replaced by `groups`. */
  change(buckets: number[], groups: BucketCountGroup[][]): number {
    const version = this.latest + 1;
    const before = this.states.get(this.latest)!;
    this.states.set(version, [
      ...before.filter((g) => !buckets.includes(g.bucket)),
      ...groups.flat(),
    ]);
    this.names.set(version, this.names.get(version - 1)!);
    for (const bucket of buckets) this.log.push({ version, bucket });
    return version;
  }

  /** A change of the names at the latest version (logged as the trigger would log it). */
  rename(names: Partial<Names>): void {
    this.names.set(this.latest, { ...this.names.get(this.latest)!, ...names });
  }

  /** A snapshot of `version`: its manager and its counting. */
  snapshot(version: number, gate?: Promise<void>): [EntityManager, SummaryCounting] {
    const manager = {
      query: (sql: string, params: unknown[]) => {
        if (sql.includes('FROM report_versions')) {
          return Promise.resolve([{ version: String(version) }]);
        }
        const [, from, to] = params.map(Number);
        const rows = this.log.filter((row) => row.version > from && row.version <= to);
        return Promise.resolve([
          {
            versions: new Set(rows.map((row) => row.version)).size,
            buckets: rows.length === 0 ? null : [...new Set(rows.map((row) => row.bucket))],
          },
        ]);
      },
    } as unknown as EntityManager;
    const counting: SummaryCounting = {
      count: async (buckets) => {
        this.counted.push(buckets);
        await gate;
        const groups = this.states.get(version)!;
        return buckets === 'all' ? groups : groups.filter((g) => buckets.includes(g.bucket));
      },
      names: {
        tracks: () => {
          this.read.push('tracks');
          return Promise.resolve(this.names.get(version)!.tracks);
        },
        organisations: () => {
          this.read.push('organisations');
          return Promise.resolve(this.names.get(version)!.organisations);
        },
        commitments: (buckets) => {
          this.read.push(`commitments ${String(buckets)}`);
          const all = this.names.get(version)!.commitments;
          return Promise.resolve(
            buckets === 'all' ? all : all.filter((c) => buckets.includes(c.bucket)),
          );
        },
      },
    };
    return [manager, counting];
  }

  /** The summary of `version` counted whole. */
  whole(version: number) {
    return foldSummary(this.states.get(version)!, this.names.get(version)!);
  }
}

const get = (cache: LiveSummaryCache, [manager, counting]: [EntityManager, SummaryCounting]) =>
  cache.get(manager, 'p1', 'key', counting);

describe('LiveSummaryCache', () => {
  it('counts whole once, then serves the kept summary while the version stays', async () => {
    const data = new Data([actions(0, 3), actions(1, 2)]);
    const cache = new LiveSummaryCache();
    expect(await get(cache, data.snapshot(1))).toEqual(data.whole(1));
    expect(await get(cache, data.snapshot(1))).toEqual(data.whole(1));
    expect(data.counted).toEqual(['all']);
  });

  it('counts again only the buckets the versions since the kept one changed', async () => {
    const data = new Data([actions(0, 3), actions(1, 2), actions(2, 5, 1)]);
    const cache = new LiveSummaryCache();
    await get(cache, data.snapshot(1));
    data.change([1], [actions(1, 4, 2)]);
    const v3 = data.change([2], []);
    expect(await get(cache, data.snapshot(v3))).toEqual(data.whole(v3));
    expect(data.counted).toEqual(['all', [1, 2]]);
  });

  it('counts whole when the log cannot tell: every bucket changed, or versions purged', async () => {
    const data = new Data([actions(0, 3), actions(1, 2)]);
    const cache = new LiveSummaryCache();
    await get(cache, data.snapshot(1));
    const v2 = data.change([-1], []);
    data.states.set(v2, [...actions(0, 1), ...actions(1, 1)]);
    expect(await get(cache, data.snapshot(v2))).toEqual(data.whole(v2));
    data.change([0], [actions(0, 7)]);
    const v4 = data.change([1], [actions(1, 9)]);
    data.log.splice(
      data.log.findIndex((row) => row.version === 3),
      1,
    );
    expect(await get(cache, data.snapshot(v4))).toEqual(data.whole(v4));
    expect(data.counted).toEqual(['all', 'all', 'all']);
  });

  it('answers each snapshot its own version when two count at once from one kept summary', async () => {
    const data = new Data([actions(0, 3), actions(1, 2), actions(2, 1)]);
    const cache = new LiveSummaryCache();
    await get(cache, data.snapshot(1));
    const v2 = data.change([0], [actions(0, 10)]);
    const v3 = data.change([2], [actions(2, 20)]);
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    // The older snapshot's count finishes last.
    const older = get(cache, data.snapshot(v2, gate));
    const newer = get(cache, data.snapshot(v3));
    expect(await newer).toEqual(data.whole(v3));
    open();
    expect(await older).toEqual(data.whole(v2));
    expect(data.counted).toEqual(['all', [0], [0, 2]]);
    // The newer one is kept: served without counting.
    expect(await get(cache, data.snapshot(v3))).toEqual(data.whole(v3));
    expect(data.counted).toHaveLength(3);
    // A snapshot older than the kept summary counts whole and leaves the kept one.
    expect(await get(cache, data.snapshot(v2))).toEqual(data.whole(v2));
    expect(data.counted.at(-1)).toBe('all');
    expect(await get(cache, data.snapshot(v3))).toEqual(data.whole(v3));
    expect(data.counted).toHaveLength(4);
  });

  it('shares one count among the requests that see the same version', async () => {
    const data = new Data([actions(0, 3)]);
    const cache = new LiveSummaryCache();
    const answers = await Promise.all([1, 2, 3].map(() => get(cache, data.snapshot(1))));
    expect(answers).toEqual([data.whole(1), data.whole(1), data.whole(1)]);
    expect(data.counted).toEqual(['all']);
  });

  it('reads the names once, then only the commitments of the buckets a change touched', async () => {
    const pledge = commitment('c1', 'Toezegging', 3);
    const agenda = commitment('c2', 'Actiepunt', 5);
    const data = new Data([ofCommitment(pledge, 2), ofCommitment(agenda, 1)], {
      ...NAMES,
      commitments: [pledge, agenda],
    });
    const cache = new LiveSummaryCache();
    await get(cache, data.snapshot(1));
    expect(data.read).toEqual(['tracks', 'organisations', 'commitments all']);
    const v2 = data.change([3], [ofCommitment(pledge, 4)]);
    expect(await get(cache, data.snapshot(v2))).toEqual(data.whole(v2));
    expect(data.read.slice(3)).toEqual(['commitments 3']);
    // Another key of the same programme builds on the same names.
    const [manager, counting] = data.snapshot(v2);
    await cache.get(manager, 'p1', 'other', counting);
    expect(data.read).toHaveLength(4);
  });

  it("shows a commitment's new title and kind after its bucket was logged", async () => {
    const pledge = commitment('c1', 'Toezegging', 3);
    const data = new Data([ofCommitment(pledge, 2)], { ...NAMES, commitments: [pledge] });
    const cache = new LiveSummaryCache();
    await get(cache, data.snapshot(1));
    const renamed = { ...pledge, title: 'Toezegging (gewijzigd)', kind: 'agenda_item' as const };
    const v2 = data.change([3], [ofCommitment(renamed, 2)]);
    data.rename({ commitments: [renamed] });
    const summary = await get(cache, data.snapshot(v2));
    expect(summary).toEqual(data.whole(v2));
    expect(summary.byCommitment[0].commitment).toEqual({
      id: 'c1',
      title: 'Toezegging (gewijzigd)',
      kind: 'agenda_item',
    });
  });

  it('reads every name again when every bucket changed (a track or an organisation renamed)', async () => {
    const data = new Data([actions(0, 3)]);
    const cache = new LiveSummaryCache();
    await get(cache, data.snapshot(1));
    const v2 = data.change([-1], []);
    data.states.set(v2, actions(0, 3, 0, { trackId: 't1' }));
    data.rename({ tracks: [{ id: 't1', name: 'Nieuw spoor', position: 0 }] });
    const summary = await get(cache, data.snapshot(v2));
    expect(summary.byTrack[0].track).toEqual({ id: 't1', name: 'Nieuw spoor' });
    expect(data.read.slice(3)).toEqual(['tracks', 'organisations', 'commitments all']);
  });

  it('reads the organisations again when an action names one added since', async () => {
    const data = new Data([actions(0, 3)]);
    const cache = new LiveSummaryCache();
    await get(cache, data.snapshot(1));
    const added = { id: 'o2', code: 'VNG', name: 'Vereniging van Nederlandse Gemeenten' };
    data.rename({ organisations: [...NAMES.organisations, added] });
    const v2 = data.change([4], [actions(4, 1, 0, { ownerOrganisationId: 'o2' })]);
    const summary = await get(cache, data.snapshot(v2));
    expect(summary).toEqual(data.whole(v2));
    expect(summary.byOwnerOrganisation.map((o) => o.organisation.code)).toEqual(['BZK', 'VNG']);
    expect(data.read.slice(3)).toEqual(['commitments 4', 'organisations']);
  });

  it('keeps the counts of the most recently used summaries that fit, and drops the older ones', () => {
    const entries: { counts: { rows: number } | null }[] = [30, 50, 40, 10].map((rows) => ({
      counts: { rows },
    }));
    dropCountsBeyond(entries, 100);
    // 30 + 50 fit; 40 does not, and the older ones go with it.
    expect(entries.map((entry) => entry.counts?.rows ?? null)).toEqual([30, 50, null, null]);
  });
});
