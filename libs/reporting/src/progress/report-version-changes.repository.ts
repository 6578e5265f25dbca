import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/**
 * How long the log of which buckets each data version changed is kept (migration
 * 1795524600000). A summary kept longer than this without being read is counted whole after
 * its next change: the log can no longer tell what changed since.
 */
export const REPORT_VERSION_CHANGES_RETENTION_HOURS = 24;

/** The log `report_version_changes`, owned by reporting with `report_versions`. */
@Injectable()
export class ReportVersionChangesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Deletes up to `limit` rows older than the retention, by the database's clock (that of the
   * rows): answers how many. Readers need no warning: they count the versions they find.
   */
  async purge(limit: number): Promise<number> {
    // Counted in a SELECT: TypeORM answers a bare DELETE as [rows, count], not as rows.
    const [{ count }] = await this.dataSource.query<{ count: number }[]>(
      `WITH deleted AS (
         DELETE FROM report_version_changes WHERE ctid IN (
           SELECT ctid FROM report_version_changes
            WHERE created_at < now() - make_interval(hours => $1) LIMIT $2)
         RETURNING 1)
       SELECT count(*)::int AS count FROM deleted`,
      [REPORT_VERSION_CHANGES_RETENTION_HOURS, limit],
    );
    return count;
  }
}
