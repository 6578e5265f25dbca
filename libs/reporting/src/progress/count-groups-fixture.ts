import {
  type ActionCountGroup,
  addRollupSums,
  type BucketCountGroup,
  type CountSet,
  emptyRollupSums,
} from '@app/tracking';

/**
 * Test data for the summary of a report of now: what `ActionReportReader.countBucketGroups`
 * answers for some actions, made from groups of alike actions (set `all`) the way its SQL
 * groups them (each bucket's grouping sets).
 */

/** The dimensions each grouping set of the summary's SQL groups by (the others are null). */
const SETS: Record<Exclude<CountSet, 'all'>, (keyof ActionCountGroup)[]> = {
  statusHealth: ['status', 'health'],
  verification: ['verification'],
  trackStatus: ['trackId', 'status'],
  kind: ['commitmentKind'],
  ownerStatus: ['ownerOrganisationId', 'status'],
  escalation: ['escalationLevel'],
  commitment: ['commitmentId'],
  total: [],
};

/** What `countBucketGroups` answers for these actions: each bucket's grouping sets. */
export function bucketGroups(
  actions: readonly { bucket: number; group: ActionCountGroup }[],
): BucketCountGroup[] {
  const groups = new Map<string, BucketCountGroup>();
  for (const { bucket, group } of actions) {
    for (const [set, keys] of Object.entries(SETS)) {
      const key = JSON.stringify([bucket, set, ...keys.map((k) => group[k])]);
      let into = groups.get(key);
      if (!into) {
        into = {
          bucket,
          set: set as CountSet,
          status: null,
          health: null,
          verification: null,
          trackId: null,
          commitmentId: null,
          commitmentKind: null,
          ownerOrganisationId: null,
          escalationLevel: null,
          count: 0,
          open: 0,
          overdue: 0,
          due30: 0,
          due90: 0,
          completed: 0,
          updated30: 0,
          rollup: emptyRollupSums(),
        };
        for (const k of keys) Object.assign(into, { [k]: group[k] });
        groups.set(key, into);
      }
      into.count += group.count;
      into.open += group.open;
      into.overdue += group.overdue;
      into.due30 += group.due30;
      into.due90 += group.due90;
      into.completed += group.completed;
      into.updated30 += group.updated30;
      addRollupSums(into.rollup, group.rollup);
    }
  }
  return [...groups.values()];
}

/** A small generator with a seed, so that a failure can be replayed. */
export function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

/** One of the values, as the generator falls. */
export const pick = <T>(next: () => number, values: readonly T[]): T =>
  values[Math.floor(next() * values.length)];
