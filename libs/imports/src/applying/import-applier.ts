import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditContext, AuditHistory, type MarkedEvent } from '@app/audit';
import {
  type ActionChangeFollowUp,
  Clock,
  DomainError,
  type JobRequest,
  loggableError,
} from '@app/core';
import { auditActorOf, decide, PeopleDirectory, Permission, type Principal } from '@app/identity';
import {
  actionsChanged,
  ActionsService,
  CommitmentsService,
  type CreateActionDto,
  type CreateCommitmentDto,
  type CreateProgressUpdateDto,
  formatEtag,
  SpreadsheetRowsReader,
  type UpdateActionDto,
  type UpdateCommitmentDto,
} from '@app/tracking';
import { ImportRunsRepository } from '../import-runs.repository';
import {
  type ImportRow,
  ImportsRepository,
  type RowResult,
  type StoredRow,
} from '../imports.repository';
import { referenceKey } from '../sheet/programme-names';

/** Rows applied between two recorded resume points. */
export const APPLY_BATCH = 100;

type Step = 'create' | 'update' | 'progress';
type RowOutcome = { result: RowResult; detail: StoredRow['resultDetail'] };
const ENTITY_TYPE = { actions: 'action', commitments: 'commitment' } as const;

/**
 * Applies a dry run (issue 19, item 4): row after row, each change through the services the
 * API uses (state machine, reasons, audit event per change, outbox, reminders re-planned), as
 * the person who asked for the apply. Each event carries the import's id, row and step, and
 * commits with its change: a run that was killed resumes after the last recorded batch and
 * asks the audit log which steps of that batch committed, so no row is applied twice.
 *
 * What follows the changes (reminders planned again, owners told) is one ActionsChanged job a
 * batch, recorded with the batch's resume point rather than one job a row, and made from the
 * audit log's record of the batch's steps: a resumed batch, a run another took over and an
 * import that fails for good all follow up every step that committed.
 */
@Injectable()
export class ImportApplier {
  private readonly logger = new Logger(ImportApplier.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly imports: ImportsRepository,
    private readonly importRuns: ImportRunsRepository,
    private readonly people: PeopleDirectory,
    private readonly actions: ActionsService,
    private readonly commitments: CommitmentsService,
    private readonly rows: SpreadsheetRowsReader,
    private readonly history: AuditHistory,
    private readonly clock: Clock,
  ) {}

  async apply(importId: string, lastAttempt: boolean): Promise<void> {
    const started = await this.importRuns.startApply(importId);
    if (!started) return;
    const began = Date.now();
    let principal: Principal | undefined;
    // The batch in hand, whose follow-up goes with the import's failure if it comes to that.
    let batch: StoredRow[] = [];
    try {
      principal = await this.people.actingAs(started.applierUserId ?? '');
      const allowed =
        principal !== undefined &&
        decide(principal, Permission.ImportsManage, { programmeId: started.programmeId }) ===
          'allow';
      let through = started.appliedThrough;
      for (;;) {
        batch = await this.imports.pendingRows(importId, through, APPLY_BATCH);
        if (batch.length === 0) break;
        const done = await this.stepsDone(importId, batch);
        const existing = await this.existing(batch);
        const results: {
          position: number;
          result: RowResult;
          detail: StoredRow['resultDetail'];
        }[] = [];
        for (const row of batch) {
          const outcome = allowed
            ? await this.applyRow(started, principal, row, done, existing)
            : {
                result: 'skipped' as const,
                detail: {
                  code: 'APPLIER_NOT_ALLOWED',
                  reason:
                    'The person who asked for the apply may no longer import into this programme.',
                },
              };
          results.push({ position: row.position, ...outcome });
        }
        through = batch[batch.length - 1].position;
        const recorded = await this.importRuns.recordBatch(
          importId,
          started.runs,
          results,
          through,
          await this.followUp(importId, principal, batch),
        );
        if (!recorded) return;
      }
      await this.importRuns.finishApply(importId, started.runs, this.clock.now());
      this.logger.log(
        { event: 'import_applied', importId, rows: started.rowsTotal, ms: Date.now() - began },
        'Import applied',
      );
    } catch (error) {
      this.logger.warn(
        { event: 'import_apply_failed', importId, error: loggableError(error) },
        'Import apply failed',
      );
      if (lastAttempt) {
        await this.importRuns.fail(
          importId,
          started.runs,
          { code: 'APPLY_FAILED' },
          true,
          // Best effort: the import is marked failed even if its follow-up cannot be read.
          await this.followUp(importId, principal, batch).catch(() => undefined),
        );
        return;
      }
      throw error;
    }
  }

  /**
   * What follows the batch's changes to actions (one ActionsChanged job, or none), read from
   * the audit log: every row with a step on record, whichever run made it, with the status
   * its progress set and the owner its create or update gave. The same answer after a kill,
   * for a run another took over, and when the import fails for good: none is lost.
   */
  private async followUp(
    importId: string,
    principal: Principal | undefined,
    batch: readonly StoredRow[],
  ): Promise<JobRequest | undefined> {
    const actionRows = batch.filter((row) => row.sheet === 'actions' && row.entityId !== null);
    const marks = await this.history.marked(
      this.dataSource.manager,
      'action',
      actionRows.map((row) => row.entityId!),
      { importId },
    );
    const byRow = new Map<number, MarkedEvent[]>();
    for (const mark of marks) {
      const position = Number(mark.details.importRow);
      byRow.set(position, [...(byRow.get(position) ?? []), mark]);
    }
    const changes: ActionChangeFollowUp[] = [];
    for (const row of actionRows) {
      const steps = byRow.get(row.position);
      if (!steps) continue;
      const change = (step: Step, field: string) =>
        steps.find((mark) => mark.details.importStep === step)?.changes?.[field];
      const status = change('progress', 'status');
      const owner = change('update', 'ownerUserId') ?? change('create', 'ownerUserId');
      changes.push({
        actionId: row.entityId!,
        changeKey: `import:${importId}:row:${row.position}`,
        ...(status !== undefined && { status: status.new as string }),
        ...(owner !== undefined && { ownerUserId: (owner.new ?? null) as string | null }),
      });
    }
    return changes.length > 0 ? actionsChanged(principal ?? null, changes) : undefined;
  }

  /** The steps of these rows whose audit events are on record: they committed. */
  private async stepsDone(importId: string, batch: readonly StoredRow[]): Promise<Set<string>> {
    const done = new Set<string>();
    for (const sheet of ['commitments', 'actions'] as const) {
      const ids = batch
        .filter((row) => row.sheet === sheet && row.entityId !== null)
        .map((row) => row.entityId!);
      const marks = await this.history.marked(this.dataSource.manager, ENTITY_TYPE[sheet], ids, {
        importId,
      });
      for (const { details } of marks) {
        done.add(`${String(details.importRow)}:${String(details.importStep)}`);
      }
    }
    return done;
  }

  /**
   * Which of the entities these rows create exist already (created by a run that was killed
   * before it recorded the batch): beside the audit log's marks, a guard that a create is
   * never tried twice. One query a batch, not one a row.
   */
  private async existing(batch: readonly StoredRow[]): Promise<Set<string>> {
    const creates = (sheet: StoredRow['sheet']) =>
      batch
        .filter((row) => row.sheet === sheet && row.plan?.create && row.entityId !== null)
        .map((row) => row.entityId!);
    const [commitments, actions] = await Promise.all([
      this.rows.existingCommitments(creates('commitments')),
      this.rows.existingActions(creates('actions')),
    ]);
    return new Set([...commitments, ...actions]);
  }

  private async applyRow(
    started: ImportRow,
    principal: Principal | undefined,
    row: StoredRow,
    done: ReadonlySet<string>,
    existing: ReadonlySet<string>,
  ): Promise<RowOutcome> {
    if (row.outcome === 'unchanged') return { result: 'unchanged', detail: null };
    if (row.outcome === 'error') return { result: 'skipped', detail: null };
    if (row.outcome === 'conflict' && row.choice !== 'sheet') {
      return row.choice === 'app'
        ? { result: 'kept', detail: null }
        : { result: 'skipped', detail: null };
    }
    const plan = row.plan ?? {};
    const id = row.entityId!;
    const actor = auditActorOf(principal!);
    const step = <T>(name: Step, work: () => Promise<T>): Promise<T | undefined> =>
      done.has(`${row.position}:${name}`)
        ? Promise.resolve(undefined)
        : AuditContext.runAs(
            actor,
            { importId: started.id, importRow: row.position, importStep: name },
            work,
          );
    // The reference goes with the entity as soon as it exists: should a later step of the row
    // fail, importing the file again finds the row instead of creating it a second time.
    const remember = async () => {
      if (!plan.reference) return;
      await this.imports.setReference(
        started.programmeId,
        row.sheet,
        plan.reference,
        referenceKey(plan.reference),
        id,
      );
    };
    try {
      if (row.sheet === 'commitments') {
        if (plan.create && !existing.has(id)) {
          await step('create', () =>
            this.commitments.create(principal!, plan.create as unknown as CreateCommitmentDto, {
              id,
            }),
          );
        }
        await remember();
        if (plan.update) {
          await step('update', () =>
            this.commitments.update(
              principal!,
              id,
              formatEtag(row.baseVersion!),
              plan.update as UpdateCommitmentDto,
            ),
          );
        }
      } else {
        let version = row.baseVersion ?? 1;
        const follow = { followUpByCaller: true };
        if (plan.create && !existing.has(id)) {
          await step('create', () =>
            this.actions.createRecord(principal!, plan.create as unknown as CreateActionDto, {
              id,
              ...follow,
            }),
          );
        }
        await remember();
        if (plan.update) {
          const update = plan.update as UpdateActionDto;
          const updated = await step('update', () =>
            this.actions.updateRecord(principal!, id, formatEtag(version), update, follow),
          );
          // An update that changed nothing keeps the version; one on record moved it.
          version = updated?.version ?? version + 1;
        }
        if (plan.progress) {
          const progress = plan.progress as CreateProgressUpdateDto;
          await step('progress', () =>
            this.actions.postProgress(principal!, id, formatEtag(version), progress, follow),
          );
        }
      }
      return { result: 'applied', detail: null };
    } catch (error) {
      // What the API would have refused (a 4xx) fails the row, not the import: the steps of
      // it that did commit are followed up all the same (they are on record).
      if (error instanceof DomainError) {
        return { result: 'failed', detail: { code: error.code, reason: reasonOf(error) } };
      }
      throw error;
    }
  }
}

function reasonOf(error: DomainError): string {
  const params = error.invalidParams?.map((p) => `${p.name} ${p.reason}`).join('; ');
  return params ? `${error.message} ${params}` : error.message;
}
