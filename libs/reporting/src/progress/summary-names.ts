import type { ReportCommitmentName, ReportOrganisationName, ReportTrackName } from '@app/tracking';

/** The names a summary's fold looks its groups' ids up in. */
export interface SummaryNames {
  /** In the programme's order. */
  readonly tracks: readonly Pick<ReportTrackName, 'id' | 'name'>[];
  readonly organisations: ReadonlyMap<string, ReportOrganisationName>;
  readonly commitments: ReadonlyMap<string, Pick<ReportCommitmentName, 'id' | 'title' | 'kind'>>;
}

/** The names in lists, as a report's reference data holds them. */
export interface NameLists {
  readonly tracks: readonly Pick<ReportTrackName, 'id' | 'name'>[];
  readonly organisations: readonly ReportOrganisationName[];
  readonly commitments: readonly Pick<ReportCommitmentName, 'id' | 'title' | 'kind'>[];
}

/** The names of a report's reference data, by id. */
export function summaryNamesOf(references: NameLists): SummaryNames {
  return {
    tracks: references.tracks,
    organisations: new Map(references.organisations.map((o) => [o.id, o])),
    commitments: new Map(references.commitments.map((c) => [c.id, c])),
  };
}

/** Whether `names` are by id already (else a report's reference data, in lists). */
export function isSummaryNames(names: SummaryNames | NameLists): names is SummaryNames {
  return names.commitments instanceof Map;
}

/** Reads of the names, in the snapshot the summary is counted in. */
export interface NameReads {
  tracks: () => Promise<ReportTrackName[]>;
  organisations: () => Promise<ReportOrganisationName[]>;
  /** The commitments whose actions fall in `buckets` (`all`: every one). */
  commitments: (buckets: readonly number[] | 'all') => Promise<ReportCommitmentName[]>;
}

/**
 * A programme's names as of a data version, kept between summaries: after a change only what
 * the change can have made stale is read again, and exactly so, because every change to a
 * name moves the version and is logged (migrations 1795453200000 and 1795524600000):
 *
 * - tracks: any insert, update or delete logs every bucket (-1): all names are read again;
 * - organisations: an update logs every bucket of every programme that has a version; one
 *   inserted since is not kept yet, and is read when a summary's groups name an organisation
 *   the kept ones lack (an action names only one that exists in its snapshot); one deleted
 *   since was named by no action;
 * - commitments: an update or delete logs its bucket (that of its actions), so the commitments
 *   of the logged buckets are read again; one inserted since into another bucket is named by no
 *   action yet (an action naming it would log that bucket).
 *
 * Immutable: each version is a new value, so summaries of two versions may build on one.
 */
export class KeptNames implements SummaryNames {
  private constructor(
    /** The data version (`report_versions`) the names are those of. */
    readonly version: string,
    readonly tracks: readonly ReportTrackName[],
    readonly organisations: ReadonlyMap<string, ReportOrganisationName>,
    readonly commitments: ReadonlyMap<string, ReportCommitmentName>,
    /** The ids of the commitments by bucket. */
    private readonly buckets: ReadonlyMap<number, readonly string[]>,
  ) {}

  /** Every name, read at `version`. */
  static async read(version: string, reads: NameReads): Promise<KeptNames> {
    const tracks = await reads.tracks();
    const organisations = byId(await reads.organisations());
    const commitments = new Map<string, ReportCommitmentName>();
    const buckets = new Map<number, string[]>();
    add(commitments, buckets, await reads.commitments('all'));
    return new KeptNames(version, tracks, organisations, commitments, buckets);
  }

  /**
   * The names at a later `version`, given the buckets the versions since this one changed
   * (null: the log cannot tell, or a change to every bucket: all read again).
   */
  async at(
    version: string,
    changed: readonly number[] | null,
    reads: NameReads,
  ): Promise<KeptNames> {
    if (version === this.version) return this;
    // Before a programme's first version nothing was logged (nor was an organisation's rename
    // counted as a change of it): nothing to build on.
    if (changed === null || this.version === '0') return KeptNames.read(version, reads);
    const commitments = new Map(this.commitments);
    const buckets = new Map(this.buckets);
    for (const bucket of changed) {
      for (const id of buckets.get(bucket) ?? []) commitments.delete(id);
      buckets.delete(bucket);
    }
    if (changed.length > 0) add(commitments, buckets, await reads.commitments(changed));
    return new KeptNames(version, this.tracks, this.organisations, commitments, buckets);
  }

  /** These names, with the organisations read again if one of `ids` is not among them. */
  async naming(ids: Iterable<string>, reads: NameReads): Promise<KeptNames> {
    for (const id of ids) {
      if (!this.organisations.has(id)) {
        const organisations = byId(await reads.organisations());
        return new KeptNames(
          this.version,
          this.tracks,
          organisations,
          this.commitments,
          this.buckets,
        );
      }
    }
    return this;
  }
}

const byId = <T extends { id: string }>(items: readonly T[]): Map<string, T> =>
  new Map(items.map((item) => [item.id, item]));

/** Adds commitments read to the names, and their ids to their buckets' (new arrays). */
function add(
  commitments: Map<string, ReportCommitmentName>,
  buckets: Map<number, readonly string[]>,
  read: readonly ReportCommitmentName[],
): void {
  const added = new Map<number, string[]>();
  for (const commitment of read) {
    commitments.set(commitment.id, commitment);
    const ids = added.get(commitment.bucket);
    if (ids) ids.push(commitment.id);
    else added.set(commitment.bucket, [commitment.id]);
  }
  for (const [bucket, ids] of added) buckets.set(bucket, [...(buckets.get(bucket) ?? []), ...ids]);
}
