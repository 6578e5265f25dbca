import { Injectable, Logger } from '@nestjs/common';
import { AuditService } from '@app/audit';
import {
  CoreErrors,
  InvalidParam,
  type KeysetPage,
  parseSort,
  SqlState,
  Transactions,
  violatedConstraint,
} from '@app/core';

import type { Principal } from '../access/principal';
import { DirectoryErrors } from '../organisations/directory.errors';
import { OrganisationsRepository } from '../organisations/organisations.repository';
import type { CreateUserDto } from './dto/create-user.dto';
import { type ListUsersQuery, USER_SORT_KEYS } from './dto/list-users.query';
import type { SetPasswordDto } from './dto/set-password.dto';
import type { UpdateUserDto } from './dto/update-user.dto';
import { Passwords } from './passwords';
import { isSelfLockout } from './self-lockout';
import { UserAudit } from './user.audit';
import type { UserEntity } from './user.entity';
import { mapUser, type UserResponse } from './user.response';
import { UsersRepository } from './users.repository';

const EMAIL_UNIQUE = 'uq_users_email';
const ORGANISATION_FK = 'fk_users_organisation';
const EMAIL_LOWER_CASE = 'ck_users_email_lower';

const NO_SUCH_ORGANISATION: InvalidParam = {
  name: 'organisationId',
  reason: 'is not an existing organisation',
};

/** User accounts, managed by platform administrators. */
@Injectable()
export class UsersService {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    private readonly transactions: Transactions,
    private readonly users: UsersRepository,
    private readonly organisations: OrganisationsRepository,
    private readonly passwords: Passwords,
    private readonly audit: AuditService,
  ) {}

  /** One page of users (the API wraps it in its list envelope). */
  async list(query: ListUsersQuery): Promise<KeysetPage<UserResponse>> {
    const sort = parseSort(query.sort, USER_SORT_KEYS, [{ key: 'displayName', direction: 'asc' }]);
    const page = await this.users.page(
      { organisationId: query.organisationId, isActive: query.isActive, q: query.q },
      { sort, limit: query.limit, cursor: query.cursor },
    );
    const items = await this.toResponses(page.items);
    return { ...page, items };
  }

  async get(id: string): Promise<UserResponse> {
    const user = await this.users.findById(id);
    if (!user) throw DirectoryErrors.userNotFound();
    return (await this.toResponses([user]))[0];
  }

  async create(actor: Principal, dto: CreateUserDto): Promise<UserResponse> {
    const email = dto.email.toLowerCase();
    const problems: InvalidParam[] = [];
    if (!(await this.organisations.exists(dto.organisationId))) problems.push(NO_SUCH_ORGANISATION);
    if (dto.password !== undefined) {
      problems.push(...this.passwords.check(dto.password, 'password', email));
    }
    if (problems.length > 0) throw CoreErrors.validationFailed(problems);
    // Hashing takes a while (by design): outside the transaction, so no row waits on it.
    const passwordHash =
      dto.password === undefined ? null : await this.passwords.hash(dto.password);
    let user: UserEntity;
    try {
      user = await this.transactions.run(async (manager) => {
        const created = await this.users.save(
          manager,
          this.users.create({
            email,
            displayName: dto.displayName,
            organisationId: dto.organisationId,
            passwordHash,
            isPlatformAdmin: dto.isPlatformAdmin ?? false,
          }),
        );
        await this.audit.record(manager, UserAudit.created(created));
        return created;
      });
    } catch (error) {
      throw this.translate(error);
    }
    this.logger.log(
      { userId: user.id, actorId: actor.userId, isPlatformAdmin: user.isPlatformAdmin },
      'user created',
    );
    return (await this.toResponses([user]))[0];
  }

  /**
   * Changes a user. Deactivating revokes all of the user's sessions and API tokens in the same
   * transaction, so no credential outlives the account's deactivation.
   */
  async update(actor: Principal, id: string, dto: UpdateUserDto): Promise<UserResponse> {
    if (isSelfLockout(actor.userId, id, dto)) throw DirectoryErrors.selfLockout();
    let outcome: {
      user: UserEntity;
      was: { isActive: boolean; isPlatformAdmin: boolean };
      revoked?: { sessions: number; apiTokens: number };
    };
    try {
      outcome = await this.transactions.run(async (manager) => {
        const user = await this.users.findByIdForUpdate(manager, id);
        if (!user) throw DirectoryErrors.userNotFound();
        if (
          dto.organisationId !== undefined &&
          dto.organisationId !== user.organisationId &&
          !(await this.organisations.exists(dto.organisationId, manager))
        ) {
          throw CoreErrors.validationFailed([NO_SUCH_ORGANISATION]);
        }
        const before = { ...user };
        if (dto.displayName !== undefined) user.displayName = dto.displayName;
        if (dto.organisationId !== undefined) user.organisationId = dto.organisationId;
        if (dto.isActive !== undefined) user.isActive = dto.isActive;
        if (dto.isPlatformAdmin !== undefined) user.isPlatformAdmin = dto.isPlatformAdmin;
        const saved = await this.users.save(manager, user);
        // Also when already inactive: a deactivated account must hold no live credential.
        const revoked =
          dto.isActive === false
            ? {
                sessions: await this.users.revokeSessions(manager, id),
                apiTokens: await this.users.revokeApiTokens(manager, id),
              }
            : undefined;
        await this.audit.record(manager, UserAudit.updated(before, saved, revoked));
        return { user: saved, was: before, revoked };
      });
    } catch (error) {
      throw this.translate(error);
    }
    this.logChanges(actor, outcome);
    return (await this.toResponses([outcome.user]))[0];
  }

  /** Sets a user's password (an initial one, or a reset) and ends the user's sessions. */
  async setPassword(actor: Principal, id: string, dto: SetPasswordDto): Promise<void> {
    const user = await this.users.findById(id);
    if (!user) throw DirectoryErrors.userNotFound();
    const problems = this.passwords.check(dto.password, 'password', user.email);
    if (problems.length > 0) throw CoreErrors.validationFailed(problems);
    const passwordHash = await this.passwords.hash(dto.password);
    // An administrator resetting their own password keeps the session they are using.
    const keep = actor.userId === id ? actor.sessionId : undefined;
    const revokedSessions = await this.transactions.run(async (manager) => {
      const locked = await this.users.findByIdForUpdate(manager, id);
      if (!locked) throw DirectoryErrors.userNotFound();
      locked.passwordHash = passwordHash;
      await this.users.save(manager, locked);
      const revoked = await this.users.revokeSessions(manager, id, keep);
      await this.audit.record(manager, UserAudit.passwordChanged(id, 'administrator', revoked));
      return revoked;
    });
    this.logger.log(
      { userId: id, actorId: actor.userId, revokedSessions },
      'password set by administrator',
    );
  }

  private async toResponses(users: readonly UserEntity[]): Promise<UserResponse[]> {
    const organisations = new Map(
      (await this.organisations.findByIds(users.map((user) => user.organisationId))).map(
        (organisation) => [organisation.id, organisation],
      ),
    );
    return users.map((user) => {
      const organisation = organisations.get(user.organisationId);
      // The foreign key makes this impossible; fail loudly rather than answer half a user.
      if (!organisation) throw new Error(`user ${user.id} refers to a missing organisation`);
      return mapUser(user, organisation);
    });
  }

  private logChanges(
    actor: Principal,
    outcome: {
      user: UserEntity;
      was: { isActive: boolean; isPlatformAdmin: boolean };
      revoked?: { sessions: number; apiTokens: number };
    },
  ): void {
    const { user, was, revoked } = outcome;
    const context = { userId: user.id, actorId: actor.userId };
    if (revoked && (was.isActive || revoked.sessions > 0 || revoked.apiTokens > 0)) {
      this.logger.log(
        { ...context, revokedSessions: revoked.sessions, revokedApiTokens: revoked.apiTokens },
        'user deactivated',
      );
    }
    if (!was.isActive && user.isActive) this.logger.log(context, 'user reactivated');
    if (was.isPlatformAdmin !== user.isPlatformAdmin) {
      this.logger.log(
        context,
        user.isPlatformAdmin
          ? 'platform administration granted'
          : 'platform administration revoked',
      );
    }
  }

  /** Constraint violations the client caused become their 4xx, never a 500. */
  private translate(error: unknown): unknown {
    if (violatedConstraint(error, SqlState.uniqueViolation) === EMAIL_UNIQUE) {
      return DirectoryErrors.emailTaken();
    }
    if (violatedConstraint(error, SqlState.foreignKeyViolation) === ORGANISATION_FK) {
      return CoreErrors.validationFailed([NO_SUCH_ORGANISATION]);
    }
    if (violatedConstraint(error, SqlState.checkViolation) === EMAIL_LOWER_CASE) {
      return CoreErrors.validationFailed([
        { name: 'email', reason: 'must be an e-mail address that has a lower-case form' },
      ]);
    }
    return error;
  }
}
