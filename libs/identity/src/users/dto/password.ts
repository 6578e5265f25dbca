import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../passwords';

/**
 * A new password: its length is checked with the rest of the body; whether it is common or
 * derived from the e-mail address is checked by the service (Passwords.check).
 */
export function NewPassword(
  description: string,
  options: { required?: boolean } = {},
): PropertyDecorator {
  return applyDecorators(
    ApiProperty({
      required: options.required ?? true,
      description: `${description} At least ${MIN_PASSWORD_LENGTH} characters; not a commonly used password and not derived from the e-mail address.`,
      minLength: MIN_PASSWORD_LENGTH,
      maxLength: MAX_PASSWORD_LENGTH,
      format: 'password',
      writeOnly: true,
      example: 'Samen-Sterk-Bestuur-2027',
    }),
    IsString(),
    MinLength(MIN_PASSWORD_LENGTH, {
      message: `$property must be at least ${MIN_PASSWORD_LENGTH} characters`,
    }),
    MaxLength(MAX_PASSWORD_LENGTH, {
      message: `$property must be at most ${MAX_PASSWORD_LENGTH} characters`,
    }),
  );
}
