import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { KeysetPage, paginateKeyset } from '@app/core';
import type { ProgrammeRole } from '../access/permissions';
import { ApiTokenEntity } from '../auth/api-token.entity';
import { PrincipalCache } from '../auth/principal-cache';
import { RefreshTokenEntity } from '../auth/refresh-token.entity';
import type { PageRequest } from '../organisations/organisations.repository';
import { containsPattern } from '../organisations/search-pattern';
import { UserEntity } from './user.entity';

export interface UserFilter {
  organisationId?: string;
  isActive?: boolean;
  q?: string;
}

export interface MembershipRow {
  programmeId: string;
  role: ProgrammeRole;
}

/** Sortable keys of the user list; names compare case-insensitively. */
const SORT_COLUMNS = {
  displayName: { expression: 'lower(u.display_name)' },
  email: { expression: 'u.email' },
  createdAt: { expression: 'u.created_at' },
};

/** User accounts, and the sessions and API tokens that hang off them. */
@Injectable()
export class UsersRepository {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly principals: PrincipalCache,
  ) {}

  private repository(manager?: EntityManager): Repository<UserEntity> {
    return manager ? manager.getRepository(UserEntity) : this.users;
  }

  findById(id: string, manager?: EntityManager): Promise<UserEntity | null> {
    return this.repository(manager).findOneBy({ id });
  }

  /** Reads and row-locks one user, so concurrent changes apply one after the other. */
  findByIdForUpdate(manager: EntityManager, id: string): Promise<UserEntity | null> {
    return this.repository(manager).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  page(filter: UserFilter, page: PageRequest): Promise<KeysetPage<UserEntity>> {
    const query = this.users.createQueryBuilder('u');
    if (filter.organisationId !== undefined) {
      query.andWhere('u.organisation_id = :organisationId', {
        organisationId: filter.organisationId,
      });
    }
    if (filter.isActive !== undefined) {
      query.andWhere('u.is_active = :isActive', { isActive: filter.isActive });
    }
    if (filter.q !== undefined && filter.q !== '') {
      query.andWhere(`(u.email ILIKE :q ESCAPE '\\' OR u.display_name ILIKE :q ESCAPE '\\')`, {
        q: containsPattern(filter.q),
      });
    }
    return paginateKeyset(query, { ...page, columns: SORT_COLUMNS, tiebreaker: 'u.id' });
  }

  create(
    values: Pick<
      UserEntity,
      'email' | 'displayName' | 'organisationId' | 'passwordHash' | 'isPlatformAdmin'
    >,
  ): UserEntity {
    return this.users.create({ ...values, isActive: true });
  }

  /** Saves a user; its principal (organisation, active, administrator) is read again after. */
  async save(manager: EntityManager, user: UserEntity): Promise<UserEntity> {
    const saved = await this.repository(manager).save(user);
    this.principals.changedAfterCommit(manager, [saved.id]);
    return saved;
  }

  /** The user's programme roles, oldest membership first. */
  async memberships(userId: string, manager?: EntityManager): Promise<MembershipRow[]> {
    const rows: { programme_id: string; role: ProgrammeRole }[] = await (
      manager ?? this.users.manager
    ).query(
      'SELECT programme_id, role FROM memberships WHERE user_id = $1 ORDER BY created_at, id',
      [userId],
    );
    return rows.map((row) => ({ programmeId: row.programme_id, role: row.role }));
  }

  /**
   * Revokes the user's sessions (refresh-token families) that are still open, except
   * `keepSessionId` (the caller's current session); returns how many tokens it revoked.
   * Access tokens die with their session: every request checks it.
   */
  async revokeSessions(
    manager: EntityManager,
    userId: string,
    keepSessionId?: string,
  ): Promise<number> {
    const update = manager
      .createQueryBuilder()
      .update(RefreshTokenEntity)
      .set({ revokedAt: () => 'now()' })
      .where('user_id = :userId AND revoked_at IS NULL', { userId });
    if (keepSessionId !== undefined) {
      update.andWhere('family_id <> :keepSessionId', { keepSessionId });
    }
    const revoked = (await update.execute()).affected ?? 0;
    if (revoked > 0) this.principals.changedAfterCommit(manager, [userId]);
    return revoked;
  }

  /** Revokes all of the user's API tokens that are still open; returns how many. */
  async revokeApiTokens(manager: EntityManager, userId: string): Promise<number> {
    const result = await manager
      .createQueryBuilder()
      .update(ApiTokenEntity)
      .set({ revokedAt: () => 'now()' })
      .where('user_id = :userId AND revoked_at IS NULL', { userId })
      .execute();
    return result.affected ?? 0;
  }
}
