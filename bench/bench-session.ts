/** A signed-in session for the benchmarks that call the API as a user. */
import { randomBytes, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { AppConfig, RedisConnections } from '@app/core';
import { AccessTokens, PrincipalCache, PrincipalChanges } from '@app/identity';

/**
 * Opens a session of a day for `userId` (a refresh-token family, as log-in would) and answers
 * a function that signs an access token of it, as the API does.
 */
export async function benchSession(
  config: AppConfig,
  dataSource: DataSource,
  userId: string,
): Promise<() => string> {
  const sessionId = randomUUID();
  await dataSource.query(
    `INSERT INTO refresh_tokens (user_id, family_id, token_hash, expires_at)
     VALUES ($1, $2, $3, now() + interval '1 day')`,
    [userId, sessionId, randomBytes(32).toString('hex')],
  );
  // Signing needs neither Redis nor the cache: the connection is never opened.
  const connections = new RedisConnections(config);
  const tokens = new AccessTokens(
    config,
    dataSource,
    new PrincipalCache(config, connections, new PrincipalChanges(config, connections)),
  );
  return () => tokens.sign(userId, sessionId).accessToken;
}
