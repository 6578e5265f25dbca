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
