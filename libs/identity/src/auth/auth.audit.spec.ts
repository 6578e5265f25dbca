import { AuthAudit, emailDomainOf } from './auth.audit';

describe('emailDomainOf', () => {
  it('keeps only the domain of an address, in lower case', () => {
    expect(emailDomainOf(' J.Jansen@VNG.nl ')).toBe('vng.nl');
    expect(emailDomainOf('odd@name@sub.example.org')).toBe('sub.example.org');
  });

  it('keeps nothing of a string that is no address (a password typed in the wrong field)', () => {
    expect(emailDomainOf('hunter2hunter2')).toBeNull();
    expect(emailDomainOf('user@localhost')).toBeNull();
    expect(emailDomainOf('user@exa mple.nl')).toBeNull();
    expect(emailDomainOf('user@')).toBeNull();
  });
});

describe('AuthAudit.loginFailed', () => {
  const failure = {
    reason: 'wrong_password' as const,
    userId: 'u1',
    email: 'a@example.nl',
    lockoutSeconds: 900,
  };

  it('names the lockout a failure starts, and only then', () => {
    expect(AuthAudit.loginFailed({ ...failure, lockoutStarted: [] }).details).toEqual({
      reason: 'wrong_password',
      emailDomain: 'example.nl',
    });
    expect(AuthAudit.loginFailed({ ...failure, lockoutStarted: ['account'] }).details).toEqual({
      reason: 'wrong_password',
      emailDomain: 'example.nl',
      lockoutStarted: ['account'],
      lockoutSeconds: 900,
    });
  });

  it('is anonymous, and names no entity for an unknown e-mail', () => {
    const event = AuthAudit.loginFailed({ ...failure, userId: undefined, lockoutStarted: [] });
    expect(event).toMatchObject({ actor: { type: 'anonymous' }, entityId: null });
  });
});
