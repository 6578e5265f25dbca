import { Inject, Injectable } from '@nestjs/common';
import { createSecretKey, type KeyObject } from 'node:crypto';
import { InjectDataSource } from '@nestjs/typeorm';
import jwt from 'jsonwebtoken';
import { DataSource } from 'typeorm';
import { APP_CONFIG, queryPrepared } from '@app/core';
import type { AppConfig } from '@app/core';
import type { ProgrammeRole } from '../access/permissions';
import type { Principal } from '../access/principal';
import type { ApiTokenScope } from './api-token.entity';
import { type Epoch, PrincipalCache } from './principal-cache';
import { hashToken } from './token-hash';

const ISSUER = 'sterk-bestuur-tracker';
const AUDIENCE = 'sterk-bestuur-tracker-api';
/**
 * The audience of a queue-dashboard ticket: a token for the dashboard's cookie only, never
 * taken as a bearer token by the API (whose audience it is not), nor the other way round.
 */
export const QUEUE_DASHBOARD_AUDIENCE = 'sterk-bestuur-tracker-queue-dashboard';

interface ApiTokenRow {
  id: string;
  programme_id: string;
  scope: ApiTokenScope;
  user_id: string;
  organisation_id: string;
  is_platform_admin: boolean;
}

interface AccessClaims {
  sub: string;
  sid: string;
}

/** How many verified access tokens are remembered (the oldest goes first). */
const VERIFIED_MAX = 10_000;

/**
 * Signs access JWTs and turns a bearer token (access JWT or `sbt_` API token) into a
 * Principal. A person's principal is read again whenever it may have changed (PrincipalCache:
 * its epoch moved, or it is older than PRINCIPAL_MAX_AGE_MS), so deactivation and log-out take
 * effect at once rather than when a token expires; an API token's every request.
 */
@Injectable()
export class AccessTokens {
  /**
   * The HMAC key as a KeyObject, made once: given a string, jsonwebtoken first tries to read
   * it as a public key on every call, and fails, which costs each request.
   */
  private readonly accessKey: KeyObject;
  /**
   * Tokens whose signature and claims verified, by audience and token, until they expire: a
   * client sends the same token for its whole life, and it need not be verified each time.
   * Only the signature's verdict is kept; the session is read on every request.
   */
  private readonly verified = new Map<string, AccessClaims & { expiresAt: number }>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly principals: PrincipalCache,
  ) {
    this.accessKey = createSecretKey(Buffer.from(config.auth.accessSecret, 'utf8'));
  }

  /** A short-lived access JWT for a session (refresh-token family) of a user. */
  sign(userId: string, sessionId: string): { accessToken: string; expiresIn: number } {
    const expiresIn = this.config.auth.accessTtlSeconds;
    const accessToken = jwt.sign({ sid: sessionId }, this.accessKey, {
      algorithm: 'HS256',
      subject: userId,
      issuer: ISSUER,
      audience: AUDIENCE,
      expiresIn,
    });
    return { accessToken, expiresIn };
  }

  /**
   * A short-lived ticket for another audience (the queue dashboard), bound to a person's
   * session: it stops working when the session ends, as an access token does.
   */
  signTicket(principal: Principal, audience: string, ttlSeconds: number): string {
    if (principal.kind !== 'user' || principal.sessionId === undefined) {
      throw new Error('a ticket is for a person signed in');
    }
    return jwt.sign({ sid: principal.sessionId }, this.accessKey, {
      algorithm: 'HS256',
      subject: principal.userId,
      issuer: ISSUER,
      audience,
      expiresIn: ttlSeconds,
    });
  }

  /** The person behind a ticket of `audience`, or undefined when it is not (or no longer) valid. */
  async authenticateTicket(ticket: string, audience: string): Promise<Principal | undefined> {
    return this.fromAccessToken(ticket, audience);
  }

  /**
   * The user and session an access token names, when its signature and claims verify (not
   * whether its session is still open: `authenticate` reads that); undefined for anything else.
   */
  accessClaims(bearer: string): { sub: string; sid: string } | undefined {
    return bearer.startsWith('sbt_') ? undefined : this.verify(bearer, AUDIENCE);
  }

  /**
   * The principal behind a bearer token, or undefined when it is not (or no longer) valid.
   * `epoch`: the user's principal epoch, asked when the request arrived (PrincipalCache.epoch
   * for `accessClaims`' user); asked here when not given.
   */
  async authenticate(
    bearer: string,
    epoch?: Promise<Epoch | undefined>,
  ): Promise<Principal | undefined> {
    return bearer.startsWith('sbt_')
      ? this.fromApiToken(bearer)
      : this.fromAccessToken(bearer, AUDIENCE, epoch);
  }

  private async fromAccessToken(
    token: string,
    audience: string = AUDIENCE,
    epochRead?: Promise<Epoch | undefined>,
  ): Promise<Principal | undefined> {
    const claims = this.verify(token, audience);
    if (!claims) return undefined;
    // Before the rows are read (PrincipalCache: the order makes it exact).
    const epoch = await (epochRead ?? this.principals.epoch(claims.sub));
    const kept = this.principals.get(claims.sub, claims.sid, epoch);
    if (kept) return kept;
    // One statement: the user, the session still open (till when), and the memberships.
    const rows: {
      id: string;
      organisation_id: string;
      is_platform_admin: boolean;
      memberships: [string, ProgrammeRole][] | null;
      session_ends_at: Date;
    }[] = await queryPrepared(
      this.dataSource,
      `SELECT * FROM (
         SELECT u.id, u.organisation_id, u.is_platform_admin,
                (SELECT json_agg(json_build_array(m.programme_id, m.role))
                   FROM memberships m WHERE m.user_id = u.id) AS memberships,
                (SELECT max(r.expires_at) FROM refresh_tokens r
                  WHERE r.family_id = $2 AND r.user_id = u.id AND r.revoked_at IS NULL
                    AND r.expires_at > now()) AS session_ends_at
           FROM users u
          WHERE u.id = $1 AND u.is_active) p
        WHERE p.session_ends_at IS NOT NULL`,
      [claims.sub, claims.sid],
    );
    if (rows.length === 0) return undefined;
    const principal: Principal = {
      kind: 'user',
      userId: rows[0].id,
      organisationId: rows[0].organisation_id,
      isPlatformAdmin: rows[0].is_platform_admin,
      memberships: new Map(rows[0].memberships ?? []),
      sessionId: claims.sid,
    };
    this.principals.put(principal, epoch, new Date(rows[0].session_ends_at));
    return principal;
  }

  private verify(token: string, audience: string): AccessClaims | undefined {
    const key = `${audience} ${token}`;
    const known = this.verified.get(key);
    if (known && Date.now() < known.expiresAt) return known;
    if (known) this.verified.delete(key);
    try {
      // Pinning the algorithm rejects `alg: none` and key-confusion tokens.
      const verified = jwt.verify(token, this.accessKey, {
        algorithms: ['HS256'],
        issuer: ISSUER,
        audience,
      });
      if (
        typeof verified === 'string' ||
        typeof verified.sub !== 'string' ||
        typeof verified.sid !== 'string' ||
        typeof verified.exp !== 'number'
      ) {
        return undefined;
      }
      const claims = { sub: verified.sub, sid: verified.sid, expiresAt: verified.exp * 1000 };
      if (this.verified.size >= VERIFIED_MAX) {
        this.verified.delete(this.verified.keys().next().value as string);
      }
      this.verified.set(key, claims);
      return claims;
    } catch {
      return undefined;
    }
  }

  private async fromApiToken(token: string): Promise<Principal | undefined> {
    // TypeORM answers an UPDATE with [rows, affected count], RETURNING or not.
    const [rows]: [ApiTokenRow[], number] = await this.dataSource.query(
      `UPDATE api_tokens t SET last_used_at = now()
         FROM users u
        WHERE t.token_hash = $1 AND t.revoked_at IS NULL
          AND (t.expires_at IS NULL OR t.expires_at > now())
          AND u.id = t.user_id AND u.is_active
        RETURNING t.id, t.programme_id, t.scope, u.id AS user_id, u.organisation_id, u.is_platform_admin`,
      [hashToken(token)],
    );
    if (!Array.isArray(rows)) return undefined;
    if (rows.length === 0) return undefined;
    const row = rows[0];
    const memberships = await this.memberships(row.user_id);
    const role = memberships.get(row.programme_id);
    return {
      kind: 'api_token',
      userId: row.user_id,
      organisationId: row.organisation_id,
      isPlatformAdmin: row.is_platform_admin,
      // A token sees only its programme, and only while its owner is a member there.
      memberships: new Map(role ? [[row.programme_id, role]] : []),
      apiToken: { id: row.id, programmeId: row.programme_id, scope: row.scope },
    };
  }

  private async memberships(userId: string): Promise<Map<string, ProgrammeRole>> {
    const rows: { programme_id: string; role: ProgrammeRole }[] = await this.dataSource.query(
      'SELECT programme_id, role FROM memberships WHERE user_id = $1',
      [userId],
    );
    return new Map(rows.map((row) => [row.programme_id, row.role]));
  }
}
