import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { ReportFormat } from '../progress/dto/progress-report.query';

export type ReportExportStatus = 'queued' | 'running' | 'done' | 'failed';

/** What an export was asked for with, as stored: the report's options, moments as ISO text. */
export interface StoredExportParameters {
  asOf: string | null;
  since: string | null;
  filters: Record<string, unknown>;
  lang: 'nl' | 'en';
  separator?: 'comma' | 'semicolon';
}

export interface ReportExportRow {
  id: string;
  programmeId: string;
  requesterUserId: string;
  format: ReportFormat;
  parameters: StoredExportParameters;
  status: ReportExportStatus;
  progress: number;
  runs: number;
  fileRun: number | null;
  filename: string | null;
  contentType: string | null;
  sizeBytes: string | null;
  errorCode: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  expiresAt: Date;
}

const COLUMNS = `id, programme_id AS "programmeId", requester_user_id AS "requesterUserId", format,
  parameters, status, progress, runs, file_run AS "fileRun", filename,
  content_type AS "contentType", size_bytes AS "sizeBytes", error_code AS "errorCode",
  created_at AS "createdAt", started_at AS "startedAt", finished_at AS "finishedAt",
  expires_at AS "expiresAt"`;

/** The report_exports rows and their files' chunks (migration 1795453200000). */
@Injectable()
export class ReportExportsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(
    manager: EntityManager,
    values: Pick<
      ReportExportRow,
      'programmeId' | 'requesterUserId' | 'format' | 'parameters' | 'expiresAt'
    >,
  ): Promise<ReportExportRow> {
    const [row] = await manager.query<ReportExportRow[]>(
      `INSERT INTO report_exports (programme_id, requester_user_id, format, parameters, expires_at)
       VALUES ($1, $2, $3, $4::jsonb, $5) RETURNING ${COLUMNS}`,
      [
        values.programmeId,
        values.requesterUserId,
        values.format,
        JSON.stringify(values.parameters),
        values.expiresAt,
      ],
    );
    return row;
  }

  async find(id: string): Promise<ReportExportRow | null> {
    const [row] = await this.dataSource.query<ReportExportRow[]>(
      `SELECT ${COLUMNS} FROM report_exports WHERE id = $1`,
      [id],
    );
    return row ?? null;
  }

  /** Starts a run unless the export is finished: answers the run's number, or null. */
  async startRun(id: string, now: Date): Promise<{ run: number; row: ReportExportRow } | null> {
    const [row] = await this.dataSource.query<ReportExportRow[]>(
      `WITH started AS (
         UPDATE report_exports SET status = 'running', runs = runs + 1, progress = 0,
                started_at = $2, error_code = NULL
          WHERE id = $1 AND status IN ('queued', 'running') AND expires_at > $2
          RETURNING ${COLUMNS})
       SELECT * FROM started`,
      [id, now],
    );
    return row ? { run: row.runs, row } : null;
  }

  /** Moves the progress of the current run (a later run makes an older one's writes no-ops). */
  async progress(id: string, run: number, percent: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE report_exports SET progress = $3
        WHERE id = $1 AND runs = $2 AND status = 'running' AND progress < $3`,
      [id, run, percent],
    );
  }

  async appendChunk(id: string, run: number, position: number, data: Buffer): Promise<void> {
    await this.dataSource.query(
      'INSERT INTO report_export_chunks (export_id, run, position, data) VALUES ($1, $2, $3, $4)',
      [id, run, position, data],
    );
  }

  /**
   * Finishes the run: the file is its chunks, other runs' chunks go. Only the latest run can
   * finish (a run the worker gave up on and started again must not overwrite it).
   */
  async finish(
    id: string,
    run: number,
    file: { filename: string; contentType: string; sizeBytes: number },
    now: Date,
    alsoWhenFinished: (manager: EntityManager) => Promise<void> = () => Promise.resolve(),
  ): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const rows = await manager.query<{ id: string }[]>(
        `WITH finished AS (
           UPDATE report_exports SET status = 'done', progress = 100, file_run = $2,
                  filename = $3, content_type = $4, size_bytes = $5, finished_at = $6
            WHERE id = $1 AND runs = $2 AND status = 'running' RETURNING id)
         SELECT id FROM finished`,
        [id, run, file.filename, file.contentType, file.sizeBytes, now],
      );
      if (rows.length === 0) return false;
      await manager.query('DELETE FROM report_export_chunks WHERE export_id = $1 AND run <> $2', [
        id,
        run,
      ]);
      await alsoWhenFinished(manager);
      return true;
    });
  }

  /** Marks the export failed, if `run` is still its latest run; its chunks go. */
  async fail(id: string, run: number, errorCode: string, now: Date): Promise<void> {
    // One statement: a run another worker superseded (and maybe finished) deletes nothing.
    await this.dataSource.query(
      `WITH failed AS (
         UPDATE report_exports SET status = 'failed', error_code = $3, finished_at = $4
          WHERE id = $1 AND runs = $2 AND status = 'running' RETURNING id)
       DELETE FROM report_export_chunks c USING failed WHERE c.export_id = failed.id`,
      [id, run, errorCode, now],
    );
  }

  /** Deletes the chunks a run wrote (a run that was superseded, or is retried). */
  async dropRun(id: string, run: number): Promise<void> {
    await this.dataSource.query(
      'DELETE FROM report_export_chunks WHERE export_id = $1 AND run = $2',
      [id, run],
    );
  }

  /** Back to the queue after a failed run that will be retried (its chunks go). */
  async requeue(id: string, run: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE report_exports SET status = 'queued' WHERE id = $1 AND runs = $2 AND status = 'running'`,
      [id, run],
    );
    await this.dropRun(id, run);
  }

  /** The file's chunks in order, a few at a time (1 MB each). */
  async *chunks(id: string, run: number): AsyncGenerator<Buffer> {
    let position = -1;
    for (;;) {
      const rows = await this.dataSource.query<{ position: number; data: Buffer }[]>(
        `SELECT position, data FROM report_export_chunks
          WHERE export_id = $1 AND run = $2 AND position > $3 ORDER BY position LIMIT 4`,
        [id, run, position],
      );
      for (const row of rows) yield row.data;
      if (rows.length < 4) return;
      position = rows[rows.length - 1].position;
    }
  }

  /** Deletes the exports past their retention (their chunks with them); answers how many. */
  async purge(now: Date): Promise<number> {
    const rows = await this.dataSource.query<{ id: string }[]>(
      'WITH gone AS (DELETE FROM report_exports WHERE expires_at <= $1 RETURNING id) SELECT id FROM gone',
      [now],
    );
    return rows.length;
  }
}
