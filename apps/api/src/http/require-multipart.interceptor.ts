import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import { DomainError } from '@app/core';

/**
 * An upload (a spreadsheet, an attachment) takes multipart/form-data: any other body is a 415,
 * said once the caller is authorised (guards run first) and before the body is read or
 * validated.
 */
@Injectable()
export class RequireMultipartInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<Request>();
    if (req.is('multipart/form-data') !== 'multipart/form-data') {
      throw new DomainError(
        'unsupported_media_type',
        'UNSUPPORTED_MEDIA_TYPE',
        'Send the file as multipart/form-data, in the field "file".',
      );
    }
    return next.handle();
  }
}
