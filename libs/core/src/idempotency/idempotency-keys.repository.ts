import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from '../clock/clock';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import type { IdempotencyClaim } from './idempotency-scope';
import { IdempotencyErrors, IdempotentReplay, type StoredResponse } from './idempotency.errors';

interface KeyRow {
  fingerprint: string;
  createdAt: Date;
  status: number | null;
  headers: Record<string, string> | null;
  body: unknown;
}

/**
 * A key whose change committed but whose answer is not stored yet is "in flight" for this
 * long (the answer normally follows within milliseconds); after it, the process that
 * committed died before storing the answer. Counted from the key's claim, at the start of its
 * transaction: generous, so that a long transaction (a round of every action in a large
 * programme) is not taken for a dead one right after its commit.
 */
const RESPONSE_GRACE_MS = 5 * 60_000;

const KEY_COLUMNS = `fingerprint, created_at AS "createdAt", status, headers, body`;

/** The table of `Idempotency-Key`s (owned by core, which carries the mechanism). */
@Injectable()
export class IdempotencyKeys {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /**
   * Before a request runs: answers the stored response of a request with the same key, or
   * throws what the key's state says (in flight, reused, answer lost); undefined when the key
   * is new or expired.
   */
  async find(claim: IdempotencyClaim): Promise<StoredResponse | undefined> {
    const rows = await this.dataSource.query<KeyRow[]>(
      `SELECT ${KEY_COLUMNS} FROM idempotency_keys
        WHERE principal = $1 AND route = $2 AND key = $3 AND expires_at > $4`,
      [claim.principal, claim.route, claim.key, this.clock.now()],
    );
    return rows[0] ? this.judge(rows[0], claim) : undefined;
  }

  /**
   * First thing in the transaction that makes the change: takes the key for this
   * transaction (a second request with it answers 409 until this one ends) and records it,
   * so it commits with the change or rolls back with it. Throws `IdempotentReplay` when a
   * request with the key committed since `find` looked.
   */
  async claim(manager: EntityManager, claim: IdempotencyClaim): Promise<void> {
    const [{ locked }] = await manager.query<{ locked: boolean }[]>(
      `SELECT pg_try_advisory_xact_lock(hashtextextended($1, 16)) AS locked`,
      [`idempotency-key\n${claim.principal}\n${claim.route}\n${claim.key}`],
    );
    if (!locked) throw IdempotencyErrors.inFlight();
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + this.config.idempotency.ttlHours * 3_600_000);
    // A live row (committed after `find` looked) is left alone; an expired one is replaced.
    const inserted = await manager.query<unknown[]>(
      `INSERT INTO idempotency_keys (principal, route, key, fingerprint, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (principal, route, key) DO UPDATE
         SET fingerprint = EXCLUDED.fingerprint, created_at = EXCLUDED.created_at,
             expires_at = EXCLUDED.expires_at, status = NULL, headers = NULL, body = NULL
         WHERE idempotency_keys.expires_at <= EXCLUDED.created_at
       RETURNING 1`,
      [claim.principal, claim.route, claim.key, claim.fingerprint, now, expiresAt],
    );
    if (inserted.length > 0) return;
    const [row] = await manager.query<KeyRow[]>(
      `SELECT ${KEY_COLUMNS} FROM idempotency_keys
        WHERE principal = $1 AND route = $2 AND key = $3`,
      [claim.principal, claim.route, claim.key],
    );
    throw new IdempotentReplay(this.judge(row, claim));
  }

  /** After the commit: the answer to repeat for a retry with the same key. */
  async store(claim: IdempotencyClaim, response: StoredResponse): Promise<void> {
    await this.dataSource.query(
      `UPDATE idempotency_keys SET status = $5, headers = $6::jsonb, body = $7::jsonb
        WHERE principal = $1 AND route = $2 AND key = $3 AND fingerprint = $4 AND status IS NULL`,
      [
        claim.principal,
        claim.route,
        claim.key,
        claim.fingerprint,
        response.status,
        JSON.stringify(response.headers),
        JSON.stringify(response.body ?? null),
      ],
    );
  }

  /** Deletes up to `limit` keys that expired; answers how many. */
  async purgeExpired(limit: number): Promise<number> {
    // Counted in a SELECT: TypeORM answers a bare DELETE as [rows, count], not as rows.
    const [{ count }] = await this.dataSource.query<{ count: number }[]>(
      `WITH deleted AS (
         DELETE FROM idempotency_keys WHERE ctid IN (
           SELECT ctid FROM idempotency_keys WHERE expires_at <= $1 LIMIT $2)
         RETURNING 1)
       SELECT count(*)::int AS count FROM deleted`,
      [this.clock.now(), limit],
    );
    return count;
  }

  private judge(row: KeyRow, claim: IdempotencyClaim): StoredResponse {
    if (row.fingerprint !== claim.fingerprint) throw IdempotencyErrors.reused();
    if (row.status !== null && row.headers !== null) {
      return { status: row.status, headers: row.headers, body: row.body };
    }
    const age = this.clock.now().getTime() - new Date(row.createdAt).getTime();
    throw age < RESPONSE_GRACE_MS ? IdempotencyErrors.inFlight() : IdempotencyErrors.responseLost();
  }
}
