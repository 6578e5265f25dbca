import { Transform } from 'class-transformer';
import { applyDecorators } from '@nestjs/common';
import {
  buildMessage,
  IsString,
  Matches,
  ValidateBy,
  ValidateIf,
  type ValidationOptions,
} from 'class-validator';

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Some non-white-space character: a name of only spaces is no name. */
export const NOT_BLANK = /\S/;

/** A real calendar date written as YYYY-MM-DD (ISO 8601 `full-date`): no time, no zone. */
export function isDateOnly(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = DATE_ONLY.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 2026-02-30 over to 2026-03-02 (and maps years below 100 to 19xx).
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

export function IsDateOnly(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isDateOnly',
      validator: {
        validate: (value: unknown) => isDateOnly(value),
        defaultMessage: buildMessage(
          (each) => `${each}$property must be a calendar date written as YYYY-MM-DD`,
          options,
        ),
      },
    },
    options,
  );
}

/**
 * `null` on a request property (README "API conventions"): a property that may be left out is
 * `@IsOmittable()`, and an explicit `null` is validated like any value, so refused with a 400
 * naming the property. Only where null means "none" (a value a change can clear) is the
 * property `@IsNullable()` and documented `nullable: true`. class-validator's `@IsOptional()`
 * lets null through unchecked to a service that does not expect it (a 500), so it is not used
 * (ESLint refuses it).
 */
export function IsOmittable(): PropertyDecorator {
  return ValidateIf((_object: object, value: unknown) => value !== undefined);
}

/** Marks the conditions of `@IsNullable()`, so that a test can find them. */
export const NULLABLE_CONTEXT = { nullable: true } as const;

/**
 * `null` means "none" here (on a change: clear the value), and skips the other rules; so does
 * leaving the property out, unless `required` (then it must be sent, null or a value). Pair it
 * with `nullable: true` in the property's OpenAPI schema.
 */
export function IsNullable(options: { required?: boolean } = {}): PropertyDecorator {
  return ValidateIf(
    (_object: object, value: unknown) =>
      value !== null && (options.required === true || value !== undefined),
    { context: NULLABLE_CONTEXT },
  );
}

/** Trims surrounding white space of a string, so that "  " does not count as a name. */
export function Trim(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim() : value,
  );
}

/**
 * Reads a query-string boolean: only `true` and `false` (class-transformer's Boolean would turn
 * the string "false" into true). Anything else is left for @IsBoolean to refuse.
 */
export function QueryBoolean(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) =>
    value === 'true' ? true : value === 'false' ? false : value,
  );
}

/**
 * Reads a query parameter that may be given several times (`status=a&status=b`) or as a
 * comma-separated list (`status=a,b`) into an array of strings.
 */
export function QueryList(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }): unknown[] => {
    const values: unknown[] = Array.isArray(value) ? (value as unknown[]) : [value];
    return values.flatMap((item): unknown[] =>
      typeof item === 'string'
        ? item
            .split(',')
            .map((part) => part.trim())
            .filter(Boolean)
        : [item],
    );
  });
}

const lower = (value: unknown) => (typeof value === 'string' ? value.toLowerCase() : value);

/**
 * LowerCase's transformation, one function for every property: the validation pipe's fast
 * path for a path of one id (apps/api/src/http/validation.ts) knows it by identity.
 */
export const toLowerCase = ({ value }: { value: unknown }): unknown =>
  // A list of ids too: each of its strings.
  Array.isArray(value) ? value.map(lower) : lower(value);

/** Lower-cases a string (ids in paths: PostgreSQL answers uuids in lower case). */
export function LowerCase(): PropertyDecorator {
  return Transform(toLowerCase);
}

/** `me` or a user id, as a filter's value (`ownerUser=me`); its pattern for OpenAPI. */
export const ME_OR_USER_ID =
  /^(me|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/;

/**
 * A query value naming a person: `me` (the caller, resolved by the service) or a user id,
 * lower-cased (`ME` and an upper-case id are the same).
 */
export function IsMeOrUserId(): PropertyDecorator {
  return applyDecorators(
    IsString(),
    LowerCase(),
    Matches(ME_OR_USER_ID, {
      message: ({ property }) => `${property} must be \`me\` or a user id (uuid)`,
    }),
  );
}
