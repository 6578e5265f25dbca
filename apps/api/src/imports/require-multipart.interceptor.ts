import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import { ImportErrors } from '@app/imports';

/**
 * The upload takes multipart/form-data: any other body is a 415, said once the caller is
 * authorised (guards run first) and before the body is read or validated.
 */
@Injectable()
export class RequireMultipartInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<Request>();
    if (req.is('multipart/form-data') !== 'multipart/form-data') throw ImportErrors.notMultipart();
    return next.handle();
  }
}
