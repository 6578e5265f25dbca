import { Inject, Injectable, Logger } from '@nestjs/common';
import { AuditService } from '@app/audit';
import {
  apiUrl,
  APP_CONFIG,
  type AppConfig,
  Clock,
  JobName,
  loggableError,
  OutboxService,
  Transactions,
} from '@app/core';
import { assertAllowed, Permission, type Principal, ProgrammesService } from '@app/identity';
import type { ReportParameters } from '../progress/progress-report.model';
import { ProgressReportsService } from '../progress/progress-reports.service';
import { ReportErrors } from '../progress/report.errors';
import { REPORT_MEDIA, reportFilename, writeReport } from '../rendering/report-formats';
import { ChunkSink } from './chunk-sink';
import type { CreateReportExportDto } from './dto/create-report-export.dto';
import { mapReportExport, type ReportExportBody } from './report-export.response';
import {
  type ReportExportRow,
  ReportExportsRepository,
  type StoredExportParameters,
} from './report-exports.repository';

/** A finished export, as its notification tells of it. */
export interface FinishedExport {
  exportId: string;
  programmeId: string;
  requesterUserId: string;
  format: string;
  filename: string;
}

/** Progress is written at most this often. */
const PROGRESS_INTERVAL_MS = 500;

/**
 * Asynchronous report exports (issue 7): asked for through the API (202 and a Location), rendered
 * by the worker through the queue with progress, downloadable by the one who asked until the
 * retention ends, then deleted.
 */
@Injectable()
export class ReportExportsService {
  private readonly logger = new Logger(ReportExportsService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly transactions: Transactions,
    private readonly exports: ReportExportsRepository,
    private readonly reports: ProgressReportsService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly programmes: ProgrammesService,
  ) {}

  /** Records the export and its job in one transaction; the worker renders it. */
  async create(principal: Principal, dto: CreateReportExportDto): Promise<ReportExportBody> {
    assertAllowed(principal, Permission.ReportsRead, { programmeId: dto.programmeId });
    // The same checks as a report asked for directly (asOf not in the future, since before it).
    const reportParameters = this.reports.parameters(dto.programmeId, dto);
    // A platform administrator passes the access check for any id: a programme that does not
    // exist is a 404 here, not a foreign-key violation (500) at the insert.
    await this.programmes.get(principal, dto.programmeId);
    // A letter too large to build is refused now, where its size is cheap to know (a summary
    // of now is kept per data version); one of the past is checked when it is rendered.
    if (dto.format === 'docx' && reportParameters.live) {
      const { summary } = await this.reports.summary(reportParameters);
      if (summary.total > this.config.reports.letterMaxActions) {
        throw ReportErrors.letterTooLarge(summary.total, this.config.reports.letterMaxActions);
      }
    }
    const parameters: StoredExportParameters = {
      asOf: dto.asOf ?? null,
      since: dto.since ?? null,
      filters: {
        track: dto.track,
        commitmentKind: dto.commitmentKind,
        ownerOrganisation: dto.ownerOrganisation,
        partnerOrganisation: dto.partnerOrganisation,
        status: dto.status,
        health: dto.health,
        escalationLevel: dto.escalationLevel,
        overdue: dto.overdue,
      },
      lang: dto.lang ?? 'nl',
      ...(dto.separator ? { separator: dto.separator } : {}),
    };
    const now = this.clock.now();
    const row = await this.transactions.run(async (manager) => {
      const created = await this.exports.insert(manager, {
        programmeId: dto.programmeId,
        requesterUserId: principal.userId,
        format: dto.format,
        parameters,
        expiresAt: new Date(now.getTime() + this.config.reports.exportRetentionHours * 3_600_000),
      });
      await this.outbox.record(manager, {
        name: JobName.ReportExport,
        data: { exportId: created.id },
      });
      await this.audit.record(manager, {
        operation: 'create',
        entityType: 'report_export',
        entityId: created.id,
        programmeId: created.programmeId,
        changes: { format: { new: created.format }, parameters: { new: parameters } },
      });
      return created;
    });
    return mapReportExport(row);
  }

  /** The export's status: for the one who asked for it only (anyone else: not found). */
  async get(principal: Principal, id: string): Promise<ReportExportBody> {
    return mapReportExport(await this.own(principal, id));
  }

  /** The finished file, streamed from its chunks. */
  async file(
    principal: Principal,
    id: string,
  ): Promise<{
    filename: string;
    contentType: string;
    sizeBytes: number;
    chunks: AsyncIterable<Buffer>;
  }> {
    const row = await this.own(principal, id);
    if (row.status !== 'done' || row.fileRun === null) throw ReportErrors.exportNotReady();
    return {
      filename: row.filename!,
      contentType: row.contentType!,
      sizeBytes: Number(row.sizeBytes),
      chunks: this.exports.chunks(row.id, row.fileRun),
    };
  }

  /**
   * Renders an export (the worker's job). A finished, failed or expired export is left alone;
   * a run that fails is retried by the queue, and after the last attempt marked failed.
   */
  async render(exportId: string, attempt: number, lastAttempt: boolean): Promise<void> {
    const started = await this.exports.startRun(exportId, this.clock.now());
    if (!started) return;
    const { run, row } = started;
    try {
      const params = this.parametersOf(row);
      const report = await this.reports.report(params);
      const total = report.summary.total;
      if (row.format === 'docx' && total > this.config.reports.letterMaxActions) {
        // Retrying would not make it smaller: failed at once, and the reason is its code.
        await report.close();
        this.logger.warn(
          { event: 'report_export_too_large', exportId, format: row.format, actions: total },
          'Report export too large for a letter',
        );
        await this.exports.fail(exportId, run, 'REPORT_TOO_LARGE', this.clock.now());
        return;
      }
      let lastWrite = 0;
      let lastPercent = 0;
      const onProgress = (done: number) => {
        const percent = total === 0 ? 99 : Math.min(99, Math.floor((done * 100) / total));
        const now = Date.now();
        if (percent > lastPercent && now - lastWrite >= PROGRESS_INTERVAL_MS) {
          lastWrite = now;
          lastPercent = percent;
          void this.exports.progress(exportId, run, percent).catch(() => undefined);
        }
      };
      const sink = new ChunkSink((position, data) =>
        this.exports.appendChunk(exportId, run, position, data),
      );
      try {
        await writeReport(report, row.format, sink, {
          separator: row.parameters.separator,
          links: { self: { href: apiUrl(this.config.http.publicUrl, 'report-exports', row.id) } },
          onProgress,
        });
      } finally {
        await report.close();
      }
      await new Promise<void>((resolve, reject) => {
        sink.once('error', reject);
        sink.end(resolve);
      });
      const finished = await this.exports.finish(
        exportId,
        run,
        {
          filename: reportFilename(report, row.format),
          contentType: REPORT_MEDIA[row.format].contentType,
          sizeBytes: sink.bytes,
        },
        this.clock.now(),
        // The person is told once the file is there, through the outbox: a rolled-back
        // finish tells no one, and a Redis outage loses no notification (DESIGN §3).
        async (manager) => {
          await this.outbox.record(manager, {
            name: JobName.ReportExportFinished,
            data: { exportId },
          });
          // On record, and so to the requester's webhooks (issue 21).
          await this.audit.record(manager, {
            operation: 'status_change',
            entityType: 'report_export',
            entityId: exportId,
            programmeId: row.programmeId,
            changes: { status: { new: 'done' } },
            details: { requestedByUserId: row.requesterUserId, format: row.format },
          });
        },
      );
      // Superseded by a later run (the queue thought this one stalled): its chunks go.
      if (!finished) await this.exports.dropRun(exportId, run);
      this.logger.log(
        {
          event: 'report_exported',
          exportId,
          format: row.format,
          actions: total,
          bytes: sink.bytes,
          finished,
        },
        'Report export rendered',
      );
    } catch (error) {
      this.logger.warn(
        { event: 'report_export_failed', exportId, attempt, error: loggableError(error) },
        'Report export failed',
      );
      if (lastAttempt) {
        await this.exports.fail(exportId, run, 'RENDER_FAILED', this.clock.now());
        return;
      }
      await this.exports.requeue(exportId, run);
      throw error;
    }
  }

  /**
   * What the notification of a finished export says, and to whom: the one who asked for it.
   * Null when it is not done (or gone): then nobody is told.
   */
  async finished(exportId: string): Promise<FinishedExport | null> {
    const row = await this.exports.find(exportId);
    if (!row || row.status !== 'done' || row.filename === null) return null;
    return {
      exportId: row.id,
      programmeId: row.programmeId,
      requesterUserId: row.requesterUserId,
      format: row.format,
      filename: row.filename,
    };
  }

  /** Deletes the exports past their retention. */
  async purge(): Promise<number> {
    const deleted = await this.exports.purge(this.clock.now());
    if (deleted > 0)
      this.logger.log(
        { event: 'report_exports_purged', deleted },
        'Expired report exports deleted',
      );
    return deleted;
  }

  private parametersOf(row: ReportExportRow): ReportParameters {
    const stored = row.parameters;
    return this.reports.parameters(row.programmeId, {
      ...(stored.filters as object),
      asOf: stored.asOf ?? undefined,
      since: stored.since ?? undefined,
      lang: stored.lang,
    });
  }

  /**
   * The caller's own export, still in retention, in a programme where they may still read
   * reports. Someone else's, or one gone, is "not found": ids cannot be probed.
   */
  private async own(principal: Principal, id: string): Promise<ReportExportRow> {
    const row = await this.exports.find(id);
    if (!row || row.requesterUserId !== principal.userId) throw ReportErrors.exportNotFound();
    if (principal.apiToken && principal.apiToken.programmeId !== row.programmeId) {
      throw ReportErrors.exportNotFound();
    }
    assertAllowed(principal, Permission.ReportsRead, { programmeId: row.programmeId });
    if (row.expiresAt <= this.clock.now()) throw ReportErrors.exportExpired();
    return row;
  }
}
