import { ValidationError, ValidationPipe } from '@nestjs/common';
import { CoreErrors, InvalidParam } from '@app/core';

/** Flattens class-validator's tree into `invalidParams`: one entry per broken rule, dotted names. */
export function toInvalidParams(errors: ValidationError[], parent = ''): InvalidParam[] {
  return errors.flatMap((error) => {
    const name = parent
      ? /^\d+$/.test(error.property)
        ? `${parent}[${error.property}]`
        : `${parent}.${error.property}`
      : error.property;
    const own = Object.values(error.constraints ?? {}).map((reason) => ({ name, reason }));
    return [...own, ...toInvalidParams(error.children ?? [], name)];
  });
}

/**
 * Whitelisting: unknown properties are an error, not silently dropped, so a client learns
 * about a typo at once. All problems are reported together (API Design Rules).
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    stopAtFirstError: false,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => CoreErrors.validationFailed(toInvalidParams(errors)),
  });
}
