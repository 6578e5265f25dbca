// The generic validators live in core; identity's DTOs import them from here.
export { IsOmittable, QueryBoolean, Trim } from '@app/core';
