import {
  ACTION_HEALTHS,
  type ActionCountGroup,
  type BucketCountGroup,
  type RollupSums,
} from '@app/tracking';

/** What a group is counted by: every field of a group but its figures. */
type GroupDimensions = Omit<
  ActionCountGroup,
  'count' | 'open' | 'overdue' | 'due30' | 'due90' | 'completed' | 'updated30' | 'rollup'
>;

/**
 * A group's figures: its counts (whole numbers) in a row of a Uint32Array, in this order, and
 * the two sums of weights (which can pass 2³²) in a row of a Float64Array.
 */
const COUNTS = 10 + ACTION_HEALTHS.length;
const SUMS = 2;

function writeFigures(
  counts: Uint32Array,
  sums: Float64Array,
  row: number,
  group: ActionCountGroup,
): void {
  const { rollup } = group;
  const at = row * COUNTS;
  counts[at] = group.count;
  counts[at + 1] = group.open;
  counts[at + 2] = group.overdue;
  counts[at + 3] = group.due30;
  counts[at + 4] = group.due90;
  counts[at + 5] = group.completed;
  counts[at + 6] = group.updated30;
  counts[at + 7] = rollup.total;
  counts[at + 8] = rollup.open;
  counts[at + 9] = rollup.overdue;
  ACTION_HEALTHS.forEach((health, i) => (counts[at + 10 + i] = rollup.openByHealth[health]));
  sums[row * SUMS] = rollup.weight;
  sums[row * SUMS + 1] = rollup.weighted;
}

/** A group from its row of added-up figures: the counts, then the sums. */
function readGroup(dimensions: GroupDimensions, from: Float64Array, at: number): ActionCountGroup {
  return {
    ...dimensions,
    count: from[at],
    open: from[at + 1],
    overdue: from[at + 2],
    due30: from[at + 3],
    due90: from[at + 4],
    completed: from[at + 5],
    updated30: from[at + 6],
    rollup: {
      total: from[at + 7],
      open: from[at + 8],
      overdue: from[at + 9],
      weight: from[at + COUNTS],
      weighted: from[at + COUNTS + 1],
      openByHealth: Object.fromEntries(
        ACTION_HEALTHS.map((health, i) => [health, from[at + 10 + i]]),
      ) as RollupSums['openByHealth'],
    },
  };
}

/**
 * The groups' dimensions, numbered once: a bucket's groups are then numbers only. Shared by
 * the counts that grew from one another and only ever appended to, so a number keeps its
 * meaning in every one of them (JavaScript runs one lookup-or-append at a time).
 */
class GroupDictionary {
  private readonly numbers = new Map<string, number>();
  readonly dimensions: GroupDimensions[] = [];

  numberOf(group: ActionCountGroup): number {
    const key = [
      group.set,
      group.status,
      group.health,
      group.verification,
      group.trackId,
      group.commitmentId,
      group.commitmentKind,
      group.ownerOrganisationId,
      group.escalationLevel,
    ].join('|');
    let n = this.numbers.get(key);
    if (n === undefined) {
      n = this.dimensions.length;
      this.numbers.set(key, n);
      this.dimensions.push({
        set: group.set,
        status: group.status,
        health: group.health,
        verification: group.verification,
        trackId: group.trackId,
        commitmentId: group.commitmentId,
        commitmentKind: group.commitmentKind,
        ownerOrganisationId: group.ownerOrganisationId,
        escalationLevel: group.escalationLevel,
      });
    }
    return n;
  }
}

/** One bucket's groups: their numbers in the dictionary and their figures, row by row. */
interface BucketGroups {
  numbers: Uint32Array;
  counts: Uint32Array;
  sums: Float64Array;
}

/**
 * The counted groups of a summary per bucket of actions, held compactly (typed arrays, the
 * dimensions once): the whole counted once, then only the buckets a change touched counted
 * again and put in place of theirs. Immutable: a recount answers new counts.
 */
export class BucketCounts {
  private constructor(
    private readonly dictionary: GroupDictionary,
    private readonly buckets: ReadonlyMap<number, BucketGroups>,
  ) {}

  /** The counts of every bucket (the groups of the buckets that have actions). */
  static of(groups: readonly BucketCountGroup[]): BucketCounts {
    const dictionary = new GroupDictionary();
    return new BucketCounts(dictionary, BucketCounts.byBucket(dictionary, groups));
  }

  /** These counts with the `recounted` buckets' groups replaced by `groups` (none: empty). */
  recount(recounted: readonly number[], groups: readonly BucketCountGroup[]): BucketCounts {
    const buckets = new Map(this.buckets);
    for (const bucket of recounted) buckets.delete(bucket);
    for (const [bucket, counted] of BucketCounts.byBucket(this.dictionary, groups)) {
      buckets.set(bucket, counted);
    }
    return new BucketCounts(this.dictionary, buckets);
  }

  /** The groups of all buckets added up: what `countGroups` gives for the same actions. */
  groups(): ActionCountGroup[] {
    const size = this.dictionary.dimensions.length;
    const figures = COUNTS + SUMS;
    const totals = new Float64Array(size * figures);
    const present = new Uint8Array(size);
    for (const { numbers, counts, sums } of this.buckets.values()) {
      for (let row = 0; row < numbers.length; row++) {
        const n = numbers[row];
        present[n] = 1;
        const at = n * figures;
        for (let f = 0; f < COUNTS; f++) totals[at + f] += counts[row * COUNTS + f];
        for (let f = 0; f < SUMS; f++) totals[at + COUNTS + f] += sums[row * SUMS + f];
      }
    }
    const groups: ActionCountGroup[] = [];
    for (let n = 0; n < size; n++) {
      if (present[n]) groups.push(readGroup(this.dictionary.dimensions[n], totals, n * figures));
    }
    return groups;
  }

  /** How many group rows the buckets hold (what the memory of these counts grows with). */
  get rows(): number {
    let rows = 0;
    for (const { numbers } of this.buckets.values()) rows += numbers.length;
    return rows;
  }

  private static byBucket(
    dictionary: GroupDictionary,
    groups: readonly BucketCountGroup[],
  ): Map<number, BucketGroups> {
    const sizes = new Map<number, number>();
    for (const group of groups) sizes.set(group.bucket, (sizes.get(group.bucket) ?? 0) + 1);
    const buckets = new Map<number, BucketGroups>();
    for (const [bucket, size] of sizes) {
      buckets.set(bucket, {
        numbers: new Uint32Array(size),
        counts: new Uint32Array(size * COUNTS),
        sums: new Float64Array(size * SUMS),
      });
    }
    const filled = new Map<number, number>();
    for (const group of groups) {
      const row = filled.get(group.bucket) ?? 0;
      filled.set(group.bucket, row + 1);
      const target = buckets.get(group.bucket)!;
      target.numbers[row] = dictionary.numberOf(group);
      writeFigures(target.counts, target.sums, row, group);
    }
    return buckets;
  }
}
