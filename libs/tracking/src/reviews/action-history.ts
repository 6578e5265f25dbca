import { ApiProperty } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { entityHistorySql } from '@app/audit';
import { CoreErrors, decodeCursor, encodeCursor } from '@app/core';

export const HISTORY_SOURCES = ['audit', 'progress', 'comment'] as const;

export class HistoryActor {
  @ApiProperty({ enum: ['user', 'api_token', 'system', 'anonymous'], example: 'user' })
  type!: string;
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    example: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  })
  id!: string | null;
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    example: '7d6c5b4a-3e2f-4a1b-9c8d-7e6f5a4b3c2d',
  })
  organisationId!: string | null;
}

export class HistoryEntryResponse {
  @ApiProperty({ format: 'date-time', example: '2026-11-25T15:41:08.000Z' }) at!: string;
  @ApiProperty({ enum: [...HISTORY_SOURCES], enumName: 'HistorySource', example: 'comment' })
  source!: (typeof HISTORY_SOURCES)[number];
  @ApiProperty({
    description: 'The audit operation, the timeline entry kind, or `comment`.',
    example: 'comment',
  })
  kind!: string;
  @ApiProperty({ type: HistoryActor }) actor!: HistoryActor;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'Changed fields (audit: old and new; progress: the values it set).',
    example: null,
  })
  changes!: Record<string, unknown> | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, example: null })
  details!: Record<string, unknown> | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The narrative or comment.',
    example: 'De VNG steunt de aanpak, mits de uitvoeringskosten worden meegenomen.',
  })
  text!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    example: null,
  })
  reason!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    enum: ['supports', 'concerns', 'objects'],
    example: 'supports',
  })
  position!: string | null;
}

interface HistoryRow {
  at: Date;
  atText: string;
  key: string;
  source: HistoryEntryResponse['source'];
  kind: string;
  actorType: string;
  actorId: string | null;
  actorOrganisationId: string | null;
  changes: Record<string, unknown> | null;
  details: Record<string, unknown> | null;
  text: string | null;
  reason: string | null;
  position: string | null;
}

const SORT = '-at';

/** The action's audit events, as the audit context reads them for a history. */
const AUDIT_HISTORY = entityHistorySql('action', '$1');

/**
 * An action's history, newest first: its audit events, its progress timeline and its
 * comments, merged. Keyset-paged forwards on (time, key).
 */
export async function actionHistory(
  dataSource: DataSource,
  actionId: string,
  page: { limit: number; cursor?: string },
): Promise<{ items: HistoryEntryResponse[]; nextCursor?: string }> {
  const after = page.cursor === undefined ? undefined : decodeCursor(page.cursor, SORT, 2);
  if (after && after.direction !== 'next') throw CoreErrors.invalidCursor();
  let rows: HistoryRow[];
  try {
    rows = await dataSource.query<HistoryRow[]>(
      `SELECT h.*, h.at::text AS "atText" FROM (
         ${AUDIT_HISTORY}
         UNION ALL
         SELECT u.created_at, 'p' || u.id, 'progress', u.kind, 'user', u.author_user_id,
                u.author_organisation_id,
                jsonb_strip_nulls(jsonb_build_object('status', u.status, 'health', u.health,
                  'percentComplete', u.percent_complete)),
                NULL, u.narrative, u.reason, NULL
         FROM progress_updates u WHERE u.action_id = $1::uuid
         UNION ALL
         SELECT c.created_at, 'c' || c.id, 'comment', 'comment', 'user', c.author_user_id,
                c.author_organisation_id, NULL, NULL, c.body, NULL, c.position
         FROM comments c WHERE c.action_id = $1::uuid
       ) h
       WHERE $2::timestamptz IS NULL OR (h.at, h.key) < ($2::timestamptz, $3::text)
       ORDER BY h.at DESC, h.key DESC
       LIMIT $4`,
      [actionId, after?.values[0] ?? null, after?.values[1] ?? null, page.limit + 1],
    );
  } catch (error) {
    const code = (error as { driverError?: { code?: unknown } }).driverError?.code;
    if (after && typeof code === 'string' && code.startsWith('22'))
      throw CoreErrors.invalidCursor();
    throw error;
  }
  const more = rows.length > page.limit;
  const items = rows.slice(0, page.limit);
  const last = items[items.length - 1];
  return {
    items: items.map((row) => ({
      at: row.at.toISOString(),
      source: row.source,
      kind: row.kind,
      actor: { type: row.actorType, id: row.actorId, organisationId: row.actorOrganisationId },
      changes: row.changes,
      details: row.details,
      text: row.text,
      reason: row.reason,
      position: row.position,
    })),
    nextCursor:
      more && last
        ? encodeCursor({ direction: 'next', sort: SORT, values: [last.atText, last.key] })
        : undefined,
  };
}
