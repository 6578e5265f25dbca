import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditHistory, type RecordedChange } from '@app/audit';
import { Clock } from '@app/core';
import { ActionReportReader, ReportNamesReader, type ReportReferenceData } from '@app/tracking';
import type {
  OpenReport,
  ReportAction,
  ReportHeader,
  ReportSummary,
} from './progress-report.model';
import { LiveSummaryCache } from './live-summary.cache';
import { changesByAction, mapReportAction } from './report-action.mapper';
import { sqlFilter } from './report-filters';
import { reportHeader, type ReportMoment } from './report-moment';
import { ReportNames } from './report-names';
import { readOnly, ReportSnapshot } from './report-snapshot';

/**
 * Reports of now: they read the live tables. The summary is one GROUP BY, cached per programme
 * data version (migration 1795453200000 keeps the version); the actions stream from the
 * snapshot the summary was read in.
 */
@Injectable()
export class LiveProgressReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reader: ActionReportReader,
    private readonly history: AuditHistory,
    private readonly clock: Clock,
    private readonly cache: LiveSummaryCache,
    private readonly names: ReportNamesReader,
  ) {}

  /** The header and summary of a report of now. */
  summary(at: ReportMoment): Promise<{ header: ReportHeader; summary: ReportSummary }> {
    return readOnly(this.dataSource, async (manager) => {
      // The programme's name has no version: read every time (the other names are kept).
      const programme = await this.names.programme(manager, at.params.programmeId);
      const header = reportHeader(at, programme, this.clock.now());
      return { header, summary: await this.liveSummary(manager, at) };
    });
  }

  /**
   * The whole report of now: its summary and its actions stream from one read-only snapshot
   * (so a change committed meanwhile is in neither), which ends with the stream, when the
   * reader stops early, or at `close`.
   */
  async report(at: ReportMoment): Promise<OpenReport> {
    const snapshot = await ReportSnapshot.open(this.dataSource);
    try {
      const references = await this.reader.references(snapshot.manager, at.params.programmeId);
      const header = reportHeader(at, references.programme, this.clock.now());
      const summary = await this.liveSummary(snapshot.manager, at);
      return {
        header,
        summary,
        actions: this.actions(snapshot, at, references),
        close: () => snapshot.release(),
      };
    } catch (error) {
      await snapshot.release();
      throw error;
    }
  }

  /**
   * The summary of a report of now, read in `snapshot`: the one kept for the version that
   * snapshot sees, else counted in it. Whoever waits for a summary computes it on the
   * connection it already holds, so a burst of requests never waits on the pool for it.
   */
  private async liveSummary(snapshot: EntityManager, at: ReportMoment): Promise<ReportSummary> {
    const { params } = at;
    const key = JSON.stringify([
      params.filters,
      at.reportDate,
      at.periodFrom.toISOString(),
      at.updatedFrom.toISOString(),
    ]);
    const moment = { today: at.reportDate, periodFrom: at.periodFrom, updatedFrom: at.updatedFrom };
    const filter = sqlFilter(params.filters, at.reportDate);
    const { programmeId } = params;
    return this.cache.get(snapshot, programmeId, key, {
      count: (buckets) =>
        this.reader.countBucketGroups(snapshot, programmeId, moment, filter, buckets),
      names: {
        tracks: () => this.names.tracks(snapshot, programmeId),
        organisations: () => this.names.organisations(snapshot),
        commitments: (buckets) => this.names.commitments(snapshot, programmeId, buckets),
      },
    });
  }

  private async *actions(
    snapshot: ReportSnapshot,
    at: ReportMoment,
    references: ReportReferenceData,
  ): AsyncGenerator<ReportAction> {
    try {
      const manager = snapshot.manager;
      const changes = at.params.since
        ? changesByAction(
            await this.history.changesAfter(
              manager,
              at.params.programmeId,
              'action',
              at.params.since,
            ),
          )
        : new Map<string, RecordedChange[]>();
      const names = new ReportNames(references);
      for await (const batch of this.reader.rows(
        manager,
        at.params.programmeId,
        { asOf: at.params.asOf, since: at.params.since },
        sqlFilter(at.params.filters, at.reportDate),
      )) {
        for (const row of batch) yield mapReportAction(row, changes.get(row.id) ?? [], at, names);
      }
    } finally {
      await snapshot.release();
    }
  }
}
