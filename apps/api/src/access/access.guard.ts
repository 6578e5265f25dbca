import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { Request } from 'express';
import { AuditContext } from '@app/audit';
import { auditActorOf, decide, IdentityErrors, Permission, type Principal } from '@app/identity';
import { ACCESS_METADATA, type RouteAccess } from './access.decorator';

const BearerGuard = AuthGuard('bearer');

/**
 * The global guard: authenticates with passport, then asks the access policy. A route
 * without an @Access declaration is refused (and the app does not start with one).
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly bearer = new BearerGuard();

  constructor(private readonly reflector: Reflector) {}

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
    const programmeId = access.programmeParam ? req.params[access.programmeParam] : undefined;
    const decision = decide(req.user, access.permission, {
      programmeId: typeof programmeId === 'string' ? programmeId : undefined,
    });
    if (decision === 'allow') return true;
    if (decision === 'unauthenticated') throw IdentityErrors.unauthenticated();
    if (decision === 'not_found') throw IdentityErrors.notFound('programme');
    throw IdentityErrors.forbidden();
  }
}
