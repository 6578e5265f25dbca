import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditService } from '@app/audit';
import { DomainError, Transactions } from '@app/core';

import type { ProgrammeRole } from '../access/permissions';
import type { Principal } from '../access/principal';
import { IdentityErrors } from '../identity.errors';
import type { CalendarLinkResponse, CreateCalendarLinkDto } from './dto/calendar-link.dto';
import { hashToken, newToken } from './token-hash';

/** `sbc_` and six characters: enough to tell links apart, far too little to guess one. */
const PREFIX_LENGTH = 10;
/** At most this many links per person that still work: each is a standing credential. */
const MAX_ACTIVE_LINKS = 20;

interface LinkRow {
  id: string;
  name: string;
  programme_id: string;
  token_prefix: string;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

const map = (row: LinkRow): CalendarLinkResponse => ({
  id: row.id,
  name: row.name,
  programmeId: row.programme_id,
  tokenPrefix: row.token_prefix,
  createdAt: row.created_at.toISOString(),
  lastUsedAt: row.last_used_at?.toISOString() ?? null,
  revokedAt: row.revoked_at?.toISOString() ?? null,
});

/**
 * Calendar links (issue 21): a personal, read-only, revocable address of one programme's
 * deadlines feed, the secret in the path, for calendar apps that can send no credential. The
 * secret is stored hashed and shown once. It works only for the feed, only while its owner is
 * active and a member of the programme, and reads exactly what its owner may.
 */
@Injectable()
export class CalendarLinksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
  ) {}

  async list(principal: Principal): Promise<CalendarLinkResponse[]> {
    const rows: LinkRow[] = await this.dataSource.query(
      `SELECT id, name, programme_id, token_prefix, created_at, last_used_at, revoked_at
         FROM calendar_links WHERE user_id = $1 ORDER BY created_at DESC, id`,
      [principal.userId],
    );
    return rows.map(map);
  }

  async create(
    principal: Principal,
    input: CreateCalendarLinkDto,
  ): Promise<{ link: CalendarLinkResponse; secret: string }> {
    if (!principal.memberships.has(input.programmeId)) throw IdentityErrors.notFound('programme');
    const secret = newToken('sbc_');
    const row = await this.transactions.run(async (manager) => {
      // Counted under the user's row lock: two requests at once cannot both pass the limit.
      await manager.query('SELECT 1 FROM users WHERE id = $1 FOR UPDATE', [principal.userId]);
      const [{ active }]: { active: number }[] = await manager.query(
        'SELECT count(*)::int AS active FROM calendar_links WHERE user_id = $1 AND revoked_at IS NULL',
        [principal.userId],
      );
      if (active >= MAX_ACTIVE_LINKS) throw CalendarLinkErrors.tooMany();
      const [created]: LinkRow[] = await manager.query(
        `INSERT INTO calendar_links (user_id, programme_id, name, token_hash, token_prefix)
         VALUES ($1, $2, $3, $4, $5)
         RETURNING id, name, programme_id, token_prefix, created_at, last_used_at, revoked_at`,
        [
          principal.userId,
          input.programmeId,
          input.name,
          hashToken(secret),
          secret.slice(0, PREFIX_LENGTH),
        ],
      );
      await this.audit.record(manager, {
        operation: 'token_created',
        entityType: 'calendar_link',
        entityId: created.id,
        programmeId: input.programmeId,
        details: { name: created.name, tokenPrefix: created.token_prefix },
      });
      return created;
    });
    // Apart from the link: a caller that answered the link as it is must not send the secret.
    return { link: map(row), secret };
  }

  /** Revokes one of the person's links; revoking a revoked link changes nothing. */
  async revoke(principal: Principal, id: string): Promise<void> {
    await this.transactions.run(async (manager) => {
      const [rows]: [{ programme_id: string; was_revoked: boolean }[], number] =
        await manager.query(
          `UPDATE calendar_links l SET revoked_at = coalesce(l.revoked_at, now())
             FROM calendar_links before
            WHERE l.id = $1 AND l.user_id = $2 AND before.id = l.id
            RETURNING l.programme_id, before.revoked_at IS NOT NULL AS was_revoked`,
          [id, principal.userId],
        );
      const row = rows[0];
      if (!row) throw IdentityErrors.notFound('calendar_link');
      if (row.was_revoked) return;
      await this.audit.record(manager, {
        operation: 'token_revoked',
        entityType: 'calendar_link',
        entityId: id,
        programmeId: row.programme_id,
      });
    });
  }

  /**
   * What a feed address may read: its owner, for its one programme, read-only, while the
   * link is not revoked and its owner active and still a member there (or a platform
   * administrator). Undefined otherwise, whatever the reason, so the answer tells nothing.
   */
  async authenticate(
    secret: string,
  ): Promise<{ principal: Principal; programmeId: string } | undefined> {
    if (!secret.startsWith('sbc_')) return undefined;
    const [rows]: [
      {
        id: string;
        programme_id: string;
        user_id: string;
        organisation_id: string;
        is_platform_admin: boolean;
        role: string | null;
      }[],
      number,
    ] = await this.dataSource.query(
      `UPDATE calendar_links l SET last_used_at = now()
         FROM users u
        WHERE l.token_hash = $1 AND l.revoked_at IS NULL AND u.id = l.user_id AND u.is_active
        RETURNING l.id, l.programme_id, u.id AS user_id, u.organisation_id, u.is_platform_admin,
                  (SELECT m.role FROM memberships m
                    WHERE m.user_id = u.id AND m.programme_id = l.programme_id) AS role`,
      [hashToken(secret)],
    );
    const row = rows[0];
    if (!row || (row.role === null && !row.is_platform_admin)) return undefined;
    return {
      programmeId: row.programme_id,
      principal: {
        // Read-only and one programme, as a read API token of its owner would be.
        kind: 'api_token',
        userId: row.user_id,
        organisationId: row.organisation_id,
        isPlatformAdmin: row.is_platform_admin,
        memberships: new Map(
          row.role === null ? [] : [[row.programme_id, row.role as ProgrammeRole]],
        ),
        apiToken: { id: row.id, programmeId: row.programme_id, scope: 'read' },
      },
    };
  }
}

export const CalendarLinkErrors = {
  tooMany: () =>
    new DomainError(
      'conflict',
      'TOO_MANY_CALENDAR_LINKS',
      `You have ${MAX_ACTIVE_LINKS} calendar links that work: revoke one you no longer use first.`,
    ),
} as const;
