import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import {
  CoreErrors,
  DomainError,
  ErrorKind,
  isDatabaseUnavailable,
  isTransactionConflict,
  loggableError,
} from '@app/core';
import type { DenialRecorder } from '../access/denial-recorder';
import { buildProblem, Problem, requestPath, sendProblem } from './problem';

/** One HTTP status per kind of domain error; `satisfies` keeps the map exhaustive. */
export const STATUS_OF_KIND = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  precondition_failed: 412,
  payload_too_large: 413,
  unprocessable: 422,
  unsupported_media_type: 415,
  precondition_required: 428,
  rate_limited: 429,
  unavailable: 503,
} as const satisfies Record<ErrorKind, number>;

const CODE_OF_STATUS: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  409: 'CONFLICT',
  412: 'PRECONDITION_FAILED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE_CONTENT',
  428: 'PRECONDITION_REQUIRED',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

/**
 * Turns every error into `application/problem+json`. Domain errors carry their own code and
 * a message meant for the client; anything unexpected becomes a logged 500 that shows the
 * client nothing but the request id.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  /** `denials`: records the 403s that services decide (the guard records its own). */
  constructor(private readonly denials?: DenialRecorder) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const context = host.switchToHttp();
    const req = context.getRequest<Request>();
    const res = context.getResponse<Response>();
    if (
      this.denials &&
      exception instanceof DomainError &&
      exception.kind === 'forbidden' &&
      !this.denials.wasRecorded(exception)
    ) {
      // On record before the answer, as the guard's refusals are.
      void this.denials
        .record(req, { decision: 'forbidden' })
        .finally(() => this.respond(exception, req, res));
      return;
    }
    this.respond(exception, req, res);
  }

  private respond(exception: unknown, req: Request, res: Response): void {
    if (res.headersSent) {
      this.logger.error(
        { error: loggableError(exception), requestId: (req as { id?: unknown }).id },
        'error after response started',
      );
      res.end();
      return;
    }
    const error = this.asDomainError(exception, req);
    const problem = this.toProblem(error, req);
    // RFC 9110: a 429 or 503 says when to try again.
    if (error instanceof DomainError && error.retryAfterSeconds !== undefined)
      res.setHeader('Retry-After', String(error.retryAfterSeconds));
    // RFC 6750: a 401 names the scheme the client should use. Appended: a route that also
    // takes Basic credentials has set that challenge already (AccessGuard).
    if (problem.status === 401)
      res.appendHeader('WWW-Authenticate', 'Bearer realm="sterk-bestuur-tracker"');
    sendProblem(res, problem);
  }

  /**
   * An outage of PostgreSQL, or a transaction that kept meeting others after its retries, is
   * a 503 with Retry-After: never the caller's fault, and never a 500 (DESIGN §5).
   */
  private asDomainError(exception: unknown, req: Request): unknown {
    if (exception instanceof DomainError) return exception;
    const unavailable = isDatabaseUnavailable(exception);
    if (!unavailable && !isTransactionConflict(exception)) return exception;
    this.logger.warn(
      { error: loggableError(exception), requestId: (req as { id?: unknown }).id },
      unavailable ? 'database unavailable' : 'transaction conflict not resolved by retries',
    );
    return CoreErrors.unavailable(unavailable ? 5 : 1);
  }

  private toProblem(exception: unknown, req: Request): Problem {
    if (exception instanceof DomainError) {
      const status = STATUS_OF_KIND[exception.kind];
      return buildProblem(req, status, exception.code, exception.message, exception.invalidParams);
    }
    if (
      exception instanceof HttpException &&
      (exception.getStatus() < 500 || exception.getStatus() === 503)
    ) {
      const status = exception.getStatus();
      const detail =
        status === 404
          ? `There is no resource at ${req.method} ${requestPath(req)}.`
          : exception.message;
      return buildProblem(req, status, CODE_OF_STATUS[status] ?? `HTTP_${status}`, detail);
    }
    const requestId = (req as { id?: unknown }).id;
    this.logger.error({ error: loggableError(exception), requestId }, 'unhandled error');
    return buildProblem(
      req,
      500,
      'INTERNAL_ERROR',
      'An unexpected error occurred. Quote the request id when you report it.',
    );
  }
}
