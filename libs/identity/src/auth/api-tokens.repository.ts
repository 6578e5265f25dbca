import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { paginateKeyset, type KeysetPage } from '@app/core';
import { ApiTokenEntity, type ApiTokenScope } from './api-token.entity';

/** Newest first; the id breaks ties so that pages never overlap. */
const SORT = [{ key: 'createdAt', direction: 'desc' }] as const;
const COLUMNS = { createdAt: { expression: 't.created_at' } };

/** API tokens of integrations; stores only their hashes. */
@Injectable()
export class ApiTokensRepository {
  constructor(
    @InjectRepository(ApiTokenEntity) private readonly tokens: Repository<ApiTokenEntity>,
  ) {}

  /** One page of a user's tokens, revoked and expired ones included. */
  pageOfUser(
    userId: string,
    page: { limit: number; cursor?: string },
  ): Promise<KeysetPage<ApiTokenEntity>> {
    const query = this.tokens.createQueryBuilder('t').where('t.user_id = :userId', { userId });
    return paginateKeyset(query, {
      sort: SORT,
      columns: COLUMNS,
      tiebreaker: 't.id',
      limit: page.limit,
      cursor: page.cursor,
    });
  }

  async programmeExists(programmeId: string): Promise<boolean> {
    const rows: unknown[] = await this.tokens.query('SELECT 1 FROM programmes WHERE id = $1', [
      programmeId,
    ]);
    return rows.length > 0;
  }

  create(token: {
    userId: string;
    programmeId: string;
    name: string;
    scope: ApiTokenScope;
    tokenHash: string;
    tokenPrefix: string;
    expiresAt: Date | null;
  }): Promise<ApiTokenEntity> {
    return this.tokens.save(this.tokens.create({ ...token, revokedAt: null, lastUsedAt: null }));
  }

  /** Revokes one of the user's tokens (keeping the first revocation time); false when not theirs. */
  async revoke(userId: string, id: string): Promise<boolean> {
    const result = await this.tokens
      .createQueryBuilder()
      .update(ApiTokenEntity)
      .set({ revokedAt: () => 'COALESCE(revoked_at, now())' })
      .where('id = :id AND user_id = :userId', { id, userId })
      .execute();
    return (result.affected ?? 0) > 0;
  }
}
