import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { ProgrammeRole } from '../access/permissions';

/** An active member of a programme, as other contexts need to reach them. */
export interface ProgrammeMember {
  userId: string;
  organisationId: string;
  role: ProgrammeRole;
  email: string;
  displayName: string;
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

  /**
   * The programme's members whose accounts are active; with `among`, only those who may be
   * concerned by these people and organisations: the people themselves, the editors of the
   * organisations, and the coordinators.
   */
  activeMembers(
    programmeId: string,
    manager?: EntityManager,
    among?: { userIds: readonly string[]; organisationIds: readonly string[] },
  ): Promise<ProgrammeMember[]> {
    return (manager ?? this.dataSource.manager).query<ProgrammeMember[]>(
      `SELECT m.user_id AS "userId", u.organisation_id AS "organisationId", m.role,
              u.email, u.display_name AS "displayName"
         FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.programme_id = $1 AND u.is_active
          AND ($2::uuid[] IS NULL OR m.user_id = ANY($2::uuid[]) OR m.role = 'coordinator'
               OR (m.role = 'editor' AND u.organisation_id = ANY($3::uuid[])))
        ORDER BY m.user_id`,
      [programmeId, among ? [...among.userIds] : null, among ? [...among.organisationIds] : null],
    );
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
}
