import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, Clock, loggableError } from '@app/core';
import { PeopleDirectory } from '@app/identity';
import { type SpreadsheetAction, SpreadsheetRowsReader } from '@app/tracking';
import { ImportRunsRepository } from '../import-runs.repository';
import { type ImportNotice, type ImportRow, ImportsRepository } from '../imports.repository';
import { readSpreadsheet } from '../parsing';
import { FileProblem, type RawRow, type ReadLimits } from '../sheet/raw-cells';
import { ProgrammeNames } from '../sheet/programme-names';
import type { SheetKind } from '../sheet/sheet-columns';
import { planActionRow, type PlanContext } from './action-row.planner';
import { planCommitmentRow } from './commitment-row.planner';
import { CommitmentFinder } from './file-commitments';
import { identify, type Identified, RowIdentities } from './row-identity';
import type { PlannedRow } from './planned-row';
import { RowCells } from './row-cells';
import { layoutOf, type SheetLayout } from './sheet-layout';

/** Rows planned and stored together: one lookup of their actions, one INSERT. */
const BATCH = 500;
/**
 * Notices kept, and the characters of a sheet or column name in one: they are returned with
 * the import each time it is read or listed, and a file may name thousands of sheets and
 * columns, each as long as a cell.
 */
const MAX_NOTICES = 50;
const MAX_NOTICE_NAME = 100;
const noticeName = (name: string) =>
  name.length > MAX_NOTICE_NAME ? `${name.slice(0, MAX_NOTICE_NAME - 1)}…` : name;

const DEFAULT_NARRATIVE = {
  nl: (file: string) => `Bijgewerkt met de spreadsheet-import (${file}).`,
  en: (file: string) => `Updated by the spreadsheet import (${file}).`,
};

/** Another run of the dry run took the import over (a stalled job handed out again). */
class Superseded extends Error {}

/**
 * The dry run (issue 19): reads the uploaded file twice, streaming — the commitments sheet
 * first, so that an action row can name a commitment the same file creates — and stores per
 * row what applying it would do, with every error at its cell. Changes nothing else.
 */
@Injectable()
export class ImportPlanner {
  private readonly logger = new Logger(ImportPlanner.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly imports: ImportsRepository,
    private readonly importRuns: ImportRunsRepository,
    private readonly people: PeopleDirectory,
    private readonly rows: SpreadsheetRowsReader,
    private readonly clock: Clock,
  ) {}

  /** The programme's names, as the workbook and the dry run use them. */
  async names(programmeId: string): Promise<ProgrammeNames> {
    const [organisations, tracks, members, commitments, references] = await Promise.all([
      this.people.organisations(),
      this.people.tracks(programmeId),
      this.people.activeMembers(programmeId),
      this.rows.commitments(programmeId),
      this.imports.references(programmeId),
    ]);
    return new ProgrammeNames({ organisations, tracks, members, commitments, references });
  }

  async plan(importId: string, lastAttempt: boolean): Promise<void> {
    const started = await this.importRuns.startPlanning(importId);
    if (!started) return;
    const began = Date.now();
    try {
      const file = await this.imports.file(importId);
      if (!file) return;
      const result = await this.planFile(started, file);
      const finished = await this.importRuns.finishPlanning(
        importId,
        started.runs,
        result,
        this.clock.now(),
      );
      this.logger.log(
        {
          event: 'import_planned',
          importId,
          rows: result.rowsTotal,
          ms: Date.now() - began,
          finished,
        },
        'Import dry run done',
      );
    } catch (error) {
      if (error instanceof Superseded) {
        this.logger.log({ event: 'import_plan_superseded', importId }, 'Dry run taken over');
        return;
      }
      if (error instanceof FileProblem) {
        await this.importRuns.fail(
          importId,
          started.runs,
          { code: error.code, where: error.where },
          false,
        );
        this.logger.log(
          { event: 'import_refused', importId, code: error.code },
          'Import file refused',
        );
        return;
      }
      this.logger.warn(
        { event: 'import_plan_failed', importId, error: loggableError(error) },
        'Import dry run failed',
      );
      if (lastAttempt) {
        await this.importRuns.fail(importId, started.runs, { code: 'PLAN_FAILED' }, false);
        return;
      }
      throw error;
    }
  }

  private async planFile(
    row: ImportRow,
    file: Buffer,
  ): Promise<{ counts: Record<string, number>; notices: ImportNotice[]; rowsTotal: number }> {
    const names = await this.names(row.programmeId);
    const context: PlanContext = {
      programmeId: row.programmeId,
      names,
      commitments: new CommitmentFinder(names),
      now: this.clock.now(),
      defaultNarrative: DEFAULT_NARRATIVE[row.lang](row.filename),
    };
    const limits: ReadLimits = {
      maxRows: this.config.imports.maxRows,
      maxUnzippedBytes: this.config.imports.maxUnzippedBytes,
      maxColumns: 200,
      maxCellChars: 32_767,
    };
    const counts: Record<string, number> = {};
    const notices: ImportNotice[] = [];
    const notice = (found: ImportNotice) => {
      if (notices.length >= MAX_NOTICES) return;
      notices.push({
        ...found,
        ...(found.sheet !== undefined && { sheet: noticeName(found.sheet) }),
        ...(found.column !== undefined && { column: noticeName(found.column) }),
      });
    };
    const identities = new RowIdentities(names);
    let position = 0;
    let dataSheets = 0;
    for (const kind of ['commitments', 'actions'] as const) {
      let batch: RawRow[] = [];
      let layout: SheetLayout | undefined;
      let sheet: string | undefined;
      const kindsRead = new Set<SheetKind>();
      const flush = async () => {
        if (!layout || batch.length === 0) return;
        const planned = await this.planBatch(
          kind,
          layout,
          batch,
          position,
          identities,
          context,
          row,
        );
        position += planned.length;
        for (const p of planned) counts[p.outcome] = (counts[p.outcome] ?? 0) + 1;
        if (!(await this.importRuns.insertRows(row.id, row.runs, planned))) throw new Superseded();
        batch = [];
      };
      for await (const raw of readSpreadsheet(file, limits)) {
        if (raw.sheet !== sheet) {
          await flush();
          sheet = raw.sheet;
          layout = layoutOf(raw);
          // One sheet of each kind: more (`Acties`, `Actions`, `Actíes`…) would multiply the
          // rows of one import past IMPORT_MAX_ROWS, which holds per sheet.
          const repeatOf = layout && kindsRead.has(layout.kind) ? layout.kind : undefined;
          if (layout) kindsRead.add(layout.kind);
          if (kind === 'commitments') {
            // Notices once, in the first pass.
            if (!layout || repeatOf) {
              notice({ code: 'SHEET_IGNORED', sheet: raw.sheet, ...(repeatOf && { repeatOf }) });
            } else {
              dataSheets += 1;
              for (const column of layout.unknownHeaders) {
                notice({ code: 'COLUMN_IGNORED', sheet: raw.sheet, column });
              }
            }
          }
          if (repeatOf || layout?.kind !== kind) layout = undefined;
          continue;
        }
        if (!layout) continue;
        batch.push(raw);
        if (batch.length >= BATCH) await flush();
      }
      await flush();
    }
    if (dataSheets === 0) notices.unshift({ code: 'NO_DATA_SHEET' });
    // Instruction and list sheets are ours: ignoring them needs no word.
    const ours = new Set(['instructie', 'instructions', 'lijsten', 'lists']);
    return {
      counts,
      notices: notices.filter(
        (n) => n.code !== 'SHEET_IGNORED' || !ours.has((n.sheet ?? '').toLowerCase()),
      ),
      rowsTotal: position,
    };
  }

  private async planBatch(
    kind: SheetKind,
    layout: SheetLayout,
    batch: readonly RawRow[],
    start: number,
    identities: RowIdentities,
    context: PlanContext,
    row: ImportRow,
  ): Promise<PlannedRow[]> {
    const cells = batch.map((raw) => new RowCells(layout, raw, row.lang));
    const matched: Identified[] = cells.map((c, i) =>
      identify(kind, c, batch[i].rowNumber, identities),
    );
    let actions = new Map<string, SpreadsheetAction>();
    if (kind === 'actions') {
      const ids = matched.map((m) => m.entityId).filter((id): id is string => id !== null);
      const found = await this.rows.actionsByIds(row.programmeId, ids);
      actions = new Map(found.map((action) => [action.id, action]));
    }
    return cells.map((c, i) => {
      const match = matched[i];
      const raw = batch[i];
      let existing: SpreadsheetAction | undefined;
      if (match.entityId !== null) {
        existing = kind === 'actions' ? actions.get(match.entityId) : undefined;
        if (kind === 'actions' && !existing && match.byKey) c.error('key', 'UNKNOWN_KEY');
      }
      const commitment =
        kind === 'commitments' && match.entityId
          ? context.names.commitmentsById.get(match.entityId)
          : undefined;
      // A reference whose action is gone names nothing: the row creates, under that reference.
      const referenceChanged =
        match.referenceChanged ||
        (!match.byKey && match.reference !== null && !existing && !commitment);
      const planned =
        kind === 'actions'
          ? planActionRow(c, { ...match, existing, referenceChanged }, context)
          : planCommitmentRow(c, { ...match, existing: commitment, referenceChanged }, context);
      if (kind === 'commitments') {
        context.commitments.add({
          id: planned.entityId!,
          rowNumber: raw.rowNumber,
          failed: planned.outcome === 'error',
          reference: match.reference,
          kamerstukken:
            planned.outcome === 'create' ? (c.value<string[]>('kamerstukken') ?? []) : [],
        });
      }
      return {
        position: start + i + 1,
        sheet: kind,
        sheetName: layout.sheetName,
        rowNumber: raw.rowNumber,
        ...planned,
      };
    });
  }
}
