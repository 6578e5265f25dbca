import type { ImportRowBody } from './dto/import-row.response';
import type { ImportBody } from './dto/import.response';
import type { ImportRow, StoredRow } from './imports.repository';
import { fileProblemReason, noticeReason } from './planning/file-messages';

const iso = (date: Date | null) => (date ? new Date(date).toISOString() : null);

/** What leaves the API of an import (decided here only). */
export function mapImport(row: ImportRow, unresolvedConflicts: number): ImportBody {
  const counts = row.counts;
  const results = row.results;
  const total = row.rowsTotal;
  return {
    id: row.id,
    programmeId: row.programmeId,
    filename: row.filename,
    sizeBytes: row.sizeBytes,
    lang: row.lang,
    status: row.status,
    problem: row.problemCode
      ? {
          code: row.problemCode,
          reason: fileProblemReason(row.problemCode, row.problemWhere, row.lang),
          sheet: row.problemWhere?.sheet ?? null,
          rowNumber: row.problemWhere?.rowNumber ?? null,
          ref: row.problemWhere?.ref ?? null,
        }
      : null,
    notices: row.notices.map((notice) => ({
      code: notice.code,
      reason: noticeReason(notice, row.lang),
    })),
    counts: {
      create: counts.create ?? 0,
      update: counts.update ?? 0,
      unchanged: counts.unchanged ?? 0,
      conflict: counts.conflict ?? 0,
      error: counts.error ?? 0,
      total,
    },
    unresolvedConflicts,
    results: {
      applied: results.applied ?? 0,
      kept: results.kept ?? 0,
      unchanged: results.unchanged ?? 0,
      skipped: results.skipped ?? 0,
      failed: results.failed ?? 0,
    },
    progress:
      row.status === 'applied'
        ? 100
        : total === 0
          ? 0
          : Math.min(99, Math.floor((row.appliedThrough * 100) / total)),
    createdAt: iso(row.createdAt)!,
    plannedAt: iso(row.plannedAt),
    applyRequestedAt: iso(row.applyRequestedAt),
    appliedAt: iso(row.appliedAt),
    expiresAt: iso(row.expiresAt)!,
  };
}

/**
 * What leaves the API of one row of an import; `exists`: whether its entity is there to link
 * to (`linkedEntity`, which the API makes the row's `entity` link).
 */
export function mapImportRow(row: StoredRow, exists: boolean): ImportRowBody {
  return {
    position: row.position,
    sheet: row.sheet,
    sheetName: row.sheetName,
    rowNumber: row.rowNumber,
    outcome: row.outcome,
    entityId: row.entityId,
    title: row.title,
    changes: row.changes ?? [],
    conflicts: row.conflicts ?? [],
    errors: row.errors ?? [],
    choice: row.choice,
    result: row.result,
    resultDetail: row.resultDetail,
    linkedEntity:
      exists && row.entityId
        ? { kind: row.sheet === 'actions' ? 'action' : 'commitment', id: row.entityId }
        : null,
  };
}
