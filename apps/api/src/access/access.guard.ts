import { type CanActivate, type ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { Request } from 'express';
import { AuditContext, AuditService } from '@app/audit';
import {
  auditActorOf,
  decide,
  IdentityErrors,
  Permission,
  type Decision,
  type Principal,
} from '@app/identity';
import { ACCESS_METADATA, type RouteAccess } from './access.decorator';
import { DenialThrottle } from './denial-throttle';

const BearerGuard = AuthGuard('bearer');

/** The route's programme id only when it can be one: the path is not validated yet. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The global guard: authenticates with passport, then asks the access policy. A route
 * without an @Access declaration is refused (and the app does not start with one).
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);
  private readonly bearer = new BearerGuard();
  private readonly denials = new DenialThrottle();

  constructor(
    private readonly reflector: Reflector,
    private readonly audit: AuditService,
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
    await this.recordDenial(req, access.permission, decision, programmeId);
    if (decision === 'not_found') throw IdentityErrors.notFound('programme');
    throw IdentityErrors.forbidden();
  }

  /**
   * Records a refusal of a signed-in caller (BIO2 8.15). Unauthenticated requests are not
   * recorded: anyone could send those at full speed, and every event waits its turn on the
   * chain head. Repeats are throttled (DenialThrottle). If recording fails, the caller still
   * gets the refusal it earned.
   */
  private async recordDenial(
    req: Request,
    permission: Permission,
    decision: Exclude<Decision, 'allow' | 'unauthenticated'>,
    programmeId: string | undefined,
  ): Promise<void> {
    // The route as declared (`/v1/programmes/:id`), not as called: ids stay out of the name.
    const declared = (req.route as { path?: unknown } | undefined)?.path;
    const route = typeof declared === 'string' ? declared : req.path;
    const entityId = `${req.method} ${route}`.slice(0, 200);
    const scoped = programmeId !== undefined && UUID.test(programmeId) ? programmeId : null;
    const { actor } = AuditContext.current();
    const admitted = this.denials.admit(
      `${actor.type}:${actor.id} ${entityId} ${scoped} ${decision}`,
      Date.now(),
    );
    if (!admitted.record) return;
    try {
      await this.audit.recordAlone({
        operation: 'permission_denied',
        result: 'denied',
        entityType: 'route',
        entityId,
        programmeId: scoped,
        details: {
          permission,
          decision,
          ...(admitted.suppressed > 0 ? { repeatsNotRecorded: admitted.suppressed } : {}),
        },
      });
    } catch (error) {
      this.logger.error(
        {
          event: 'audit_record_failed',
          operation: 'permission_denied',
          error: (error as Error).message,
        },
        'could not record a denied request in the audit log',
      );
    }
  }
}
