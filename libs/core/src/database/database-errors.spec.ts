import {
  isDatabaseUnavailable,
  isTransactionConflict,
  SqlState,
  violatedConstraint,
} from './database-errors';

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

describe('isTransactionConflict', () => {
  it('recognises deadlocks, serialisation failures and lock timeouts, wrapped or not', () => {
    for (const code of ['40P01', '40001', '55P03']) {
      expect(isTransactionConflict({ name: 'QueryFailedError', driverError: { code } })).toBe(true);
      expect(isTransactionConflict({ code })).toBe(true);
    }
  });

  it('ignores other errors', () => {
    expect(isTransactionConflict({ code: '23505' })).toBe(false);
    expect(isTransactionConflict(new Error('deadlock detected'))).toBe(false);
    expect(isTransactionConflict(null)).toBe(false);
  });
});

describe('isDatabaseUnavailable', () => {
  it('recognises a lost or refused connection', () => {
    expect(isDatabaseUnavailable({ driverError: { code: '57P01' } })).toBe(true);
    expect(isDatabaseUnavailable({ code: '08006' })).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }))).toBe(
      true,
    );
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(
      isDatabaseUnavailable(
        new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })]),
      ),
    ).toBe(true);
  });

  it('recognises a connection cut or refused by the network', () => {
    for (const code of ['ECONNABORTED', 'ENETDOWN', 'EHOSTDOWN', 'EPIPE', 'ECONNRESET']) {
      expect(isDatabaseUnavailable(Object.assign(new Error('x'), { code }))).toBe(true);
    }
  });

  it('recognises the terminations PostgreSQL sends when it stops or crashes', () => {
    // kill -9 of the postmaster: every backend ends its session with 57P01 (FATAL).
    expect(
      isDatabaseUnavailable({
        name: 'QueryFailedError',
        driverError: {
          code: '57P01',
          message: 'terminating connection due to unexpected postmaster exit',
        },
      }),
    ).toBe(true);
    expect(isDatabaseUnavailable({ code: '57P02' })).toBe(true);
    expect(isDatabaseUnavailable({ code: '57P03' })).toBe(true);
    expect(isDatabaseUnavailable(new Error('the database system is in recovery mode'))).toBe(true);
  });

  it('recognises a query runner whose connection failed under it', () => {
    // TypeORM hands a runner's connection back when it fails; the next query on it says so.
    const released = new Error(
      'Database connection provided by a query runner was already released',
    );
    released.name = 'QueryRunnerProviderAlreadyReleasedError';
    expect(isDatabaseUnavailable(released)).toBe(true);
    const alsoReleased = new Error('Query runner already released.');
    alsoReleased.name = 'QueryRunnerAlreadyReleasedError';
    expect(isDatabaseUnavailable(alsoReleased)).toBe(true);
  });

  it('recognises an outage kept as the cause of another error', () => {
    // pg-pool's "Connection terminated due to connection timeout" carries the socket's error.
    const cause = Object.assign(new Error('connect ETIMEDOUT'), { code: 'ETIMEDOUT' });
    expect(isDatabaseUnavailable(new Error('could not start', { cause }))).toBe(true);
    expect(isDatabaseUnavailable(new Error('could not start', { cause: new Error('boom') }))).toBe(
      false,
    );
  });

  it('does not take a query error for an outage', () => {
    expect(isDatabaseUnavailable({ driverError: { code: '23505' } })).toBe(false);
    expect(isDatabaseUnavailable({ code: '40P01' })).toBe(false);
    expect(isDatabaseUnavailable(new Error('boom'))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });
});
