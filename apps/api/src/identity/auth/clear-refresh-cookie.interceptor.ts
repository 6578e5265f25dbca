import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import type { Response } from 'express';
import { catchError, type Observable, throwError } from 'rxjs';
import { DomainError } from '@app/core';
import { RefreshCookie } from './refresh-cookie';

/**
 * Drops the browser's refresh cookie when the route finds it no longer valid, so the app
 * stops presenting it. Only then: an outage (503) leaves a cookie that may still work.
 */
@Injectable()
export class ClearRefreshCookieInterceptor implements NestInterceptor {
  constructor(private readonly cookie: RefreshCookie) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        if (error instanceof DomainError && error.code === 'INVALID_REFRESH_TOKEN') {
          this.cookie.clear(context.switchToHttp().getResponse<Response>());
        }
        return throwError(() => error);
      }),
    );
  }
}
