import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { type KeysetPage, paginateKeyset } from '@app/core';
import type { ProgrammeRole } from '../access/permissions';
import { PrincipalCache } from '../auth/principal-cache';
import { UserEntity } from '../users/user.entity';
import { MembershipEntity } from './membership.entity';
import type { PageRequest } from './programmes.repository';

const SORT_COLUMNS = {
  displayName: { expression: 'u.display_name' },
  email: { expression: 'u.email' },
  createdAt: { expression: 'm.created_at' },
};

/** A membership with the user and organisation behind it: what the member list shows. */
export interface MemberRecord {
  membership: MembershipEntity;
  user: { id: string; email: string; displayName: string; isActive: boolean };
  organisation: { id: string; code: string; name: string };
}

interface PersonRow {
  id: string;
  email: string;
  display_name: string;
  is_active: boolean;
  organisation_id: string;
  organisation_code: string;
  organisation_name: string;
}

/** Every query names the programme: a membership id of another programme finds nothing. */
@Injectable()
export class MembershipsRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly principals: PrincipalCache,
  ) {}

  private repository(manager?: EntityManager): Repository<MembershipEntity> {
    return (manager ?? this.dataSource.manager).getRepository(MembershipEntity);
  }

  /** One page of the programme's members, with their user and organisation. */
  async page(
    programmeId: string,
    filter: { role?: ProgrammeRole },
    page: PageRequest,
  ): Promise<KeysetPage<MemberRecord>> {
    const query = this.repository()
      .createQueryBuilder('m')
      .innerJoin(UserEntity, 'u', 'u.id = m.user_id')
      .where('m.programme_id = :programmeId', { programmeId });
    if (filter.role) query.andWhere('m.role = :role', { role: filter.role });
    const result = await paginateKeyset(query, {
      sort: page.sort,
      columns: SORT_COLUMNS,
      tiebreaker: 'm.id',
      limit: page.limit,
      cursor: page.cursor,
    });
    return { ...result, items: await this.withPeople(result.items) };
  }

  find(programmeId: string, id: string, manager?: EntityManager): Promise<MembershipEntity | null> {
    return this.repository(manager).findOneBy({ id, programmeId });
  }

  /** The membership with its user and organisation, or null when not in this programme. */
  async record(
    programmeId: string,
    id: string,
    manager?: EntityManager,
  ): Promise<MemberRecord | null> {
    const membership = await this.find(programmeId, id, manager);
    if (!membership) return null;
    const [record] = await this.withPeople([membership], manager);
    return record ?? null;
  }

  existsFor(programmeId: string, userId: string, manager: EntityManager): Promise<boolean> {
    return this.repository(manager).existsBy({ programmeId, userId });
  }

  /** Coordinators whose account is active: the ones who can actually coordinate. */
  countActiveCoordinators(programmeId: string, manager: EntityManager): Promise<number> {
    return this.repository(manager)
      .createQueryBuilder('m')
      .innerJoin(UserEntity, 'u', 'u.id = m.user_id AND u.is_active')
      .where('m.programme_id = :programmeId', { programmeId })
      .andWhere(`m.role = 'coordinator'`)
      .getCount();
  }

  /** Whether the user exists and is active: only they can be made members. */
  async isActiveUser(userId: string, manager: EntityManager): Promise<boolean> {
    return manager.getRepository(UserEntity).existsBy({ id: userId, isActive: true });
  }

  /** The id of the active user with this e-mail address (stored lower-case), or null. */
  async activeUserIdByEmail(email: string, manager: EntityManager): Promise<string | null> {
    const user = await manager
      .getRepository(UserEntity)
      .findOne({ select: { id: true }, where: { email: email.toLowerCase(), isActive: true } });
    return user?.id ?? null;
  }

  /** Inserts a membership; returns its id. */
  async insert(
    programmeId: string,
    userId: string,
    role: ProgrammeRole,
    manager: EntityManager,
  ): Promise<string> {
    const result = await this.repository(manager).insert({ programmeId, userId, role });
    this.principals.changedAfterCommit(manager, [userId]);
    return (result.identifiers[0] as { id: string }).id;
  }

  async updateRole(
    membership: MembershipEntity,
    role: ProgrammeRole,
    manager: EntityManager,
  ): Promise<void> {
    const { id, programmeId } = membership;
    await this.repository(manager).update({ id, programmeId }, { role });
    this.principals.changedAfterCommit(manager, [membership.userId]);
  }

  async delete(membership: MembershipEntity, manager: EntityManager): Promise<void> {
    const { id, programmeId } = membership;
    await this.repository(manager).delete({ id, programmeId });
    this.principals.changedAfterCommit(manager, [membership.userId]);
  }

  private async withPeople(
    memberships: MembershipEntity[],
    manager?: EntityManager,
  ): Promise<MemberRecord[]> {
    if (memberships.length === 0) return [];
    const rows: PersonRow[] = await (manager ?? this.dataSource.manager).query(
      `SELECT u.id, u.email, u.display_name, u.is_active, o.id AS organisation_id,
              o.code AS organisation_code, o.name AS organisation_name
         FROM users u
         JOIN organisations o ON o.id = u.organisation_id
        WHERE u.id = ANY($1)`,
      [memberships.map((membership) => membership.userId)],
    );
    const people = new Map(rows.map((row) => [row.id, row]));
    return memberships.flatMap((membership) => {
      const person = people.get(membership.userId);
      if (!person) return [];
      return [
        {
          membership,
          user: {
            id: person.id,
            email: person.email,
            displayName: person.display_name,
            isActive: person.is_active,
          },
          organisation: {
            id: person.organisation_id,
            code: person.organisation_code,
            name: person.organisation_name,
          },
        },
      ];
    });
  }
}
