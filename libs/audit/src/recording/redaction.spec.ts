import { changedFields, createdFields, deletedFields } from './changes';
import { REDACTED, redactSecrets } from './redaction';

describe('redactSecrets', () => {
  it('replaces the values of secret fields at any depth and keeps the rest', () => {
    const input = {
      email: 'a@example.nl',
      password: 'hunter2hunter2',
      passwordHash: { old: '$argon2id$old', new: '$argon2id$new' },
      nested: [{ tokenHash: 'abc', tokenPrefix: 'sbt_abc123', refresh_token: 'sbr_x' }],
      apiToken: 'sbt_secret',
      accessToken: 'eyJ...',
      Authorization: 'Bearer x',
      name: 'VNG',
    };
    expect(redactSecrets(input)).toEqual({
      email: 'a@example.nl',
      password: REDACTED,
      passwordHash: REDACTED,
      nested: [{ tokenHash: REDACTED, tokenPrefix: 'sbt_abc123', refresh_token: REDACTED }],
      apiToken: REDACTED,
      accessToken: REDACTED,
      Authorization: REDACTED,
      name: 'VNG',
    });
  });

  it('keeps fields that only look alike: ids, prefixes, counts, other words', () => {
    const input = {
      apiTokenId: 'b3c4',
      tokenPrefix: 'sbt_abc123',
      revokedApiTokens: 2,
      passport: 'NL',
      bypass: false,
      hashAlgorithm: 'sha256',
    };
    expect(redactSecrets(input)).toEqual(input);
  });

  it('leaves the input untouched', () => {
    const input = { password: 'x' };
    redactSecrets(input);
    expect(input.password).toBe('x');
  });

  it('keeps a null secret as null: that nothing was set is no secret', () => {
    expect(redactSecrets({ passwordHash: null })).toEqual({ passwordHash: null });
  });
});

describe('field changes', () => {
  const before = { name: 'IPO', kind: 'association', updatedAt: new Date('2026-01-01T00:00:00Z') };

  it('lists only the fields that changed, with old and new value', () => {
    const after = { ...before, name: 'Interprovinciaal Overleg' };
    expect(changedFields(before, after, ['name', 'kind', 'updatedAt'])).toEqual({
      name: { old: 'IPO', new: 'Interprovinciaal Overleg' },
    });
  });

  it('answers undefined when nothing changed', () => {
    expect(changedFields(before, { ...before }, ['name', 'kind'])).toBeUndefined();
  });

  it('compares and records dates as ISO strings', () => {
    const after = { ...before, updatedAt: new Date('2026-02-01T00:00:00Z') };
    expect(changedFields(before, after, ['updatedAt'])).toEqual({
      updatedAt: { old: '2026-01-01T00:00:00.000Z', new: '2026-02-01T00:00:00.000Z' },
    });
  });

  it('records a create with new values only and a delete with old values only', () => {
    expect(createdFields(before, ['name'])).toEqual({ name: { new: 'IPO' } });
    expect(deletedFields(before, ['kind'])).toEqual({ kind: { old: 'association' } });
  });
});
