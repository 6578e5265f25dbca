import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { BucketCountGroup } from '@app/tracking';
import { BucketCounts } from './bucket-counts';
import type { ReportSummary } from './progress-report.model';
import { foldSummary } from './summary';
import { KeptNames, type NameReads } from './summary-names';
import { figureGroups, refoldSummary } from './summary-refold';

/** Summaries kept per API process; enough for every filter combination polled at once. */
const CAPACITY = 500;

/**
 * Group rows of bucket counts kept over all summaries (about 140 bytes each: README
 * "Benchmarks"); the least recently used summaries beyond it keep their figures but not their
 * counts, and are counted whole after their next change.
 */
const COUNT_ROWS = 250_000;

/** More versions than this since the kept one: counted whole rather than the log read. */
const MAX_LOGGED_VERSIONS = 1000;

/** Programmes whose names are kept (a programme's are some hundreds of KiB at most). */
const NAMES_CAPACITY = 50;

interface Entry {
  version: string;
  value: ReportSummary;
  /** Per bucket of actions, to recount only what a change touched; null: dropped. */
  counts: BucketCounts | null;
}

/** What the cache asks of the summary it keeps, in the caller's snapshot. */
export interface SummaryCounting {
  /** The groups of the buckets asked for (`all`: every one), counted in the snapshot. */
  count: (buckets: readonly number[] | 'all') => Promise<BucketCountGroup[]>;
  /** The names the summary shows, read in the snapshot. */
  names: NameReads;
}

/** The buckets the versions after `from` changed, up to the version being counted. */
interface Changes {
  from: string;
  /** null: the log cannot tell (or every bucket changed). */
  buckets: number[] | null;
}

/**
 * The summaries of reports of now, kept until the programme's data changes. Every change to a
 * programme's actions, partners, timeline, commitments or tracks moves its version in
 * `report_versions` in the same transaction (triggers of migration 1795453200000), so a summary
 * computed at version v is served only while v is the committed version: a read costs one
 * primary-key lookup. A summary is computed once however many ask at the same moment.
 *
 * After a change, only the buckets of actions that the versions since the kept one changed
 * are counted again (`report_version_changes`, migration 1795524600000, read in the same
 * snapshot: exact), and the kept counts of the other buckets are added to them. The names the
 * summary shows (tracks, organisations, commitments) are kept per programme the same way
 * (`KeptNames`): after a change, only the commitments of the changed buckets are read again.
 */
@Injectable()
export class LiveSummaryCache {
  private readonly entries = new Map<string, Entry>();
  private readonly computing = new Map<string, Promise<Entry>>();
  private readonly names = new Map<string, KeptNames>();

  /** The committed data version of a programme ('0' before its first change). */
  async version(manager: EntityManager, programmeId: string): Promise<string> {
    const [row] = await manager.query<{ version: string }[]>(
      'SELECT version FROM report_versions WHERE programme_id = $1',
      [programmeId],
    );
    return row?.version ?? '0';
  }

  /**
   * The summary for `key` in `programmeId` as the snapshot of `manager` (a REPEATABLE READ
   * transaction) sees it: the kept one while the programme's version there is the kept one's,
   * else counted (whole, or the buckets changed since the kept version) in that same snapshot.
   * Requests whose snapshots see the same version share one computation: the same version is
   * the same data.
   */
  async get(
    manager: EntityManager,
    programmeId: string,
    key: string,
    counting: SummaryCounting,
  ): Promise<ReportSummary> {
    const id = `${programmeId} ${key}`;
    const version = await this.version(manager, programmeId);
    const kept = this.entries.get(id);
    if (kept && kept.version === version) {
      // Most recently used last: the first entry is the one to drop.
      this.entries.delete(id);
      this.entries.set(id, kept);
      return kept.value;
    }
    const flight = `${id} ${version}`;
    let pending = this.computing.get(flight);
    if (!pending) {
      pending = this.compute(manager, programmeId, version, kept, counting).finally(() =>
        this.computing.delete(flight),
      );
      this.computing.set(flight, pending);
    }
    const computed = await pending;
    if (BigInt(computed.version) >= BigInt(this.entries.get(id)?.version ?? '0')) {
      this.entries.delete(id);
      this.entries.set(id, computed);
      this.evict();
    }
    return computed.value;
  }

  private async compute(
    manager: EntityManager,
    programmeId: string,
    version: string,
    kept: Entry | undefined,
    counting: SummaryCounting,
  ): Promise<Entry> {
    const { count } = counting;
    // Kept counts are immutable: a computation for another version may start from them too.
    // (Eviction may drop an entry's counts meanwhile: these are held here.)
    const base = kept && BigInt(kept.version) < BigInt(version) ? kept.counts : null;
    const changes: Changes | undefined =
      base && kept
        ? {
            from: kept.version,
            buckets: await this.changedBuckets(manager, programmeId, kept.version, version),
          }
        : undefined;
    const changed = changes?.buckets;
    const counts =
      base && changed
        ? base.recount(changed, changed.length > 0 ? await count(changed) : [])
        : BucketCounts.of(await count('all'));
    // Recounted from the kept counts: the kept summary is refolded where the recount touched it.
    const refold = base && changed && kept;
    const groups = refold ? figureGroups(counts) : counts.groups();
    const owners = new Set<string>();
    for (const { ownerOrganisationId } of groups) {
      if (ownerOrganisationId) owners.add(ownerOrganisationId);
    }
    const names = await this.namesAt(
      manager,
      programmeId,
      version,
      changes,
      owners,
      counting.names,
    );
    const value = refold
      ? refoldSummary(refold.value, counts, groups, names)
      : foldSummary(groups, names);
    return { version, value, counts };
  }

  /**
   * The names of `programmeId` at `version`, as the snapshot of `manager` sees them: from the
   * kept ones and the buckets changed since (`changes`, when read from the same version
   * already), reading again what that leaves unknown; naming every one of `owners`.
   */
  private async namesAt(
    manager: EntityManager,
    programmeId: string,
    version: string,
    changes: Changes | undefined,
    owners: Iterable<string>,
    reads: NameReads,
  ): Promise<KeptNames> {
    const kept = this.names.get(programmeId);
    let names: KeptNames;
    if (!kept || BigInt(kept.version) > BigInt(version)) {
      names = await KeptNames.read(version, reads);
    } else {
      const changed =
        kept.version === version
          ? []
          : changes?.from === kept.version
            ? changes.buckets
            : await this.changedBuckets(manager, programmeId, kept.version, version);
      names = await kept.at(version, changed, reads);
    }
    names = await names.naming(owners, reads);
    // Kept while the newest (a snapshot of an older version answers from its own names);
    // most recently used last.
    if (BigInt(names.version) >= BigInt(this.names.get(programmeId)?.version ?? '0')) {
      this.names.delete(programmeId);
      this.names.set(programmeId, names);
      if (this.names.size > NAMES_CAPACITY) this.names.delete(this.names.keys().next().value!);
    }
    return names;
  }

  /**
   * The buckets that the versions in (`from`, `to`] changed, or null when the log cannot tell
   * (a change to every bucket, or versions purged from the log or from before it).
   */
  private async changedBuckets(
    manager: EntityManager,
    programmeId: string,
    from: string,
    to: string,
  ): Promise<number[] | null> {
    const versions = BigInt(to) - BigInt(from);
    if (versions > BigInt(MAX_LOGGED_VERSIONS)) return null;
    const [row] = await manager.query<{ versions: number; buckets: number[] | null }[]>(
      `SELECT count(DISTINCT version)::int AS versions, array_agg(DISTINCT bucket) AS buckets
         FROM report_version_changes
        WHERE programme_id = $1 AND version > $2 AND version <= $3`,
      [programmeId, from, to],
    );
    // Every version a change gives is logged with at least one bucket.
    if (BigInt(row.versions) !== versions) return null;
    const buckets = row.buckets ?? [];
    return buckets.includes(-1) ? null : buckets;
  }

  /** Keeps at most CAPACITY summaries and COUNT_ROWS rows of counts, the newest. */
  private evict(): void {
    while (this.entries.size > CAPACITY) {
      this.entries.delete(this.entries.keys().next().value!);
    }
    dropCountsBeyond([...this.entries.values()].reverse(), COUNT_ROWS);
  }
}

/**
 * Keeps the counts of `entries` (most recently used first) while their rows add up to at most
 * `rows`; from the first that does not fit on, drops theirs (their summaries stay).
 */
export function dropCountsBeyond(
  entries: Iterable<{ counts: { rows: number } | null }>,
  rows: number,
): void {
  let held = 0;
  for (const entry of entries) {
    if (!entry.counts) continue;
    held += entry.counts.rows;
    if (held > rows) entry.counts = null;
  }
}
