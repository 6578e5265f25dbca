import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditHistory } from '@app/audit';
import { Clock } from '@app/core';
import { ActionReportReader, type ActionReportRow } from '@app/tracking';
import type {
  OpenReport,
  ReportAction,
  ReportHeader,
  ReportParameters,
  ReportSummary,
} from './progress-report.model';
import { changesByAction, mapReportAction, rewoundOwner } from './report-action.mapper';
import { matchesFilters } from './report-filters';
import { reportHeader, type ReportMoment } from './report-moment';
import { ReportNames } from './report-names';
import { readOnly } from './report-snapshot';
import { foldSummary, groupOf } from './summary';

interface PastReport {
  header: ReportHeader;
  summary: ReportSummary;
  actions: ReportAction[];
}

/**
 * Reports of the past: each action is rewound from its current state through the audit log's
 * recorded changes, with the narrative and positions of the timeline up to the moment; the
 * filters, the summary and the order follow in memory, since SQL sees the actions as they stand.
 */
@Injectable()
export class PastProgressReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reader: ActionReportReader,
    private readonly history: AuditHistory,
    private readonly clock: Clock,
  ) {}

  /** How many actions existed at `asOf` (before the filters): the most a report of then lists. */
  size(params: ReportParameters): Promise<number> {
    return this.reader.countAt(this.dataSource.manager, params.programmeId, params.asOf);
  }

  /** The header and summary of a report of the past (its actions are rebuilt all the same). */
  async summary(at: ReportMoment): Promise<{ header: ReportHeader; summary: ReportSummary }> {
    const past = await readOnly(this.dataSource, (manager) => this.rebuild(manager, at));
    return { header: past.header, summary: past.summary };
  }

  /** The whole report of the past, rebuilt in memory first: nothing to close. */
  async report(at: ReportMoment): Promise<OpenReport> {
    const past = await readOnly(this.dataSource, (manager) => this.rebuild(manager, at));
    return {
      header: past.header,
      summary: past.summary,
      actions: iterate(past.actions),
      close: () => Promise.resolve(),
    };
  }

  /** Every action rewound to `asOf`, filtered, summarised and sorted. */
  private async rebuild(manager: EntityManager, at: ReportMoment): Promise<PastReport> {
    const { params } = at;
    const references = await this.reader.references(manager, params.programmeId);
    const header = reportHeader(at, references.programme, this.clock.now());
    const from = params.since && params.since < params.asOf ? params.since : params.asOf;
    const changes = changesByAction(
      await this.history.changesAfter(manager, params.programmeId, 'action', from),
    );
    const names = new ReportNames(references);
    const rows: ActionReportRow[] = [];
    for await (const batch of this.reader.rows(
      manager,
      params.programmeId,
      { asOf: params.asOf, since: params.since },
      {},
    )) {
      rows.push(...batch);
    }
    const owners = rows.flatMap((row) => rewoundOwner(row, changes.get(row.id) ?? [], at));
    names.addUsers(await this.reader.userNames(manager, [...new Set(owners)]));
    const actions = rows
      .map((row) => mapReportAction(row, changes.get(row.id) ?? [], at, names))
      .filter((action) => matchesFilters(action, params.filters));
    actions.sort(names.reportOrder);
    const summary = foldSummary(
      actions.map((action) => groupOf(action, { ...at, today: at.reportDate })),
      references,
    );
    return { header, summary, actions };
  }
}

/** An array as the stream of actions a renderer takes. */
function iterate<T>(items: readonly T[]): AsyncIterable<T> {
  return {
    [Symbol.asyncIterator]: () => {
      let index = 0;
      return {
        next: () =>
          Promise.resolve(
            index < items.length
              ? { value: items[index++], done: false }
              : { value: undefined, done: true as const },
          ),
      };
    },
  };
}
