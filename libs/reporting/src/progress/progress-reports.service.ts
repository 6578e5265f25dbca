import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { AuditHistory, type RecordedChange } from '@app/audit';
import { amsterdamDate, Clock } from '@app/core';
import { IdentityErrors } from '@app/identity';
import { addDays, amsterdamInstant } from '@app/reminders';
import {
  ActionReportReader,
  type ActionReportFilter,
  type ActionReportRow,
  isClosed,
  ReportNamesReader,
  type ReportProgramme,
  type ReportReferenceData,
} from '@app/tracking';
import type { ReportOptionsQuery } from './dto/progress-report.query';
import type {
  OpenReport,
  ReportAction,
  ReportFilters,
  ReportHeader,
  ReportParameters,
  ReportSummary,
} from './progress-report.model';
import { ReportErrors } from './report.errors';
import { differences, rewind, stateOf, type RewoundState } from './rewind';
import { LiveSummaryCache } from './live-summary.cache';
import { foldSummary, groupOf } from './summary';

/**
 * Report queries read a whole programme: far above the planner's JIT threshold, where
 * compiling costs more (0.3–1.7 s at 100,000 actions) than it saves.
 */
const NO_JIT = 'SET LOCAL jit = off';

/** How long a streamed report may wait on a reader that stopped reading. */
const STALLED_READER_SECONDS = 120;

/** The days of "updated lately" and of the default period. */
const WINDOW_DAYS = 30;

/** A report's parameters resolved to instants and days. */
interface Moment {
  params: ReportParameters;
  /** Whether the report describes now (the live tables) rather than a reconstructed past. */
  live: boolean;
  reportDate: string;
  periodFrom: Date;
  updatedFrom: Date;
  in30: string;
  in90: string;
}

/**
 * Progress reports (issue 7): a programme's actions as of a moment, summarised and listed.
 * A report of now reads the live tables: its summary is one GROUP BY, cached per programme
 * data version (migration 1795453200000 keeps the version); a report of the past rewinds each
 * action from its current state through the audit log's recorded changes, and takes the
 * narrative and positions of the timeline up to the moment.
 */
@Injectable()
export class ProgressReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reader: ActionReportReader,
    private readonly history: AuditHistory,
    private readonly clock: Clock,
    private readonly cache: LiveSummaryCache,
    private readonly names: ReportNamesReader,
  ) {}

  /** The parameters of a report from its query: instants, defaults, and their checks. */
  parameters(programmeId: string, query: ReportOptionsQuery): ReportParameters {
    const now = this.clock.now();
    const problems: { name: string; reason: string }[] = [];
    const read = (name: 'asOf' | 'since', edge: 'start' | 'end'): Date | null => {
      const value = query[name];
      if (value === undefined) return null;
      const instant = moment(value, edge);
      if (instant) return instant;
      problems.push({ name, reason: `${name} is not a date or time that exists` });
      return null;
    };
    const asOf = read('asOf', 'end') ?? now;
    const since = read('since', 'start');
    if (asOf > now) problems.push({ name: 'asOf', reason: 'asOf must not lie in the future' });
    if (since && since >= asOf) {
      problems.push({ name: 'since', reason: 'since must lie before asOf' });
    }
    if (problems.length > 0) throw ReportErrors.invalidMoment(problems);
    const filters: ReportFilters = {
      track: query.track,
      commitmentKind: query.commitmentKind,
      ownerOrganisation: query.ownerOrganisation,
      partnerOrganisation: query.partnerOrganisation,
      status: query.status,
      health: query.health,
      escalationLevel: query.escalationLevel,
      overdue: query.overdue,
    };
    return {
      programmeId,
      asOf,
      since,
      filters: Object.fromEntries(
        Object.entries(filters).filter(([, value]) => value !== undefined),
      ),
      lang: query.lang ?? 'nl',
      live: query.asOf === undefined,
    };
  }

  /**
   * The most actions a report lists: of a report of the past, those that existed at its
   * moment (before its filters); null for a report of now, which streams.
   */
  async pastSize(params: ReportParameters): Promise<number | null> {
    if (params.live) return null;
    return this.reader.countAt(this.dataSource.manager, params.programmeId, params.asOf);
  }

  /** The header and summary of a report. */
  async summary(
    params: ReportParameters,
  ): Promise<{ header: ReportHeader; summary: ReportSummary }> {
    const at = this.moment(params);
    if (at.live) {
      return this.readOnly(async (manager) => {
        // The programme's name has no version: read every time (the other names are kept).
        const header = this.header(at, await this.names.programme(manager, params.programmeId));
        return { header, summary: await this.liveSummary(manager, at) };
      });
    }
    const past = await this.readOnly((manager) => this.past(manager, at));
    return { header: past.header, summary: past.summary };
  }

  /**
   * The whole report; the caller closes it when done. A report of now reads its summary and
   * streams its actions from one read-only snapshot (so a change committed meanwhile is in
   * neither), which ends with the stream, when the reader stops early, or at `close`; a report
   * of the past is reconstructed in memory first.
   */
  async report(params: ReportParameters): Promise<OpenReport> {
    const at = this.moment(params);
    if (!at.live) {
      const past = await this.readOnly((manager) => this.past(manager, at));
      return {
        header: past.header,
        summary: past.summary,
        actions: iterate(past.actions),
        close: () => Promise.resolve(),
      };
    }
    const snapshot = await Snapshot.open(this.dataSource);
    try {
      const references = await this.reader.references(snapshot.manager, params.programmeId);
      const header = this.header(at, references.programme);
      const summary = await this.liveSummary(snapshot.manager, at);
      return {
        header,
        summary,
        actions: this.liveActions(snapshot, at, references),
        close: () => snapshot.release(),
      };
    } catch (error) {
      await snapshot.release();
      throw error;
    }
  }

  private moment(params: ReportParameters): Moment {
    const live = params.live;
    // A date means the end of that day: the report's day is the day before that instant.
    const reportDate = amsterdamDate(new Date(params.asOf.getTime() - 1));
    const windowStart = amsterdamInstant(addDays(reportDate, -WINDOW_DAYS), 0);
    return {
      params,
      live,
      reportDate,
      periodFrom: params.since ?? windowStart,
      updatedFrom: windowStart,
      in30: addDays(reportDate, 30),
      in90: addDays(reportDate, 90),
    };
  }

  private header(at: Moment, programme: ReportProgramme | null): ReportHeader {
    if (!programme) throw IdentityErrors.notFound('programme');
    return {
      programme: { id: programme.id, name: programme.name },
      asOf: at.params.asOf.toISOString(),
      since: at.params.since?.toISOString() ?? null,
      period: { from: at.periodFrom.toISOString(), to: at.params.asOf.toISOString() },
      reportDate: at.reportDate,
      generatedAt: this.clock.now().toISOString(),
      filters: at.params.filters,
      lang: at.params.lang,
    };
  }

  /**
   * The summary of a report of now, read in `snapshot`: the one kept for the version that
   * snapshot sees, else counted in it. Whoever waits for a summary computes it on the
   * connection it already holds, so a burst of requests never waits on the pool for it.
   */
  private async liveSummary(snapshot: EntityManager, at: Moment): Promise<ReportSummary> {
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

  private async *liveActions(
    snapshot: Snapshot,
    at: Moment,
    references: ReportReferenceData,
  ): AsyncGenerator<ReportAction> {
    try {
      const manager = snapshot.manager;
      const changes = at.params.since
        ? byEntity(
            await this.history.changesAfter(
              manager,
              at.params.programmeId,
              'action',
              at.params.since,
            ),
          )
        : new Map<string, RecordedChange[]>();
      const names = new Names(references);
      for await (const batch of this.reader.rows(
        manager,
        at.params.programmeId,
        { asOf: at.params.asOf, since: at.params.since },
        sqlFilter(at.params.filters, at.reportDate),
      )) {
        for (const row of batch) yield toAction(row, changes.get(row.id) ?? [], at, names);
      }
    } finally {
      await snapshot.release();
    }
  }

  /** A report of the past: every action rewound to `asOf`, filtered, summarised and sorted. */
  private async past(
    manager: EntityManager,
    at: Moment,
  ): Promise<{ header: ReportHeader; summary: ReportSummary; actions: ReportAction[] }> {
    const { params } = at;
    const references = await this.reader.references(manager, params.programmeId);
    const header = this.header(at, references.programme);
    const from = params.since && params.since < params.asOf ? params.since : params.asOf;
    const changes = byEntity(
      await this.history.changesAfter(manager, params.programmeId, 'action', from),
    );
    const names = new Names(references);
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
      .map((row) => toAction(row, changes.get(row.id) ?? [], at, names))
      .filter((action) => matches(action, params.filters));
    actions.sort(names.reportOrder);
    const summary = foldSummary(
      actions.map((action) => groupOf(action, { ...at, today: at.reportDate })),
      references,
    );
    return { header, summary, actions };
  }

  private async readOnly<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      await manager.query('SET TRANSACTION READ ONLY');
      await manager.query(NO_JIT);
      return work(manager);
    });
  }
}

/**
 * A read-only REPEATABLE READ transaction on a connection of its own, for a report of now:
 * its summary and its rows see the same data. Released once, by whoever is done first.
 */
class Snapshot {
  private released = false;

  private constructor(private readonly runner: QueryRunner) {}

  static async open(dataSource: DataSource): Promise<Snapshot> {
    const runner = dataSource.createQueryRunner('slave');
    await runner.connect();
    const snapshot = new Snapshot(runner);
    try {
      await runner.startTransaction('REPEATABLE READ');
      await runner.query('SET TRANSACTION READ ONLY');
      await runner.query(NO_JIT);
      // A client that stops reading leaves the transaction idle: PostgreSQL ends it after this,
      // the stream fails, and the connection is the pool's again.
      await runner.query(
        `SET LOCAL idle_in_transaction_session_timeout = '${STALLED_READER_SECONDS}s'`,
      );
      return snapshot;
    } catch (error) {
      await snapshot.release();
      throw error;
    }
  }

  get manager(): EntityManager {
    return this.runner.manager;
  }

  /** Ends the transaction (it only read) and hands the connection back. */
  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    try {
      if (this.runner.isTransactionActive) await this.runner.rollbackTransaction();
    } catch {
      // A connection PostgreSQL ended (a stalled reader) is released all the same.
    } finally {
      await this.runner.release();
    }
  }
}

/**
 * An RFC 3339 instant, or a date: its start, or its end (the start of the next day). Null for
 * one that does not exist (30 February, 25:61): the pattern only checks the shape.
 */
function moment(value: string, edge: 'start' | 'end'): Date | null {
  const day = value.slice(0, 10);
  const calendar = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(calendar.getTime()) || calendar.toISOString().slice(0, 10) !== day) return null;
  if (value.length > 10) {
    const [hours, minutes, seconds] = value.slice(11, 19).split(':').map(Number);
    const instant = new Date(value);
    if (hours > 23 || minutes > 59 || seconds > 59 || Number.isNaN(instant.getTime())) return null;
    return instant;
  }
  return amsterdamInstant(edge === 'start' ? day : addDays(day, 1), 0);
}

function sqlFilter(filters: ReportFilters, today: string): ActionReportFilter {
  return {
    trackId: filters.track,
    commitmentKind: filters.commitmentKind,
    ownerOrganisationId: filters.ownerOrganisation,
    partnerOrganisationId: filters.partnerOrganisation,
    statuses: filters.status,
    healths: filters.health,
    escalationLevels: filters.escalationLevel,
    overdue: filters.overdue === undefined ? undefined : { value: filters.overdue, today },
  };
}

/** The same filters as `sqlFilter`, on a reconstructed action. */
function matches(action: ReportAction, filters: ReportFilters): boolean {
  if (filters.track && action.track?.id !== filters.track) return false;
  if (filters.commitmentKind && action.commitment?.kind !== filters.commitmentKind) return false;
  if (filters.ownerOrganisation && action.ownerOrganisation.id !== filters.ownerOrganisation) {
    return false;
  }
  if (
    filters.partnerOrganisation &&
    !action.partners.some((p) => p.organisation.id === filters.partnerOrganisation)
  ) {
    return false;
  }
  if (filters.status?.length && !filters.status.includes(action.status)) return false;
  if (filters.health?.length && !filters.health.includes(action.health)) return false;
  if (
    filters.escalationLevel?.length &&
    !filters.escalationLevel.includes(action.escalationLevel ?? 'none')
  ) {
    return false;
  }
  if (filters.overdue !== undefined && action.overdue !== filters.overdue) return false;
  return true;
}

function byEntity(changes: readonly RecordedChange[]): Map<string, RecordedChange[]> {
  const map = new Map<string, RecordedChange[]>();
  for (const change of changes) {
    const list = map.get(change.entityId);
    if (list) list.push(change);
    else map.set(change.entityId, [change]);
  }
  return map;
}

function statesOf(
  row: ActionReportRow,
  changes: readonly RecordedChange[],
  at: Moment,
): { state: RewoundState; earlier: RewoundState | null } {
  const { asOf, since } = at.params;
  const state = rewind(
    stateOf(row),
    changes.filter((c) => c.occurredAt > asOf),
  );
  const earlier = since
    ? rewind(
        state,
        changes.filter((c) => c.occurredAt > since && c.occurredAt <= asOf),
      )
    : null;
  return { state, earlier };
}

function rewoundOwner(
  row: ActionReportRow,
  changes: readonly RecordedChange[],
  at: Moment,
): string[] {
  const owner = statesOf(row, changes, at).state.ownerUserId;
  return owner && owner !== row.ownerUserId ? [owner] : [];
}

function toAction(
  row: ActionReportRow,
  changes: readonly RecordedChange[],
  at: Moment,
  names: Names,
): ReportAction {
  const { state, earlier } = statesOf(row, changes, at);
  const closed = isClosed(state.status);
  // When it was closed: the timeline entry that closed it (a report of now and one of the past
  // then read the same moment); an action closed without one, the column.
  const closedAt = !closed
    ? null
    : (row.lastClosingAt ?? (state.status === row.status ? row.closedAt : null));
  const commitment = state.commitmentId ? names.commitment(state.commitmentId) : null;
  const positions = new Map(row.positions.map((p) => [p.organisationId, p]));
  return {
    id: row.id,
    title: state.title,
    track: state.trackId ? names.track(state.trackId) : null,
    commitment,
    ownerOrganisation: names.organisation(state.ownerOrganisationId),
    ownerUser: state.ownerUserId
      ? {
          id: state.ownerUserId,
          name:
            state.ownerUserId === row.ownerUserId
              ? (row.ownerUserName ?? '')
              : names.user(state.ownerUserId),
        }
      : null,
    partners: state.partners.map((entry) => {
      const [organisationId, role] = entry.split(':');
      const position = positions.get(organisationId);
      return {
        organisation: names.organisation(organisationId),
        role: role as ReportAction['partners'][number]['role'],
        position: position?.position ?? null,
        positionStatedAt: position?.statedAt ?? null,
      };
    }),
    deadline: state.deadline,
    status: state.status,
    health: state.health,
    verification: state.verification,
    percentComplete: state.percentComplete,
    rollupWeight: state.rollupWeight,
    overdue: !closed && state.deadline < at.reportDate,
    escalationLevel: state.escalationLevel,
    closedAt,
    latestNarrative:
      row.latestNarrative !== null && row.latestNarrativeAt
        ? { text: row.latestNarrative, at: row.latestNarrativeAt }
        : null,
    lastUpdateAt: row.lastUpdateAt,
    changesSince: earlier === null ? null : changesSince(row, earlier, state, at.params.since!),
  };
}

/** What changed about an action since `since`: created after it, or these fields. */
function changesSince(
  row: ActionReportRow,
  earlier: RewoundState,
  state: RewoundState,
  since: Date,
): ReportAction['changesSince'] {
  const created = new Date(row.createdAt) > since;
  return {
    created,
    fields: created ? [] : differences(earlier, state),
    progressUpdates: row.progressUpdatesSince,
  };
}

/** Names by id for a report, and the report's order of actions. */
class Names {
  private readonly tracks: Map<string, { id: string; name: string; index: number }>;
  private readonly organisations: Map<string, { id: string; code: string; name: string }>;
  private readonly commitments: Map<string, ReportAction['commitment']>;
  private readonly users = new Map<string, string>();

  constructor(references: ReportReferenceData) {
    this.tracks = new Map(
      references.tracks.map((t, index) => [t.id, { id: t.id, name: t.name, index }]),
    );
    this.organisations = new Map(references.organisations.map((o) => [o.id, o]));
    this.commitments = new Map(
      references.commitments.map((c) => [
        c.id,
        {
          id: c.id,
          title: c.title,
          kind: c.kind,
          sourceReference: c.document
            ? c.kamerstuk
              ? `${c.document} (${c.kamerstuk})`
              : c.document
            : null,
        },
      ]),
    );
  }

  track(id: string): ReportAction['track'] {
    const track = this.tracks.get(id);
    return track ? { id: track.id, name: track.name } : null;
  }

  organisation(id: string): ReportAction['ownerOrganisation'] {
    return this.organisations.get(id) ?? { id, code: '?', name: '?' };
  }

  commitment(id: string): ReportAction['commitment'] {
    return this.commitments.get(id) ?? null;
  }

  user(id: string): string {
    return this.users.get(id) ?? '';
  }

  addUsers(users: readonly { id: string; name: string }[]): void {
    for (const user of users) this.users.set(user.id, user.name);
  }

  /** Track order (actions without a track last), then deadline, title and id. */
  readonly reportOrder = (a: ReportAction, b: ReportAction): number => {
    const position = (action: ReportAction) =>
      action.track ? (this.tracks.get(action.track.id)?.index ?? Infinity) : Infinity;
    return (
      position(a) - position(b) ||
      compare(a.deadline, b.deadline) ||
      compare(a.title.toLowerCase(), b.title.toLowerCase()) ||
      compare(a.id, b.id)
    );
  };
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

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
