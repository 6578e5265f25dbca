import { buildMessage, ValidateBy, ValidateIf, type ValidationOptions } from 'class-validator';

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

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
 * The field may be left out, but not sent as null: for properties that always have a value.
 * (`@IsOptional()` would let null through and on to a NOT NULL column.)
 */
export function IsOmittable(): PropertyDecorator {
  return ValidateIf((_object: object, value: unknown) => value !== undefined);
}

/** The database's check on programme slugs (ck_programmes_slug). */
export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const SLUG_MESSAGE =
  'slug must be lower-case letters and digits in words joined by single hyphens, e.g. actieagenda-sterk-bestuur';
export const NOT_BLANK = /\S/;
/** Far above any real agenda; keeps positions small integers. */
export const MAX_TRACK_POSITION = 10_000;
