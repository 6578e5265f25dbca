import { SqlState, violatedConstraint } from './database-errors';

describe('violatedConstraint', () => {
  const queryFailed = (code: string, constraint?: string) => ({
    name: 'QueryFailedError',
    driverError: { code, constraint },
  });

  it('names the constraint of a violation of the asked kind', () => {
    expect(
      violatedConstraint(queryFailed('23505', 'uq_users_email'), SqlState.uniqueViolation),
    ).toBe('uq_users_email');
    expect(violatedConstraint({ code: '23503', constraint: 'fk_x' }, '23503')).toBe('fk_x');
  });

  it('ignores other errors and other kinds', () => {
    expect(violatedConstraint(queryFailed('23503', 'fk_x'), SqlState.uniqueViolation)).toBe(
      undefined,
    );
    expect(violatedConstraint(new Error('boom'), SqlState.uniqueViolation)).toBe(undefined);
    expect(violatedConstraint(undefined, SqlState.uniqueViolation)).toBe(undefined);
    expect(violatedConstraint('23505', SqlState.uniqueViolation)).toBe(undefined);
  });
});
