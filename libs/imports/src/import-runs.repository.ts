import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { type JobRequest, OutboxService } from '@app/core';
import { COLUMNS } from './import-columns';
import type { ImportNotice, ImportRow, RowResult, StoredRow } from './imports.repository';
import type { PlannedRow } from './planning/planned-row';

/**
 * The worker's runs of an import (its dry run, its apply): a run takes the import by counting
 * itself in `runs`, and stores rows, results and the end only while it still has it, so that a
 * run another took over (after this one seemed to have died) changes nothing of the new one's.
 */
@Injectable()
export class ImportRunsRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
  ) {}

  /** Takes the dry run for a run of the worker (again, after a run that died): its rows go. */
  async startPlanning(id: string): Promise<ImportRow | undefined> {
    return this.dataSource.transaction(async (manager) => {
      const [rows] = await manager.query<[ImportRow[], number]>(
        `UPDATE imports SET status = 'planning', runs = runs + 1
          WHERE id = $1 AND status IN ('queued', 'planning') RETURNING ${COLUMNS}`,
        [id],
      );
      if (rows.length === 0) return undefined;
      await manager.query('DELETE FROM import_rows WHERE import_id = $1', [id]);
      return rows[0];
    });
  }

  /**
   * Stores planned rows in one statement (bounded by the caller's batch) while `run` still
   * plans the import; false when another run took it
   * over (its start waits for this statement's share lock, then deletes what it stored).
   */
  async insertRows(importId: string, run: number, rows: readonly PlannedRow[]): Promise<boolean> {
    const [{ live }] = await this.dataSource.query<{ live: boolean }[]>(
      `WITH live AS (
         SELECT id FROM imports WHERE id = $1 AND runs = $3 AND status = 'planning' FOR SHARE
       ), inserted AS (
         INSERT INTO import_rows (import_id, position, sheet, sheet_name, row_number, outcome,
                entity_id, base_version, title, changes, conflicts, errors, plan)
         SELECT live.id, r.position, r.sheet, r."sheetName", r."rowNumber", r.outcome,
                r."entityId", r."baseVersion", r.title, r.changes, r.conflicts, r.errors, r.plan
           FROM live, jsonb_to_recordset($2::jsonb) AS r(position integer, sheet text,
                "sheetName" text, "rowNumber" integer, outcome text, "entityId" uuid,
                "baseVersion" integer, title text, changes jsonb, conflicts jsonb, errors jsonb,
                plan jsonb)
       )
       SELECT EXISTS (SELECT 1 FROM live) AS live`,
      [importId, JSON.stringify(rows), run],
    );
    return live;
  }

  async finishPlanning(
    id: string,
    run: number,
    values: { counts: Record<string, number>; notices: ImportNotice[]; rowsTotal: number },
    now: Date,
  ): Promise<boolean> {
    const [, affected] = await this.dataSource.query<[unknown, number]>(
      `UPDATE imports SET status = 'planned', counts = $3, notices = $4, rows_total = $5, planned_at = $6
        WHERE id = $1 AND runs = $2 AND status = 'planning'`,
      [
        id,
        run,
        JSON.stringify(values.counts),
        JSON.stringify(values.notices),
        values.rowsTotal,
        now,
      ],
    );
    return affected === 1;
  }

  /**
   * The file (or the run) failed: marks the import failed, and why, if `run` still has it
   * (planning or applying): a run another took over must not fail what that one does.
   * Without `keepRows`, the dry run's rows go. `followUp`: what follows the changes an apply
   * made before it failed, recorded whatever the import's state.
   */
  async fail(
    id: string,
    run: number,
    problem: { code: string; where?: ImportRow['problemWhere'] },
    keepRows: boolean,
    followUp?: JobRequest,
  ): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      if (followUp) await this.outbox.record(manager, followUp);
      const [, affected] = await manager.query<[unknown, number]>(
        `UPDATE imports SET status = 'failed', problem_code = $3, problem_where = $4
          WHERE id = $1 AND runs = $2 AND status IN ('planning', 'applying')`,
        [id, run, problem.code, problem.where ? JSON.stringify(problem.where) : null],
      );
      if (affected !== 1) return false;
      if (!keepRows) await manager.query('DELETE FROM import_rows WHERE import_id = $1', [id]);
      return true;
    });
  }

  /** Takes the apply for a run of the worker (again, after one that died). */
  async startApply(id: string): Promise<ImportRow | undefined> {
    const [rows] = await this.dataSource.query<[ImportRow[], number]>(
      `UPDATE imports SET runs = runs + 1 WHERE id = $1 AND status = 'applying' RETURNING ${COLUMNS}`,
      [id],
    );
    return rows[0];
  }

  /**
   * Records a batch's results and moves the resume point past it, in one transaction, if this
   * run still has the import (a later run took it over: false, and this one stops), with the
   * outbox event of what follows the batch's changes.
   */
  async recordBatch(
    importId: string,
    run: number,
    results: readonly { position: number; result: RowResult; detail: StoredRow['resultDetail'] }[],
    through: number,
    followUp?: JobRequest,
  ): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const [, affected] = await manager.query<[unknown, number]>(
        `UPDATE imports SET applied_through = $3 WHERE id = $1 AND runs = $2 AND status = 'applying'`,
        [importId, run, through],
      );
      // The changes committed whoever has the import now: what follows them is recorded even
      // for a run another took over (its source keys make a second follow-up tell no one twice).
      if (followUp) await this.outbox.record(manager, followUp);
      if (affected !== 1) return false;
      await manager.query(
        `UPDATE import_rows r SET result = b.result, result_detail = b.detail
           FROM jsonb_to_recordset($2::jsonb) AS b(position integer, result text, detail jsonb)
          WHERE r.import_id = $1 AND r.position = b.position`,
        [importId, JSON.stringify(results)],
      );
      return true;
    });
  }

  async finishApply(importId: string, run: number, now: Date): Promise<boolean> {
    const [, affected] = await this.dataSource.query<[unknown, number]>(
      `UPDATE imports SET status = 'applied', applied_at = $3,
              results = (SELECT COALESCE(jsonb_object_agg(result, n), '{}')
                           FROM (SELECT result, count(*) AS n FROM import_rows
                                  WHERE import_id = $1 AND result IS NOT NULL GROUP BY result) s)
        WHERE id = $1 AND runs = $2 AND status = 'applying'`,
      [importId, run, now],
    );
    return affected === 1;
  }
}
