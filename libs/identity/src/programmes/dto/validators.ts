// The generic validators live in core; identity's DTOs import them from here.
export { IsDateOnly, IsNullable, IsOmittable, isDateOnly, NOT_BLANK } from '@app/core';

/** The database's check on programme slugs (ck_programmes_slug). */
export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const SLUG_MESSAGE =
  'slug must be lower-case letters and digits in words joined by single hyphens, e.g. actieagenda-sterk-bestuur';
/** Far above any real agenda; keeps positions small integers. */
export const MAX_TRACK_POSITION = 10_000;
