/** An import's columns, and its rows', under their property names, for raw statements. */
export const COLUMNS = `id, programme_id AS "programmeId", requester_user_id AS "requesterUserId",
  filename, size_bytes AS "sizeBytes", lang, status, problem_code AS "problemCode",
  problem_where AS "problemWhere", notices, counts, results, rows_total AS "rowsTotal",
  applied_through AS "appliedThrough", runs, applier_user_id AS "applierUserId",
  created_at AS "createdAt", planned_at AS "plannedAt",
  apply_requested_at AS "applyRequestedAt", applied_at AS "appliedAt", expires_at AS "expiresAt"`;

export const ROW_COLUMNS = `position, sheet, sheet_name AS "sheetName", row_number AS "rowNumber", outcome,
  entity_id AS "entityId", base_version AS "baseVersion", title, changes, conflicts, errors,
  plan, choice, result, result_detail AS "resultDetail"`;
