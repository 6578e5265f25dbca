import {
  ACTION_HEALTHS,
  type ActionCountGroup,
  type BucketCountGroup,
  type RollupSums,
} from '@app/tracking';

/** What a group is counted by: every field of a group but its figures. */
export type GroupDimensions = Omit<
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

/** A group's figures added up over buckets: its counts, then its sums. */
const FIGURES = COUNTS + SUMS;

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
 * Every bucket's figures added up per group (FIGURES a group, by its number in the
 * dictionary), and how many buckets hold each group: a group is in the summary while that is
 * above 0. Whole numbers below 2^53 (counts, weights up to 1,000 times percentages, of at most
 * millions of actions) add and subtract exactly in a Float64Array, so totals kept up to date by
 * subtracting a bucket's old rows and adding its new ones equal the buckets added up afresh.
 */
interface Totals {
  figures: Float64Array;
  holders: Uint32Array;
}

/** Adds (`sign` 1) or takes away (-1) a bucket's rows to or from `totals`. */
function addBucket(totals: Totals, { numbers, counts, sums }: BucketGroups, sign: 1 | -1): void {
  const { figures, holders } = totals;
  for (let row = 0; row < numbers.length; row++) {
    const n = numbers[row];
    holders[n] += sign;
    const at = n * FIGURES;
    for (let f = 0; f < COUNTS; f++) figures[at + f] += sign * counts[row * COUNTS + f];
    for (let f = 0; f < SUMS; f++) figures[at + COUNTS + f] += sign * sums[row * SUMS + f];
  }
}

/** `totals` copied into arrays for `size` groups (the dictionary may have grown since). */
function copyTotals(totals: Totals, size: number): Totals {
  const figures = new Float64Array(size * FIGURES);
  figures.set(totals.figures);
  const holders = new Uint32Array(size);
  holders.set(totals.holders);
  return { figures, holders };
}

/**
 * The counted groups of a summary per bucket of actions, held compactly (typed arrays, the
 * dimensions once), with their running totals: the whole counted once, then only the buckets a
 * change touched counted again and put in place of theirs, the totals moved by the difference
 * (a recount costs what it touched, not the 64 buckets). Immutable: a recount answers new
 * counts.
 */
export class BucketCounts {
  private constructor(
    private readonly dictionary: GroupDictionary,
    private readonly buckets: ReadonlyMap<number, BucketGroups>,
    private readonly totals: Totals,
    /** The groups the recount that made these counts touched; null: counted whole. */
    private readonly touchedGroups: ReadonlySet<number> | null = null,
  ) {}

  /** The counts of every bucket (the groups of the buckets that have actions). */
  static of(groups: readonly BucketCountGroup[]): BucketCounts {
    const dictionary = new GroupDictionary();
    const buckets = BucketCounts.byBucket(dictionary, groups);
    const size = dictionary.dimensions.length;
    const totals = { figures: new Float64Array(size * FIGURES), holders: new Uint32Array(size) };
    for (const counted of buckets.values()) addBucket(totals, counted, 1);
    return new BucketCounts(dictionary, buckets, totals);
  }

  /** These counts with the `recounted` buckets' groups replaced by `groups` (none: empty). */
  recount(recounted: readonly number[], groups: readonly BucketCountGroup[]): BucketCounts {
    const fresh = BucketCounts.byBucket(this.dictionary, groups);
    // Read after numbering `groups`: every number these counts hold is below it. (Another
    // recount may number more meanwhile: its groups are not in these buckets.)
    const totals = copyTotals(this.totals, this.dictionary.dimensions.length);
    const buckets = new Map(this.buckets);
    const touched = new Set<number>();
    for (const bucket of new Set([...recounted, ...fresh.keys()])) {
      const old = buckets.get(bucket);
      if (old) {
        addBucket(totals, old, -1);
        for (const n of old.numbers) touched.add(n);
      }
      buckets.delete(bucket);
    }
    for (const [bucket, counted] of fresh) {
      buckets.set(bucket, counted);
      addBucket(totals, counted, 1);
      for (const n of counted.numbers) touched.add(n);
    }
    return new BucketCounts(this.dictionary, buckets, totals, touched);
  }

  /**
   * The groups of all buckets added up: what `countGroups` gives for the same actions; with
   * `keep`, only those whose dimensions it keeps.
   */
  groups(keep?: (dimensions: GroupDimensions) => boolean): ActionCountGroup[] {
    const { figures, holders } = this.totals;
    const groups: ActionCountGroup[] = [];
    for (let n = 0; n < holders.length; n++) {
      if (holders[n] === 0) continue;
      const dimensions = this.dictionary.dimensions[n];
      if (!keep || keep(dimensions)) groups.push(readGroup(dimensions, figures, n * FIGURES));
    }
    return groups;
  }

  /**
   * The groups that the recount which made these counts touched (that had or have rows in a
   * bucket counted again): their dimensions and their group now (null: none left), or null
   * for counts counted whole. The other groups are as in the counts recounted.
   */
  touched(
    keep?: (dimensions: GroupDimensions) => boolean,
  ): { dimensions: GroupDimensions; group: ActionCountGroup | null }[] | null {
    if (!this.touchedGroups) return null;
    const touched: { dimensions: GroupDimensions; group: ActionCountGroup | null }[] = [];
    for (const n of this.touchedGroups) {
      const dimensions = this.dictionary.dimensions[n];
      if (!keep || keep(dimensions)) touched.push({ dimensions, group: this.group(n) });
    }
    return touched;
  }

  /** Group `n` added up, if any bucket holds it. */
  private group(n: number): ActionCountGroup | null {
    if (this.totals.holders[n] === 0) return null;
    return readGroup(this.dictionary.dimensions[n], this.totals.figures, n * FIGURES);
  }

  /**
   * How many rows of figures these counts hold (what their memory grows with): the buckets'
   * group rows and a row of totals per group numbered.
   */
  get rows(): number {
    let rows = this.totals.holders.length;
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
