import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { Request } from 'express';
import { AuditContext } from '@app/audit';
import { auditActorOf, decide, IdentityErrors, Permission, type Principal } from '@app/identity';
import { ACCESS_METADATA, type RouteAccess } from './access.decorator';
import { DenialRecorder } from './denial-recorder';

const BearerGuard = AuthGuard('bearer');

/**
 * The global guard: authenticates with passport, then asks the access policy. A route
 * without an @Access declaration is refused (and the app does not start with one).
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly bearer = new BearerGuard();

  constructor(
    private readonly reflector: Reflector,
    private readonly denials: DenialRecorder,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const access = this.reflector.get<RouteAccess | undefined>(
      ACCESS_METADATA,
      context.getHandler(),
    );
    if (!access) throw IdentityErrors.forbidden();
    const req = context.switchToHttp().getRequest<Request & { user?: Principal }>();
    if (access.permission !== Permission.Public) {
      try {
        await this.bearer.canActivate(context);
      } catch {
        throw IdentityErrors.unauthenticated();
      }
      if (req.user) AuditContext.setActor(auditActorOf(req.user));
    }
    const param = access.programmeParam ? req.params[access.programmeParam] : undefined;
    // Memberships are keyed by the lower-case id PostgreSQL answers; a URL may capitalise it.
    const programmeId = typeof param === 'string' ? param.toLowerCase() : undefined;
    const decision = decide(req.user, access.permission, { programmeId });
    if (decision === 'allow') return true;
    if (decision === 'unauthenticated') throw IdentityErrors.unauthenticated();
    await this.denials.record(req, { decision, permission: access.permission, programmeId });
    throw this.denials.markRecorded(
      decision === 'not_found' ? IdentityErrors.notFound('programme') : IdentityErrors.forbidden(),
    );
  }
}
