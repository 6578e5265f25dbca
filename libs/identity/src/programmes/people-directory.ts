import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { ProgrammeRole } from '../access/permissions';
import type { Principal } from '../access/principal';

/** An active member of a programme, as other contexts need to reach them. */
export interface ProgrammeMember {
  userId: string;
  organisationId: string;
  role: ProgrammeRole;
  email: string;
  displayName: string;
}

/** An organisation as a spreadsheet names it: by code or by name. */
export interface OrganisationName {
  id: string;
  code: string;
  name: string;
}

/** A track of a programme, by name. */
export interface TrackName {
  id: string;
  name: string;
}

export interface Person {
  id: string;
  email: string;
  displayName: string;
  organisationId: string;
  organisationCode: string;
  organisationName: string;
  isActive: boolean;
}

/**
 * Who is who, for the contexts that address people (reminders, notifications): identity
 * answers it, so that they need not read its tables.
 */
@Injectable()
export class PeopleDirectory {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The programme's members whose accounts are active. */
  activeMembers(programmeId: string, manager?: EntityManager): Promise<ProgrammeMember[]> {
    return (manager ?? this.dataSource.manager).query<ProgrammeMember[]>(
      `SELECT m.user_id AS "userId", u.organisation_id AS "organisationId", m.role,
              u.email, u.display_name AS "displayName"
         FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.programme_id = $1 AND u.is_active
        ORDER BY m.user_id`,
      [programmeId],
    );
  }

  /** Of `userIds`, those who are active members of the programme. */
  async activeMembersAmong(
    programmeId: string,
    userIds: readonly string[],
    manager?: EntityManager,
  ): Promise<string[]> {
    if (userIds.length === 0) return [];
    const rows = await (manager ?? this.dataSource.manager).query<{ userId: string }[]>(
      `SELECT m.user_id AS "userId" FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.programme_id = $1 AND m.user_id = ANY($2::uuid[]) AND u.is_active`,
      [programmeId, userIds],
    );
    return rows.map((row) => row.userId);
  }

  /** The user's organisation, when the user exists and is active. */
  async activeUserOrganisation(
    userId: string,
    manager?: EntityManager,
  ): Promise<string | undefined> {
    const rows = await (manager ?? this.dataSource.manager).query<{ organisationId: string }[]>(
      'SELECT organisation_id AS "organisationId" FROM users WHERE id = $1 AND is_active',
      [userId],
    );
    return rows[0]?.organisationId;
  }

  /**
   * Which grants still stand: the person active and a member of the programme in one of
   * `roles` and, for a grant made with an API token, that token neither revoked nor expired.
   * Answers the positions of those that stand (webhooks send only for a subscription whose
   * maker still coordinates the programme).
   */
  async standingGrants(
    grants: readonly { userId: string; programmeId: string; apiTokenId: string | null }[],
    roles: readonly ProgrammeRole[],
    manager?: EntityManager,
  ): Promise<Set<number>> {
    if (grants.length === 0) return new Set();
    const rows = await (manager ?? this.dataSource.manager).query<{ n: number }[]>(
      `SELECT g.n::int AS n
         FROM unnest($1::uuid[], $2::uuid[], $3::uuid[]) WITH ORDINALITY AS g(user_id, programme_id, token_id, n)
         JOIN users u ON u.id = g.user_id AND u.is_active
         JOIN memberships m ON m.user_id = g.user_id AND m.programme_id = g.programme_id
                            AND m.role = ANY($4::text[])
        WHERE g.token_id IS NULL OR EXISTS (
                SELECT 1 FROM api_tokens t
                 WHERE t.id = g.token_id AND t.revoked_at IS NULL
                   AND (t.expires_at IS NULL OR t.expires_at > now()))`,
      [
        grants.map((grant) => grant.userId),
        grants.map((grant) => grant.programmeId),
        grants.map((grant) => grant.apiTokenId),
        roles,
      ],
    );
    return new Set(rows.map((row) => row.n - 1));
  }

  people(userIds: readonly string[], manager?: EntityManager): Promise<Person[]> {
    if (userIds.length === 0) return Promise.resolve([]);
    return (manager ?? this.dataSource.manager).query<Person[]>(
      `SELECT u.id, u.email, u.display_name AS "displayName",
              u.organisation_id AS "organisationId", o.code AS "organisationCode",
              o.name AS "organisationName", u.is_active AS "isActive"
         FROM users u JOIN organisations o ON o.id = u.organisation_id
        WHERE u.id = ANY($1::uuid[])`,
      [userIds],
    );
  }

  /** Every organisation, by code. */
  organisations(manager?: EntityManager): Promise<OrganisationName[]> {
    return (manager ?? this.dataSource.manager).query<OrganisationName[]>(
      'SELECT id, code, name FROM organisations ORDER BY code',
    );
  }

  /** The programme's tracks, by name. */
  tracks(programmeId: string, manager?: EntityManager): Promise<TrackName[]> {
    return (manager ?? this.dataSource.manager).query<TrackName[]>(
      'SELECT id, name FROM tracks WHERE programme_id = $1 ORDER BY name, id',
      [programmeId],
    );
  }

  /**
   * The person `userId` as a principal with their roles as they are now, for work done for
   * them outside a request (a job they started); undefined once their account is inactive.
   */
  async actingAs(userId: string, manager?: EntityManager): Promise<Principal | undefined> {
    const rows = await (manager ?? this.dataSource.manager).query<
      {
        id: string;
        organisation_id: string;
        is_platform_admin: boolean;
        memberships: [string, ProgrammeRole][] | null;
      }[]
    >(
      `SELECT u.id, u.organisation_id, u.is_platform_admin,
              (SELECT json_agg(json_build_array(m.programme_id, m.role))
                 FROM memberships m WHERE m.user_id = u.id) AS memberships
         FROM users u WHERE u.id = $1 AND u.is_active`,
      [userId],
    );
    if (rows.length === 0) return undefined;
    return {
      kind: 'user',
      userId: rows[0].id,
      organisationId: rows[0].organisation_id,
      isPlatformAdmin: rows[0].is_platform_admin,
      memberships: new Map(rows[0].memberships ?? []),
    };
  }
}
