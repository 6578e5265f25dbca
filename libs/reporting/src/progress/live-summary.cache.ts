import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ReportSummary } from './progress-report.model';

/** Summaries kept per API process; enough for every filter combination polled at once. */
const CAPACITY = 500;

interface Entry {
  version: string;
  value: ReportSummary;
}

/**
 * The summaries of reports of now, kept until the programme's data changes. Every change to a
 * programme's actions, partners, timeline, commitments or tracks moves its version in
 * `report_versions` in the same transaction (triggers of migration 1795453200000), so a summary
 * computed at version v is served only while v is the committed version: a read costs one
 * primary-key lookup. A summary is computed once however many ask at the same moment.
 */
@Injectable()
export class LiveSummaryCache {
  private readonly entries = new Map<string, Entry>();
  private readonly computing = new Map<string, Promise<Entry>>();

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
   * else `compute(version)`, which must count in that same snapshot. Requests whose snapshots
   * see the same version share one computation: the same version is the same data.
   */
  async get(
    manager: EntityManager,
    programmeId: string,
    key: string,
    compute: (version: string) => Promise<Entry>,
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
      pending = compute(version).finally(() => this.computing.delete(flight));
      this.computing.set(flight, pending);
    }
    const computed = await pending;
    if (BigInt(computed.version) >= BigInt(this.entries.get(id)?.version ?? '0')) {
      this.entries.delete(id);
      this.entries.set(id, computed);
      while (this.entries.size > CAPACITY) {
        this.entries.delete(this.entries.keys().next().value!);
      }
    }
    return computed.value;
  }
}
