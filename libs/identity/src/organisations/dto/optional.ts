import { Transform } from 'class-transformer';
import { ValidateIf } from 'class-validator';

/**
 * Like @IsOptional, but only an absent property skips validation: an explicit `null` is
 * validated (and refused), so a PATCH cannot null a required column into a 500.
 */
export function IsOmittable(): PropertyDecorator {
  return ValidateIf((_object, value) => value !== undefined);
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
