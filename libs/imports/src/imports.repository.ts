import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { type JobRequest, OutboxService } from '@app/core';
import type { FieldChange, PlannedRow, RowError, RowOutcome } from './planning/planned-row';
import type { StoredReference } from './sheet/programme-names';
import type { SheetKind, SheetLanguage } from './sheet/sheet-columns';

export type ImportStatus = 'queued' | 'planning' | 'planned' | 'applying' | 'applied' | 'failed';
export type RowResult = 'applied' | 'kept' | 'unchanged' | 'skipped' | 'failed';
export type RowChoice = 'sheet' | 'app';

/** Something the dry run ignored and says so (a sheet or column that is not ours). */
export interface ImportNotice {
  code: 'SHEET_IGNORED' | 'COLUMN_IGNORED' | 'NO_DATA_SHEET';
  sheet?: string;
  column?: string;
  /** SHEET_IGNORED: a data sheet after the file's first of this kind. */
  repeatOf?: SheetKind;
}

export interface ImportRow {
  id: string;
  programmeId: string;
  requesterUserId: string;
  filename: string;
  sizeBytes: number;
  lang: SheetLanguage;
  status: ImportStatus;
  problemCode: string | null;
  problemWhere: { sheet?: string; rowNumber?: number; ref?: string } | null;
  notices: ImportNotice[];
  counts: Partial<Record<RowOutcome, number>>;
  results: Partial<Record<RowResult, number>>;
  rowsTotal: number;
  appliedThrough: number;
  runs: number;
  applierUserId: string | null;
  createdAt: Date;
  plannedAt: Date | null;
  applyRequestedAt: Date | null;
  appliedAt: Date | null;
  expiresAt: Date;
}

export interface StoredRow extends PlannedRow {
  choice: RowChoice | null;
  result: RowResult | null;
  resultDetail: { code: string; reason: string } | null;
}

const COLUMNS = `id, programme_id AS "programmeId", requester_user_id AS "requesterUserId",
  filename, size_bytes AS "sizeBytes", lang, status, problem_code AS "problemCode",
  problem_where AS "problemWhere", notices, counts, results, rows_total AS "rowsTotal",
  applied_through AS "appliedThrough", runs, applier_user_id AS "applierUserId",
  created_at AS "createdAt", planned_at AS "plannedAt",
  apply_requested_at AS "applyRequestedAt", applied_at AS "appliedAt", expires_at AS "expiresAt"`;

const ROW_COLUMNS = `position, sheet, sheet_name AS "sheetName", row_number AS "rowNumber", outcome,
  entity_id AS "entityId", base_version AS "baseVersion", title, changes, conflicts, errors,
  plan, choice, result, result_detail AS "resultDetail"`;

/** The imports, their files, their rows and the programmes' references (migration 1795474200000). */
@Injectable()
export class ImportsRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
  ) {}

  async insert(
    manager: EntityManager,
    values: Pick<
      ImportRow,
      'programmeId' | 'requesterUserId' | 'filename' | 'sizeBytes' | 'lang' | 'expiresAt'
    >,
    content: Buffer,
  ): Promise<ImportRow> {
    const [row] = await manager.query<ImportRow[]>(
      `INSERT INTO imports (programme_id, requester_user_id, filename, size_bytes, lang, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
      [
        values.programmeId,
        values.requesterUserId,
        values.filename,
        values.sizeBytes,
        values.lang,
        values.expiresAt,
      ],
    );
    await manager.query('INSERT INTO import_files (import_id, content) VALUES ($1, $2)', [
      row.id,
      content,
    ]);
    return row;
  }

  async find(id: string, manager?: EntityManager): Promise<ImportRow | undefined> {
    const rows = await (manager ?? this.dataSource.manager).query<ImportRow[]>(
      `SELECT ${COLUMNS} FROM imports WHERE id = $1`,
      [id],
    );
    return rows[0];
  }

  /** The programme's imports, newest first, before the (createdAt, id) of `before`. */
  async listForProgramme(
    programmeId: string,
    before: { createdAt: string; id: string } | null,
    limit: number,
  ): Promise<ImportRow[]> {
    return this.dataSource.query<ImportRow[]>(
      `SELECT ${COLUMNS} FROM imports
        WHERE programme_id = $1 AND expires_at > now()
          AND ($2::timestamptz IS NULL
               OR (date_trunc('milliseconds', created_at), id) < ($2::timestamptz, $3::uuid))
        -- Keyed on the time the cursor can carry (milliseconds), so none is skipped.
        ORDER BY date_trunc('milliseconds', created_at) DESC, id DESC LIMIT $4`,
      [programmeId, before?.createdAt ?? null, before?.id ?? null, limit],
    );
  }

  async file(id: string): Promise<Buffer | undefined> {
    const rows = await this.dataSource.query<{ content: Buffer }[]>(
      'SELECT content FROM import_files WHERE import_id = $1',
      [id],
    );
    return rows[0]?.content;
  }

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

  /** A page of rows by position, optionally only some outcomes or one sheet. */
  rowsPage(
    importId: string,
    filter: { outcomes?: readonly RowOutcome[]; sheet?: SheetKind; results?: readonly RowResult[] },
    afterPosition: number,
    limit: number,
  ): Promise<StoredRow[]> {
    return this.dataSource.query<StoredRow[]>(
      `SELECT ${ROW_COLUMNS} FROM import_rows
        WHERE import_id = $1 AND position > $2
          AND ($3::text[] IS NULL OR outcome = ANY($3)) AND ($4::text IS NULL OR sheet = $4)
          AND ($6::text[] IS NULL OR result = ANY($6))
        ORDER BY position LIMIT $5`,
      [
        importId,
        afterPosition,
        filter.outcomes ?? null,
        filter.sheet ?? null,
        limit,
        filter.results ?? null,
      ],
    );
  }

  /** Sets the choice of conflict rows; answers the positions that are conflicts. */
  async choose(
    manager: EntityManager,
    importId: string,
    choices: readonly { position: number; choice: RowChoice }[],
  ): Promise<number[]> {
    const [rows] = await manager.query<[{ position: number }[], number]>(
      `UPDATE import_rows r SET choice = c.choice
         FROM jsonb_to_recordset($2::jsonb) AS c(position integer, choice text)
        WHERE r.import_id = $1 AND r.position = c.position AND r.outcome = 'conflict'
        RETURNING r.position`,
      [importId, JSON.stringify(choices)],
    );
    return rows.map((row) => row.position);
  }

  async unresolvedConflicts(importId: string, manager?: EntityManager): Promise<number> {
    const [{ count }] = await (manager ?? this.dataSource.manager).query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM import_rows
        WHERE import_id = $1 AND outcome = 'conflict' AND choice IS NULL`,
      [importId],
    );
    return count;
  }

  /** Locks the import for a change of its state (choices, apply). */
  async lock(manager: EntityManager, id: string): Promise<ImportRow | undefined> {
    const rows = await manager.query<ImportRow[]>(
      `SELECT ${COLUMNS} FROM imports WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0];
  }

  /**
   * Serialises apply requests within a programme until the transaction ends, so that two
   * dry runs cannot both pass `appliedSince` and then both be applied.
   */
  async lockApplies(manager: EntityManager, programmeId: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [
      `import_apply:${programmeId}`,
    ]);
  }

  /**
   * Whether another import of the programme is applying, or was applied after `since`. An
   * apply still "applying" past its retention (its job lost) no longer holds the others up.
   */
  async appliedSince(
    manager: EntityManager,
    programmeId: string,
    importId: string,
    since: Date,
    now: Date,
  ): Promise<boolean> {
    const [{ found }] = await manager.query<{ found: boolean }[]>(
      `SELECT EXISTS (SELECT 1 FROM imports
                       WHERE programme_id = $1 AND id <> $2
                         AND ((status = 'applying' AND expires_at > $4)
                              OR apply_requested_at > $3 OR applied_at > $3)
                     ) AS found`,
      [programmeId, importId, since, now],
    );
    return found;
  }

  async requestApply(
    manager: EntityManager,
    id: string,
    userId: string,
    now: Date,
  ): Promise<ImportRow> {
    const [[row]] = await manager.query<[ImportRow[], number]>(
      `UPDATE imports SET status = 'applying', applier_user_id = $2, apply_requested_at = $3
        WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, userId, now],
    );
    return row;
  }

  /** Takes the apply for a run of the worker (again, after one that died). */
  async startApply(id: string): Promise<ImportRow | undefined> {
    const [rows] = await this.dataSource.query<[ImportRow[], number]>(
      `UPDATE imports SET runs = runs + 1 WHERE id = $1 AND status = 'applying' RETURNING ${COLUMNS}`,
      [id],
    );
    return rows[0];
  }

  /** The rows after the resume point, in order. */
  pendingRows(importId: string, afterPosition: number, limit: number): Promise<StoredRow[]> {
    return this.rowsPage(importId, {}, afterPosition, limit);
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

  async references(programmeId: string): Promise<StoredReference[]> {
    return this.dataSource.query<StoredReference[]>(
      `SELECT sheet, reference, entity_id AS "entityId" FROM import_references WHERE programme_id = $1`,
      [programmeId],
    );
  }

  /** Gives an entity its reference (replacing its earlier one, and the reference's earlier entity). */
  async setReference(
    programmeId: string,
    sheet: SheetKind,
    reference: string,
    referenceKey: string,
    entityId: string,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query('DELETE FROM import_references WHERE sheet = $1 AND entity_id = $2', [
        sheet,
        entityId,
      ]);
      await manager.query(
        `INSERT INTO import_references (programme_id, sheet, reference_key, reference, entity_id)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (programme_id, sheet, reference_key)
         DO UPDATE SET reference = EXCLUDED.reference, entity_id = EXCLUDED.entity_id`,
        [programmeId, sheet, referenceKey, reference, entityId],
      );
    });
  }

  async purge(now: Date): Promise<number> {
    // An apply under way finishes first; it is purged the hour after.
    const rows = await this.dataSource.query<{ id: string }[]>(
      `WITH gone AS (DELETE FROM imports WHERE expires_at <= $1 AND status <> 'applying' RETURNING id)
       SELECT id FROM gone`,
      [now],
    );
    return rows.length;
  }
}

export type { FieldChange, RowError };
