import { Injectable, Logger } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { Clock, type KeysetPage, mapPage, Transactions } from '@app/core';
import type { Principal } from '../access/principal';
import { IdentityErrors } from '../identity.errors';
import {
  type ApiTokenResponse,
  type CreatedApiTokenResponse,
  mapApiToken,
  mapCreatedApiToken,
} from './api-token.response';
import { ApiTokensRepository } from './api-tokens.repository';
import { AuthAudit } from './auth.audit';
import { AuthErrors } from './auth.errors';
import type { CreateApiTokenDto } from './dto/create-api-token.dto';
import { hashToken, newToken } from './token-hash';

/** `sbt_` and six characters: enough to tell tokens apart, far too little to guess one. */
const PREFIX_LENGTH = 10;

/** The API tokens of the signed-in person (/me/api-tokens). */
@Injectable()
export class ApiTokensService {
  private readonly logger = new Logger(ApiTokensService.name);

  constructor(
    private readonly transactions: Transactions,
    private readonly tokens: ApiTokensRepository,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  /** One page of the caller's tokens (the API wraps it in its list envelope). */
  async list(
    principal: Principal,
    page: { limit: number; cursor?: string },
  ): Promise<KeysetPage<ApiTokenResponse>> {
    const result = await this.tokens.pageOfUser(principal.userId, page);
    return mapPage(result, mapApiToken);
  }

  /**
   * Creates a token for a programme the caller is a member of (a platform administrator may
   * name any programme, but the token works only while they are a member there, like every
   * token: it never does more than its owner). Other programmes answer 404, as if absent.
   */
  async create(principal: Principal, input: CreateApiTokenDto): Promise<CreatedApiTokenResponse> {
    const visible = principal.memberships.has(input.programmeId)
      ? true
      : principal.isPlatformAdmin && (await this.tokens.programmeExists(input.programmeId));
    if (!visible) throw IdentityErrors.notFound('programme');
    const expiresAt = input.expiresAt === undefined ? null : new Date(input.expiresAt);
    if (expiresAt && expiresAt <= this.clock.now()) throw AuthErrors.expiresAtInPast();
    const token = newToken('sbt_');
    const entity = await this.transactions.run(async (manager) => {
      const created = await this.tokens.create(manager, {
        userId: principal.userId,
        programmeId: input.programmeId,
        name: input.name,
        scope: input.scope,
        tokenHash: hashToken(token),
        tokenPrefix: token.slice(0, PREFIX_LENGTH),
        expiresAt,
      });
      await this.audit.record(manager, AuthAudit.tokenCreated(created));
      return created;
    });
    this.logger.log(
      {
        event: 'api_token_created',
        userId: principal.userId,
        apiTokenId: entity.id,
        programmeId: entity.programmeId,
        scope: entity.scope,
      },
      'API token created',
    );
    return mapCreatedApiToken(entity, token);
  }

  /** Revokes one of the caller's own tokens; someone else's is "not found". */
  async revoke(principal: Principal, id: string): Promise<void> {
    await this.transactions.run(async (manager) => {
      const revoked = await this.tokens.revoke(manager, principal.userId, id);
      if (!revoked) throw AuthErrors.apiTokenNotFound();
      await this.audit.record(manager, AuthAudit.tokenRevoked(revoked.before, revoked.after));
    });
    this.logger.log(
      { event: 'api_token_revoked', userId: principal.userId, apiTokenId: id },
      'API token revoked',
    );
  }
}
