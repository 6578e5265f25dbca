import { Injectable, Logger } from '@nestjs/common';
import type { Request } from 'express';
import { AuditContext, AuditService } from '@app/audit';
import { DenialThrottle } from './denial-throttle';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface Denial {
  /** `forbidden` (403) or `not_found` (404: outside the caller's programmes). */
  decision: 'forbidden' | 'not_found';
  /** The permission the guard asked for; absent when a service refused. */
  permission?: string;
  programmeId?: string;
}

/**
 * Records refusals of signed-in callers in the audit log (BIO2 8.15), for the guard and for
 * refusals that services decide on a loaded resource (the problem filter passes those on).
 * Unauthenticated requests are not recorded: anyone could send those at full speed, and every
 * event waits its turn on the chain head. Repeats are throttled (DenialThrottle). If
 * recording fails, the caller still gets the refusal it earned.
 */
@Injectable()
export class DenialRecorder {
  private readonly logger = new Logger(DenialRecorder.name);
  private readonly throttle = new DenialThrottle();
  private readonly recorded = new WeakSet<object>();

  constructor(private readonly audit: AuditService) {}

  /** Marks an error as recorded, so the problem filter does not record it again. */
  markRecorded<E extends object>(error: E): E {
    this.recorded.add(error);
    return error;
  }

  wasRecorded(error: object): boolean {
    return this.recorded.has(error);
  }

  async record(req: Request, denial: Denial): Promise<void> {
    // The route as declared (`/v1/programmes/:id`), not as called: ids stay out of the name.
    const declared = (req.route as { path?: unknown } | undefined)?.path;
    const route = typeof declared === 'string' ? declared : req.path;
    const entityId = `${req.method} ${route}`.slice(0, 200);
    const programmeId =
      denial.programmeId !== undefined && UUID.test(denial.programmeId) ? denial.programmeId : null;
    const { actor } = AuditContext.current();
    if (actor.type === 'anonymous' || actor.type === 'system') return;
    const admitted = this.throttle.admit(
      `${actor.type}:${actor.id} ${entityId} ${programmeId} ${denial.decision}`,
      Date.now(),
    );
    if (!admitted.record) return;
    try {
      await this.audit.recordAlone({
        operation: 'permission_denied',
        result: 'denied',
        entityType: 'route',
        entityId,
        programmeId,
        details: {
          ...(denial.permission === undefined ? {} : { permission: denial.permission }),
          decision: denial.decision,
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
