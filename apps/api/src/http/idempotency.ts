import {
  applyDecorators,
  type CallHandler,
  type ExecutionContext,
  Inject,
  Injectable,
  Logger,
  type NestInterceptor,
  SetMetadata,
  UseInterceptors,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiHeader } from '@nestjs/swagger';
import canonicalize from 'canonicalize';
import type { Request, Response } from 'express';
import { createHash, createHmac, hkdfSync } from 'node:crypto';
import { catchError, from, mergeMap, type Observable, of, tap, throwError } from 'rxjs';
import {
  APP_CONFIG,
  type AppConfig,
  type IdempotencyClaim,
  IdempotencyErrors,
  IdempotencyKeys,
  IdempotencyScope,
  IdempotentReplay,
  loggableError,
  type StoredResponse,
} from '@app/core';
import type { Principal } from '@app/identity';
import { requestPath } from './problem';

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
/** Set on an answer that repeats the first answer to the key (as Stripe and others do). */
export const IDEMPOTENT_REPLAYED_HEADER = 'Idempotent-Replayed';

const IDEMPOTENT_METADATA = 'sbt:idempotent';
/** Visible ASCII: what a client can put in a header unquoted; a UUID fits, as does any ULID. */
const VALID_KEY = /^[\x21-\x7e]{1,255}$/;
/** The headers of a first answer that a repeat carries too. */
const KEPT_HEADERS = ['location', 'etag'] as const;

export interface IdempotentOptions {
  /**
   * Fields of the answer that are not kept for a repeat: a secret shown once (a new API
   * token) stays out of the database; the repeat says the thing was created, without it.
   */
  omit?: readonly string[];
}

/**
 * The request as a fingerprint: the same key with another request is refused (422). An HMAC,
 * not a bare hash: a body may hold a secret (a new user's initial password), and a plain
 * SHA-256 of it kept for a day would let whoever reads the table guess it offline at speed.
 */
function fingerprintOf(req: Request, key: Buffer): string {
  // An uploaded file (multipart) is part of the request: its digest, not its bytes.
  const file = (req as { file?: { buffer?: Buffer } }).file?.buffer;
  const text = canonicalize({
    method: req.method,
    path: requestPath(req),
    query: req.query ?? {},
    body: (req.body as unknown) ?? null,
    ...(file && { file: createHash('sha256').update(file).digest('hex') }),
  });
  return createHmac('sha256', key)
    .update(text ?? '', 'utf8')
    .digest('hex');
}

const principalKey = (principal: Principal) =>
  principal.apiToken ? `api_token:${principal.apiToken.id}` : `user:${principal.userId}`;

/**
 * `Idempotency-Key` on a creating POST (DESIGN §4; draft-ietf-httpapi-idempotency-key-header):
 * the key is scoped to the caller and the route; a retry with the same key and request gets
 * the first answer again (with `Idempotent-Replayed: true`) and creates nothing; one that
 * comes while the first is still running gets 409 with Retry-After; the same key with another
 * request gets 422. The key is recorded by the transaction that creates (IdempotencyScope),
 * so a crash never leaves a key without its change or a change without its key; the answer is
 * stored right after the commit.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger(IdempotencyInterceptor.name);
  /** Derived from a server secret (HKDF), for nothing else: fingerprints are not guessable. */
  private readonly fingerprintKey: Buffer;

  constructor(
    private readonly keys: IdempotencyKeys,
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.fingerprintKey = Buffer.from(
      hkdfSync(
        'sha256',
        config.auth.refreshSecret,
        '',
        'sterk-bestuur idempotency fingerprint',
        32,
      ),
    );
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<Request & { user?: Principal }>();
    const res = context.switchToHttp().getResponse<Response>();
    const key = req.get(IDEMPOTENCY_KEY_HEADER);
    if (key === undefined || !req.user) return next.handle();
    if (!VALID_KEY.test(key)) throw IdempotencyErrors.invalidKey();
    const claim: IdempotencyClaim = {
      principal: principalKey(req.user),
      route: `${req.method} ${requestPath(req)}`,
      key,
      fingerprint: fingerprintOf(req, this.fingerprintKey),
    };
    const options =
      this.reflector.get<IdempotentOptions | undefined>(
        IDEMPOTENT_METADATA,
        context.getHandler(),
      ) ?? {};
    return from(this.keys.find(claim)).pipe(
      mergeMap((stored) =>
        stored ? of(this.replay(res, stored)) : this.firstTime(claim, next, res, options),
      ),
      catchError((error: unknown) =>
        error instanceof IdempotentReplay
          ? of(this.replay(res, error.response))
          : throwError(() => error),
      ),
    );
  }

  private firstTime(
    claim: IdempotencyClaim,
    next: CallHandler,
    res: Response,
    options: IdempotentOptions,
  ): Observable<unknown> {
    // The handler runs in the scope (Nest binds it to the async context of `handle()`).
    const { result: handled, state } = IdempotencyScope.run(claim, () => next.handle());
    return handled.pipe(
      tap({
        next: () => IdempotencyScope.close(state),
        error: () => IdempotencyScope.close(state),
      }),
      mergeMap(async (body: unknown) => {
        if (state.committed) await this.store(claim, res, body, options);
        return body;
      }),
      // A retry that lost the race to the first request with its key can fail on what the
      // first one changed (a 412 on the version it moved) before its own transaction starts:
      // then the key's state decides the answer (the first answer, or 409 while in flight).
      catchError((error: unknown) =>
        state.committed || error instanceof IdempotentReplay
          ? throwError(() => error)
          : from(this.keys.find(claim)).pipe(
              mergeMap((stored) =>
                stored ? of(this.replay(res, stored)) : throwError(() => error),
              ),
            ),
      ),
    );
  }

  /** After the commit: a failure here loses only the repeat, never the change. */
  private async store(
    claim: IdempotencyClaim,
    res: Response,
    body: unknown,
    options: IdempotentOptions,
  ): Promise<void> {
    const headers: Record<string, string> = {};
    for (const name of KEPT_HEADERS) {
      const value = res.getHeader(name);
      if (typeof value === 'string') headers[name] = value;
    }
    let kept = body === undefined ? null : (JSON.parse(JSON.stringify(body)) as unknown);
    if (options.omit && kept !== null && typeof kept === 'object') {
      kept = Object.fromEntries(
        Object.entries(kept).filter(([field]) => !options.omit!.includes(field)),
      );
    }
    try {
      await this.keys.store(claim, { status: res.statusCode, headers, body: kept });
    } catch (error) {
      this.logger.warn(
        { event: 'idempotency_store_failed', error: loggableError(error) },
        'the answer to an Idempotency-Key could not be stored; a retry will get 409',
      );
    }
  }

  private replay(res: Response, stored: StoredResponse): unknown {
    res.status(stored.status);
    for (const [name, value] of Object.entries(stored.headers)) res.setHeader(name, value);
    res.setHeader(IDEMPOTENT_REPLAYED_HEADER, 'true');
    return stored.body;
  }
}

/**
 * A creating POST that takes an `Idempotency-Key` (documented on the operation; the OpenAPI
 * conventions add its 409 and 422).
 */
export function Idempotent(options: IdempotentOptions = {}): MethodDecorator {
  return applyDecorators(
    SetMetadata(IDEMPOTENT_METADATA, options),
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: IDEMPOTENCY_KEY_HEADER,
      required: false,
      description:
        'A key of your own (1–255 visible ASCII characters; a UUID will do) that makes a retry ' +
        'safe: the same request sent again with the same key within 24 hours is answered with ' +
        'the first answer (marked `Idempotent-Replayed: true`) and creates nothing. Scoped to ' +
        'you and this path.' +
        (options.omit?.length
          ? ` A repeated answer leaves out ${options.omit.map((f) => `\`${f}\``).join(', ')}, which is shown once.`
          : ''),
      schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[!-~]+$' },
    }),
  );
}
