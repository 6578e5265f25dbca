import type { DataSource } from 'typeorm';
import type { AppConfig } from '@app/core';
import { AccessTokens } from './access-tokens';
import type { PrincipalCache } from './principal-cache';

const config = {
  auth: { accessSecret: 'a-test-secret-of-some-length-0123456789', accessTtlSeconds: 60 },
} as AppConfig;

describe('AccessTokens.accessClaims (the verdict on a signature, remembered until expiry)', () => {
  afterEach(() => jest.useRealTimers());

  it('names the user and session of a signed token, again from memory, and stops at its expiry', () => {
    jest.useFakeTimers({ now: new Date('2026-12-06T12:00:00Z') });
    const tokens = new AccessTokens(config, {} as DataSource, {} as PrincipalCache);
    const { accessToken } = tokens.sign('f4f87bc9-09b2-42e9-924e-8a4ded01cb33', 'session-1');
    const named = { sub: 'f4f87bc9-09b2-42e9-924e-8a4ded01cb33', sid: 'session-1' };
    expect(tokens.accessClaims(accessToken)).toMatchObject(named);
    expect(tokens.accessClaims(accessToken)).toMatchObject(named);
    jest.setSystemTime(new Date('2026-12-06T12:01:00Z'));
    expect(tokens.accessClaims(accessToken)).toBeUndefined();
  });

  it('names no one for a token signed with another key, altered, or an API token', () => {
    const tokens = new AccessTokens(config, {} as DataSource, {} as PrincipalCache);
    const other = new AccessTokens(
      {
        auth: { ...config.auth, accessSecret: 'another-secret-0123456789-0123456789' },
      } as AppConfig,
      {} as DataSource,
      {} as PrincipalCache,
    );
    const { accessToken } = other.sign('f4f87bc9-09b2-42e9-924e-8a4ded01cb33', 'session-1');
    expect(tokens.accessClaims(accessToken)).toBeUndefined();
    const own = tokens.sign('f4f87bc9-09b2-42e9-924e-8a4ded01cb33', 'session-1').accessToken;
    const [header, , signature] = own.split('.');
    const forged = Buffer.from(JSON.stringify({ sub: 'someone-else', sid: 'x' })).toString(
      'base64url',
    );
    expect(tokens.accessClaims(`${header}.${forged}.${signature}`)).toBeUndefined();
    expect(tokens.accessClaims('sbt_0123456789abcdef')).toBeUndefined();
  });
});
