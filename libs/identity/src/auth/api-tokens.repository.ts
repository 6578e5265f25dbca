import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
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

  create(
    manager: EntityManager,
    token: {
      userId: string;
      programmeId: string;
      name: string;
      scope: ApiTokenScope;
      tokenHash: string;
      tokenPrefix: string;
      expiresAt: Date | null;
    },
  ): Promise<ApiTokenEntity> {
    const tokens = manager.getRepository(ApiTokenEntity);
    return tokens.save(tokens.create({ ...token, revokedAt: null, lastUsedAt: null }));
  }

  /**
   * Revokes one of the user's tokens, keeping the first revocation time; answers the token
   * before and after, or undefined when it is not theirs.
   */
  async revoke(
    manager: EntityManager,
    userId: string,
    id: string,
  ): Promise<{ before: ApiTokenEntity; after: ApiTokenEntity } | undefined> {
    const before = await manager
      .getRepository(ApiTokenEntity)
      .findOne({ where: { id, userId }, lock: { mode: 'pessimistic_write' } });
    if (!before) return undefined;
    if (before.revokedAt) return { before, after: before };
    // TypeORM answers an UPDATE on PostgreSQL with [rows, affected].
    const [rows]: [{ revoked_at: Date }[], number] = await manager.query(
      'UPDATE api_tokens SET revoked_at = now() WHERE id = $1 RETURNING revoked_at',
      [id],
    );
    return { before, after: { ...before, revokedAt: rows[0].revoked_at } };
  }
}
