import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { Transactions } from '@app/core';
import { IdentityErrors } from '../identity.errors';
import { mapUserIdentity, type UserIdentityResponse } from './dto/user-identity.dto';
import { OidcSignInRepository } from './oidc-sign-in.repository';

/**
 * The links between users and their accounts at organisations' providers: seen by the user
 * themselves and by platform administrators, who remove one when the person's account at the
 * provider changed (a new app registration at Entra ID gives everyone a new `sub`) so that
 * the next sign-in links afresh.
 */
@Injectable()
export class UserIdentitiesService {
  constructor(
    private readonly repository: OidcSignInRepository,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
  ) {}

  async list(userId: string): Promise<UserIdentityResponse[]> {
    return (await this.repository.identities(userId)).map(mapUserIdentity);
  }

  async remove(userId: string, identityId: string): Promise<void> {
    await this.transactions.run(async (manager) => {
      const removed = await this.repository.unlink(manager, userId, identityId);
      if (!removed) throw IdentityErrors.notFound('user_identity');
      await this.audit.record(manager, {
        operation: 'delete',
        entityType: 'user_identity',
        entityId: identityId,
        details: { userId, issuer: removed.issuer },
      });
    });
  }
}
