import { Inject, Injectable, Logger } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { APP_CONFIG, type AppConfig, CoreErrors, InvalidParam, Transactions } from '@app/core';
import type { Principal } from '../access/principal';
import { LoginThrottle } from '../auth/login-throttle.service';
import { IdentityErrors } from '../identity.errors';
import { OrganisationsRepository } from '../organisations/organisations.repository';
import type { ChangePasswordDto } from './dto/change-password.dto';
import type { UpdateMeDto } from './dto/update-me.dto';
import { Passwords } from './passwords';
import { UserAudit } from './user.audit';
import { mapMe, type MeResponse } from './user.response';
import { UsersRepository } from './users.repository';

const WRONG_CURRENT_PASSWORD: InvalidParam = {
  name: 'currentPassword',
  reason: 'is not your current password',
};

/** The caller's own account (/me). */
@Injectable()
export class MeService {
  private readonly logger = new Logger(MeService.name);

  constructor(
    private readonly transactions: Transactions,
    private readonly users: UsersRepository,
    private readonly organisations: OrganisationsRepository,
    private readonly passwords: Passwords,
    private readonly audit: AuditService,
    private readonly throttle: LoginThrottle,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async get(principal: Principal): Promise<MeResponse> {
    const user = await this.users.findById(principal.userId);
    // The guard saw an active user a moment ago; gone since means the session is void.
    if (!user) throw IdentityErrors.unauthenticated();
    const [organisation, memberships] = await Promise.all([
      this.organisations.findById(user.organisationId),
      this.users.memberships(user.id),
    ]);
    if (!organisation) throw new Error(`user ${user.id} refers to a missing organisation`);
    return mapMe(user, organisation, memberships);
  }

  async update(principal: Principal, dto: UpdateMeDto): Promise<MeResponse> {
    await this.transactions.run(async (manager) => {
      const user = await this.users.findByIdForUpdate(manager, principal.userId);
      if (!user) throw IdentityErrors.unauthenticated();
      const before = { ...user };
      if (dto.displayName !== undefined) user.displayName = dto.displayName;
      const saved = await this.users.save(manager, user);
      await this.audit.record(manager, UserAudit.updated(before, saved));
    });
    return this.get(principal);
  }

  /**
   * Changes the caller's password when they know the current one, and ends their other
   * sessions: whoever else holds one (a stolen token, a forgotten laptop) is out. A wrong
   * current password counts as a failed log-in of the account (LoginThrottle), from
   * `address`: past the limit, both are locked for a while.
   */
  async changePassword(
    principal: Principal,
    dto: ChangePasswordDto,
    address: string | undefined,
  ): Promise<void> {
    const user = await this.users.findById(principal.userId);
    if (!user) throw IdentityErrors.unauthenticated();
    const attempt = await this.throttle.reserve({
      email: user.email,
      address,
      check: 'password_change',
    });
    const currentIsRight = await this.passwords.verify(user.passwordHash, dto.currentPassword);
    if (currentIsRight) await this.throttle.succeeded(attempt);
    else await this.recordWrongPassword(user.id, this.throttle.failed(attempt, user.id));
    const problems: InvalidParam[] = [];
    if (!currentIsRight) problems.push(WRONG_CURRENT_PASSWORD);
    problems.push(...this.passwords.check(dto.newPassword, 'newPassword', user.email));
    if (currentIsRight && dto.newPassword === dto.currentPassword) {
      problems.push({ name: 'newPassword', reason: 'must differ from the current password' });
    }
    if (problems.length > 0) throw CoreErrors.validationFailed(problems);
    const passwordHash = await this.passwords.hash(dto.newPassword);
    const revokedSessions = await this.transactions.run(async (manager) => {
      const locked = await this.users.findByIdForUpdate(manager, user.id);
      if (!locked) throw IdentityErrors.unauthenticated();
      // Changed by someone else since we checked: the current password we checked is stale.
      if (locked.passwordHash !== user.passwordHash) {
        throw CoreErrors.validationFailed([WRONG_CURRENT_PASSWORD]);
      }
      locked.passwordHash = passwordHash;
      await this.users.save(manager, locked);
      const revoked = await this.users.revokeSessions(manager, user.id, principal.sessionId);
      await this.audit.record(manager, UserAudit.passwordChanged(user.id, 'self', revoked));
      return revoked;
    });
    this.logger.log({ userId: user.id, revokedSessions }, 'password changed');
  }

  /**
   * On record on its own, as a failed log-in is: there is no change to commit it with, and
   * failing to record must not change the answer, so that is logged instead.
   */
  private async recordWrongPassword(userId: string, lockoutStarted: string[]): Promise<void> {
    try {
      await this.audit.recordAlone(
        UserAudit.passwordChangeFailed(
          userId,
          lockoutStarted,
          this.config.auth.login.lockoutSeconds,
        ),
      );
    } catch (error) {
      this.logger.error(
        {
          event: 'audit_record_failed',
          operation: 'password_change',
          error: (error as Error).message,
        },
        'could not record a refused password change in the audit log',
      );
    }
  }
}
