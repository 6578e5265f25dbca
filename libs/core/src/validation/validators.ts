import { Transform } from 'class-transformer';
import { buildMessage, ValidateBy, ValidateIf, type ValidationOptions } from 'class-validator';

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
 * Like @IsOptional, but only an absent property skips validation: an explicit `null` is
 * validated (and refused), so a PATCH cannot null a required column into a 500.
 */
export function IsOmittable(): PropertyDecorator {
  return ValidateIf((_object: object, value: unknown) => value !== undefined);
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

/** Lower-cases a string (ids in paths: PostgreSQL answers uuids in lower case). */
export function LowerCase(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.toLowerCase() : value,
  );
}
