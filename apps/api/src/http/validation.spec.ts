import type { ValidationError } from '@nestjs/common';
import { toInvalidParams } from './validation';

const error = (
  property: string,
  constraints?: Record<string, string>,
  children: ValidationError[] = [],
) => ({ property, constraints, children }) as ValidationError;

describe('toInvalidParams', () => {
  it('flattens nested and array errors into dotted names, one entry per rule', () => {
    const errors = [
      error('title', { minLength: 'title is too short', isString: 'title must be a string' }),
      error('partners', undefined, [
        error('0', undefined, [error('role', { isIn: 'role is unknown' })]),
      ]),
      error('owner', undefined, [error('organisationId', { isUuid: 'must be a UUID' })]),
    ];
    expect(toInvalidParams(errors)).toEqual([
      { name: 'title', reason: 'title is too short' },
      { name: 'title', reason: 'title must be a string' },
      { name: 'partners[0].role', reason: 'role is unknown' },
      { name: 'owner.organisationId', reason: 'must be a UUID' },
    ]);
  });
});
