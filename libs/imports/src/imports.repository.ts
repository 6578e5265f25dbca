import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { COLUMNS, ROW_COLUMNS } from './import-columns';
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

/** The imports, their files, their rows and the programmes' references (migration 1795474200000). */
@Injectable()
export class ImportsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

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

  /** The rows after the resume point, in order. */
  pendingRows(importId: string, afterPosition: number, limit: number): Promise<StoredRow[]> {
    return this.rowsPage(importId, {}, afterPosition, limit);
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
