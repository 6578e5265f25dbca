import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Writable } from 'node:stream';
import { AuditService } from '@app/audit';
import {
  APP_CONFIG,
  type AppConfig,
  Clock,
  encodeCursor,
  JobName,
  type KeysetPage,
  OutboxService,
  type PageQueryDto,
  Transactions,
} from '@app/core';
import { assertAllowed, Permission, type Principal, ProgrammesService } from '@app/identity';
import { SpreadsheetRowsReader } from '@app/tracking';
import type {
  ChooseRowsDto,
  CreateImportBody,
  ImportTemplateQuery,
  ListImportRowsQuery,
} from './dto/import.params';
import type { ImportRowBody } from './dto/import-row.response';
import type { ImportBody } from './dto/import.response';
import { listCursor, rowsCursor } from './import-cursors';
import { actionRows, choiceLists } from './import-template';
import { mapImport, mapImportRow } from './import.mapper';
import { ImportErrors } from './imports.errors';
import { type ImportRow, ImportsRepository } from './imports.repository';
import { ImportPlanner } from './planning/import-planner';
import { commitmentSheetValues } from './sheet/row-values';
import type { SheetLanguage } from './sheet/sheet-columns';
import { BOOLEAN_LABELS } from './sheet/vocabulary';
import { cleanFilename, type UploadedFile } from './uploaded-file';
import { writeImportWorkbook } from './workbook';
import type { WorkbookContent } from './workbook/workbook-content';

/**
 * Spreadsheet imports (issue 19) as the API offers them: the workbook to fill in, the upload
 * (its dry run made by the worker), the dry run's rows, the choices on conflicts, and the
 * apply (made by the worker). Coordinators of the programme only.
 */
@Injectable()
export class ImportsService {
  private readonly logger = new Logger(ImportsService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly transactions: Transactions,
    private readonly imports: ImportsRepository,
    private readonly planner: ImportPlanner,
    private readonly rows: SpreadsheetRowsReader,
    private readonly programmes: ProgrammesService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** The import workbook, empty or filled with the programme's commitments and actions. */
  async template(
    principal: Principal,
    programmeId: string,
    query: ImportTemplateQuery,
  ): Promise<{ filename: string; write: (out: Writable) => Promise<void> }> {
    assertAllowed(principal, Permission.ImportsManage, { programmeId });
    const programme = await this.programmes.get(principal, programmeId);
    const lang: SheetLanguage = query.lang ?? 'nl';
    const names = await this.planner.names(programmeId);
    const content: WorkbookContent = {
      lang,
      programmeName: programme.name,
      generatedAt: this.clock.now(),
      lists: {
        organisations: names.organisationCodes(),
        tracks: names.trackNames(),
        choices: choiceLists(lang),
        booleans: BOOLEAN_LABELS[lang],
      },
      rows: query.filled
        ? {
            commitments: [...names.commitmentsById.values()].map((c) =>
              commitmentSheetValues(c, names, lang),
            ),
            actions: actionRows(this.rows, programmeId, names, lang),
          }
        : { commitments: [], actions: [] },
    };
    const day = this.clock.now().toISOString().slice(0, 10);
    const kind = query.filled ? (lang === 'nl' ? 'gevuld' : 'filled') : 'template';
    return {
      filename: `import-${kind}-${day}.xlsx`,
      write: (out) => writeImportWorkbook(content, out),
    };
  }

  /** Stores the file and asks the worker for its dry run, in one transaction. */
  async upload(
    principal: Principal,
    programmeId: string,
    file: UploadedFile | undefined,
    body: CreateImportBody,
  ): Promise<ImportBody> {
    assertAllowed(principal, Permission.ImportsManage, { programmeId });
    await this.programmes.get(principal, programmeId);
    if (!file) throw ImportErrors.fileMissing();
    if (file.size > this.config.imports.maxBytes)
      throw ImportErrors.fileTooLarge(this.config.imports.maxBytes);
    if (file.size === 0) throw ImportErrors.fileEmpty();
    const now = this.clock.now();
    const row = await this.transactions.run(async (manager) => {
      const created = await this.imports.insert(
        manager,
        {
          programmeId,
          requesterUserId: principal.userId,
          filename: cleanFilename(file.originalname),
          sizeBytes: file.size,
          lang: body.lang ?? 'nl',
          expiresAt: new Date(now.getTime() + this.config.imports.retentionHours * 3_600_000),
        },
        file.buffer,
      );
      await this.outbox.record(manager, {
        name: JobName.ImportPlan,
        data: { importId: created.id },
      });
      await this.audit.record(manager, {
        operation: 'create',
        entityType: 'import',
        entityId: created.id,
        programmeId,
        details: { filename: created.filename, sizeBytes: created.sizeBytes },
      });
      return created;
    });
    return mapImport(row, 0);
  }

  /** The programme's imports still kept, newest first. */
  async list(
    principal: Principal,
    programmeId: string,
    query: PageQueryDto,
  ): Promise<KeysetPage<ImportBody>> {
    assertAllowed(principal, Permission.ImportsManage, { programmeId });
    const page = await this.imports.listForProgramme(
      programmeId,
      query.cursor ? listCursor(query.cursor) : null,
      query.limit + 1,
    );
    const items = page.slice(0, query.limit);
    const last = items[items.length - 1];
    return {
      items: await Promise.all(items.map((row) => this.view(row))),
      nextCursor:
        page.length > query.limit && last
          ? encodeCursor({
              direction: 'next',
              sort: '-createdAt',
              values: [new Date(last.createdAt).toISOString(), last.id],
            })
          : undefined,
    };
  }

  async get(principal: Principal, programmeId: string, importId: string): Promise<ImportBody> {
    const row = await this.own(principal, programmeId, importId);
    return this.view(row);
  }

  /** A page of the dry run's rows (and, after the apply, what it did to each). */
  async listRows(
    principal: Principal,
    programmeId: string,
    importId: string,
    query: ListImportRowsQuery,
  ): Promise<KeysetPage<ImportRowBody>> {
    await this.own(principal, programmeId, importId);
    const page = await this.imports.rowsPage(
      importId,
      { outcomes: query.outcome, sheet: query.sheet, results: query.result },
      query.cursor ? rowsCursor(query.cursor) : 0,
      query.limit + 1,
    );
    const more = page.length > query.limit;
    const items = page.slice(0, query.limit);
    return {
      items: items.map((row) =>
        mapImportRow(
          row,
          row.result === 'applied' || ['update', 'unchanged', 'conflict'].includes(row.outcome),
        ),
      ),
      nextCursor: more
        ? encodeCursor({
            direction: 'next',
            sort: 'position',
            values: [String(items[items.length - 1].position)],
          })
        : undefined,
    };
  }

  /** Takes the sheet's values or keeps the app's, per conflicting row. */
  async choose(
    principal: Principal,
    programmeId: string,
    importId: string,
    dto: ChooseRowsDto,
  ): Promise<ImportBody> {
    await this.own(principal, programmeId, importId);
    const row = await this.transactions.run(async (manager) => {
      const locked = await this.imports.lock(manager, importId);
      if (!locked || locked.status !== 'planned')
        throw ImportErrors.notPlanned(locked?.status ?? 'gone');
      const chosen = new Set(await this.imports.choose(manager, importId, dto.choices));
      const wrong = dto.choices.map((c) => c.position).filter((position) => !chosen.has(position));
      if (wrong.length > 0) throw ImportErrors.notConflicts(wrong.slice(0, 20));
      await this.audit.record(manager, {
        operation: 'update',
        entityType: 'import',
        entityId: importId,
        programmeId,
        details: {
          sheet: dto.choices.filter((c) => c.choice === 'sheet').length,
          app: dto.choices.filter((c) => c.choice === 'app').length,
        },
      });
      return locked;
    });
    return this.view(row);
  }

  /** Asks the worker to apply the dry run, as the caller; conflicts must all have a choice. */
  async apply(principal: Principal, programmeId: string, importId: string): Promise<ImportBody> {
    await this.own(principal, programmeId, importId);
    const row = await this.transactions.run(async (manager) => {
      const locked = await this.imports.lock(manager, importId);
      if (!locked || locked.status !== 'planned')
        throw ImportErrors.notPlanned(locked?.status ?? 'gone');
      const unresolved = await this.imports.unresolvedConflicts(importId, manager);
      if (unresolved > 0) throw ImportErrors.conflictsUnresolved(unresolved);
      // The dry run describes the programme as it was at the upload. Another import applied
      // since could have created its new rows already (a second dry run of the same file):
      // ids are new per dry run and only updates are held to a version, so it would double them.
      await this.imports.lockApplies(manager, programmeId);
      const since = locked.createdAt;
      if (
        await this.imports.appliedSince(manager, programmeId, importId, since, this.clock.now())
      ) {
        throw ImportErrors.outdated();
      }
      const applying = await this.imports.requestApply(
        manager,
        importId,
        principal.userId,
        this.clock.now(),
      );
      await this.outbox.record(manager, { name: JobName.ImportApply, data: { importId } });
      await this.audit.record(manager, {
        operation: 'status_change',
        entityType: 'import',
        entityId: importId,
        programmeId,
        changes: { status: { old: 'planned', new: 'applying' } },
      });
      return applying;
    });
    return this.view(row);
  }

  /** Deletes the imports past their retention (with their files and rows). */
  async purge(): Promise<number> {
    const deleted = await this.imports.purge(this.clock.now());
    if (deleted > 0)
      this.logger.log({ event: 'imports_purged', deleted }, 'Expired imports deleted');
    return deleted;
  }

  private async view(row: ImportRow): Promise<ImportBody> {
    const unresolved =
      row.status === 'planned' ? await this.imports.unresolvedConflicts(row.id) : 0;
    return mapImport(row, unresolved);
  }

  /** An import of this programme, for one who may import into it; anything else is not found. */
  private async own(
    principal: Principal,
    programmeId: string,
    importId: string,
  ): Promise<ImportRow> {
    assertAllowed(principal, Permission.ImportsManage, { programmeId });
    const row = await this.imports.find(importId);
    if (!row || row.programmeId !== programmeId || row.expiresAt <= this.clock.now()) {
      throw ImportErrors.notFound();
    }
    return row;
  }
}
