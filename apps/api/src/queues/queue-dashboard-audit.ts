import { Injectable, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AuditContext, type AuditOperation, AuditService } from '@app/audit';
import { buildProblem, PROBLEM_CONTENT_TYPE } from '../http/problem';

/** A change made on the queue dashboard, as the audit log keeps it. */
export interface QueueWriteAction {
  operation: AuditOperation;
  /** What was done: `retry`, `promote`, `remove` one job; `retry_all`, `promote_all`, `clean` a state. */
  action: string;
  queue: string;
  jobId?: string;
  /** The job state a bulk action was applied to (`failed`, `completed`, …). */
  state?: string;
}

const SEGMENT = '([A-Za-z0-9._:%-]{1,200})';

/**
 * The board's routes (bull-board 9, PUT) that QUEUE_DASHBOARD_WRITE allows, in the router's
 * order: the bulk routes first, as bull-board matches them, so `…/retry/failed` is a bulk retry.
 */
const WRITE_ROUTES: readonly {
  pattern: RegExp;
  make: (match: string[]) => Omit<QueueWriteAction, 'queue'>;
}[] = [
  {
    pattern: new RegExp(`^/api/queues/${SEGMENT}/retry/${SEGMENT}$`),
    make: ([, , state]) => ({ operation: 'update', action: 'retry_all', state }),
  },
  {
    pattern: new RegExp(`^/api/queues/${SEGMENT}/clean/${SEGMENT}$`),
    make: ([, , state]) => ({ operation: 'delete', action: 'clean', state }),
  },
  {
    pattern: new RegExp(`^/api/queues/${SEGMENT}/promote$`),
    make: () => ({ operation: 'update', action: 'promote_all' }),
  },
  {
    pattern: new RegExp(`^/api/queues/${SEGMENT}/${SEGMENT}/retry$`),
    make: ([, , jobId]) => ({ operation: 'update', action: 'retry', jobId }),
  },
  {
    pattern: new RegExp(`^/api/queues/${SEGMENT}/${SEGMENT}/promote$`),
    make: ([, , jobId]) => ({ operation: 'update', action: 'promote', jobId }),
  },
  {
    pattern: new RegExp(`^/api/queues/${SEGMENT}/${SEGMENT}/clean$`),
    make: ([, , jobId]) => ({ operation: 'delete', action: 'remove', jobId }),
  },
];

const decode = (value: string | undefined) => {
  if (value === undefined) return undefined;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
};

/** The allowed change a board request makes, or undefined when it is not one of them. */
export function writeActionOf(method: string, path: string): QueueWriteAction | undefined {
  if (method !== 'PUT') return undefined;
  for (const route of WRITE_ROUTES) {
    const match = route.pattern.exec(path);
    if (!match) continue;
    const made = route.make([...match]);
    return {
      ...made,
      queue: decode(match[1]) as string,
      ...(made.jobId !== undefined ? { jobId: decode(made.jobId) } : {}),
      ...(made.state !== undefined ? { state: decode(made.state) } : {}),
    };
  }
  return undefined;
}

/** Puts every change made on the queue dashboard on record, with its outcome. */
@Injectable()
export class QueueDashboardAudit {
  private readonly logger = new Logger(QueueDashboardAudit.name);

  constructor(private readonly audit: AuditService) {}

  /**
   * Records `action` once the board has answered it, before the answer leaves: success for a
   * 2xx, failure otherwise. When the event cannot be written the caller gets a 500, never a
   * success without a record. The request's context (actor, origin) is taken now: the
   * board's body parser may run its handler outside it.
   */
  around(action: QueueWriteAction, req: Request, res: Response): void {
    const { origin, actor } = AuditContext.current();
    const send = res.json.bind(res);
    res.json = ((body: unknown) => {
      const status = res.statusCode;
      AuditContext.run(origin, () => {
        AuditContext.setActor(actor);
        return this.audit.recordAlone({
          operation: action.operation,
          entityType: action.jobId === undefined ? 'job_queue' : 'queue_job',
          entityId: action.jobId === undefined ? action.queue : `${action.queue}:${action.jobId}`,
          result: status < 400 ? 'success' : 'failure',
          details: {
            action: action.action,
            queue: action.queue,
            ...(action.jobId !== undefined ? { jobId: action.jobId } : {}),
            ...(action.state !== undefined ? { state: action.state } : {}),
            status,
          },
        });
      }).then(
        () => send(body),
        (error: unknown) => {
          this.logger.error({ err: error }, 'queue dashboard: audit event not recorded');
          res.status(500).type(PROBLEM_CONTENT_TYPE);
          send(buildProblem(req, 500, 'INTERNAL_ERROR', 'The change could not be put on record.'));
        },
      );
      return res;
    }) as Response['json'];
  }
}
