import {
  type CanActivate,
  type ExecutionContext,
  Injectable,
  type OnModuleInit,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { Request, Response } from 'express';
import { AuditContext } from '@app/audit';
import {
  AccessTokens,
  auditActorOf,
  clientKey,
  decide,
  IdentityErrors,
  Permission,
  type Principal,
  PrincipalCache,
  ProgrammesService,
} from '@app/identity';
import { principalKey, rateClassOf, userKey } from '../rate-limit/rate-limit-policy';
import { type Counted, RateLimits } from '../rate-limit/rate-limits.service';
import { ACCESS_METADATA, type RouteAccess } from './access.decorator';
import { BASIC_CHALLENGE, parseBasicApiToken } from './basic-api-token';
import { PRINCIPAL_EPOCH } from './bearer.strategy';
import { DenialRecorder } from './denial-recorder';

const BearerGuard = AuthGuard('bearer');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The global guard: counts the request against its client address's rate limit, authenticates
 * with passport, counts it against the principal's, then asks the access policy. A route
 * without an @Access declaration is refused (and the app does not start with one).
 */
@Injectable()
export class AccessGuard implements CanActivate, OnModuleInit {
  private readonly bearer = new BearerGuard();

  constructor(
    private readonly reflector: Reflector,
    private readonly denials: DenialRecorder,
    private readonly tokens: AccessTokens,
    private readonly rateLimits: RateLimits,
    private readonly programmes: ProgrammesService,
    private readonly principals: PrincipalCache,
  ) {}

  onModuleInit(): void {
    // This process authenticates requests with principals kept between them.
    this.principals.keep();
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const access = this.reflector.get<RouteAccess | undefined>(
      ACCESS_METADATA,
      context.getHandler(),
    );
    if (!access) throw IdentityErrors.forbidden();
    const req = context.switchToHttp().getRequest<Request & { user?: Principal }>();
    const res = context.switchToHttp().getResponse<Response>();
    const rateClass = rateClassOf(req.method, access.rateLimit);
    const authenticates = access.permission !== Permission.Public;
    // A signed access token names its user and session before the session is read: then the
    // user's principal epoch (PrincipalCache: taken as the request arrives; from memory while
    // this process hears every change, else asked of Redis) is taken with the address's count;
    // and so is the principal's count when this process keeps the session's principal, which
    // it does only while the session is open (a leaked token of an ended session must not
    // spend its owner's budget). What of these needs Redis goes in one round trip. The count is
    // enforced only once the token has authenticated, as before; other tokens are counted then.
    const claims = authenticates ? this.signedClaims(req) : undefined;
    if (claims) {
      (req as { [PRINCIPAL_EPOCH]?: unknown })[PRINCIPAL_EPOCH] = this.principals.epoch(claims.sub);
    }
    const subject =
      rateClass && claims && this.principals.holds(claims.sub, claims.sid)
        ? userKey(claims.sub)
        : undefined;
    let early: Promise<Counted> | undefined;
    // Before authentication: a flood with made-up tokens stops here, without a token lookup.
    if (rateClass && subject) {
      const address = this.rateLimits.count('address', rateClass, clientKey(req.ip));
      early = this.rateLimits.count('principal', rateClass, subject);
      early.catch(() => undefined);
      this.rateLimits.enforce(res, await address);
    } else if (rateClass) {
      await this.rateLimits.admit(res, 'address', rateClass, clientKey(req.ip));
    }
    if (authenticates) {
      await this.authenticate(context, access, req, res);
      if (req.user) AuditContext.setActor(auditActorOf(req.user));
    }
    if (rateClass && req.user) {
      const key = principalKey(req.user);
      if (early && key === subject) this.rateLimits.enforce(res, await early);
      else await this.rateLimits.admit(res, 'principal', rateClass, key);
    }
    const param = access.programmeParam ? req.params[access.programmeParam] : undefined;
    // Memberships are keyed by the lower-case id PostgreSQL answers; a URL may capitalise it.
    const programmeId = typeof param === 'string' ? param.toLowerCase() : undefined;
    const decision = decide(req.user, access.permission, { programmeId });
    if (decision === 'allow') {
      // A platform administrator is let into any programme id, members only into their own:
      // one that does not exist is a 404 here, not a foreign-key violation (500) in a service
      // that writes under it. A malformed id is left for validation to refuse (400).
      if (programmeId && req.user?.isPlatformAdmin && UUID.test(programmeId)) {
        await this.programmes.get(req.user, programmeId);
      }
      return true;
    }
    if (decision === 'unauthenticated') throw this.unauthenticated(access, res);
    await this.denials.record(req, { decision, permission: access.permission, programmeId });
    throw this.denials.markRecorded(
      decision === 'not_found' ? IdentityErrors.notFound('programme') : IdentityErrors.forbidden(),
    );
  }

  /**
   * The user and session a signed access token in the Authorization header names (not yet
   * authenticated).
   */
  private signedClaims(req: Request): { sub: string; sid: string } | undefined {
    const [scheme, token, ...rest] = (req.headers.authorization ?? '').split(' ');
    if (rest.length > 0 || !token || !/^bearer$/i.test(scheme)) return undefined;
    return this.tokens.accessClaims(token);
  }

  /** Bearer (passport), or on routes that take it an API token as the Basic password. */
  private async authenticate(
    context: ExecutionContext,
    access: RouteAccess,
    req: Request & { user?: Principal },
    res: Response,
  ): Promise<void> {
    const basic = access.basicApiToken
      ? parseBasicApiToken(req.get('authorization'))
      : ({ kind: 'absent' } as const);
    if (basic.kind === 'invalid') throw this.unauthenticated(access, res);
    if (basic.kind === 'token') {
      const principal = await this.tokens.authenticate(basic.token);
      if (principal?.kind !== 'api_token') throw this.unauthenticated(access, res);
      req.user = principal;
      return;
    }
    try {
      await this.bearer.canActivate(context);
    } catch (error) {
      // passport answers a token that does not authenticate with an UnauthorizedException;
      // anything else is the server failing to check it (PostgreSQL away: 503 through the
      // problem filter), never the caller's fault — a 401 would tell a client to sign out.
      if (!(error instanceof UnauthorizedException)) throw error;
      throw this.unauthenticated(access, res);
    }
  }

  /**
   * A 401; on routes that take Basic credentials it also challenges for them (the problem
   * filter adds the Bearer challenge), so that calendar apps ask for the token.
   */
  private unauthenticated(access: RouteAccess, res: Response): Error {
    if (access.basicApiToken) res.setHeader('WWW-Authenticate', BASIC_CHALLENGE);
    return IdentityErrors.unauthenticated();
  }
}
