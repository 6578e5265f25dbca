import type { ExecutionContext } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';
import { DomainError } from '@app/core';
import {
  type AccessTokens,
  Permission,
  type Principal,
  type PrincipalCache,
  type ProgrammesService,
} from '@app/identity';
import type { RouteAccess } from './access.decorator';
import { AccessGuard } from './access.guard';
import { BASIC_CHALLENGE, parseBasicApiToken } from './basic-api-token';
import { BearerStrategy } from './bearer.strategy';
import type { DenialRecorder } from './denial-recorder';
import type { RateLimits } from '../rate-limit/rate-limits.service';

const TOKEN = 'sbt_Xk3v9Qe1T0a8m2LrZ5uYb7cWd4gHj6kNp0sVx3zA1fE';
const basic = (credentials: string) => `Basic ${Buffer.from(credentials).toString('base64')}`;

describe('parseBasicApiToken', () => {
  it('takes the API token from the password, whatever the user name', () => {
    expect(parseBasicApiToken(basic(`calendar:${TOKEN}`))).toEqual({ kind: 'token', token: TOKEN });
    expect(parseBasicApiToken(basic(`:${TOKEN}`))).toEqual({ kind: 'token', token: TOKEN });
    expect(parseBasicApiToken(`bAsIc   ${basic(`ä@x.nl:${TOKEN}`).slice(6)}`)).toEqual({
      kind: 'token',
      token: TOKEN,
    });
  });

  it('leaves other schemes and no header to the bearer strategy', () => {
    expect(parseBasicApiToken(undefined)).toEqual({ kind: 'absent' });
    expect(parseBasicApiToken(`Bearer ${TOKEN}`)).toEqual({ kind: 'absent' });
    expect(parseBasicApiToken('Basicx abc')).toEqual({ kind: 'absent' });
  });

  it.each([
    ['no credentials', 'Basic'],
    ['blank credentials', 'Basic   '],
    ['malformed base64', 'Basic not*base64!'],
    [
      'unpadded base64',
      `Basic ${Buffer.from(`u:${TOKEN}`).toString('base64').replace(/=+$/, '')}x`,
    ],
    ['base64 of no colon', basic(TOKEN)],
    ['a password instead of a token', basic('someone@example.nl:Correct horse battery')],
    ['a bare prefix', basic('u:sbt_')],
    ['a token with a space', basic(`u:${TOKEN} x`)],
    ['an access JWT', basic('u:eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl')],
    ['an over-long token', basic(`u:sbt_${'a'.repeat(300)}`)],
  ])('refuses %s', (_what, header) => {
    expect(parseBasicApiToken(header)).toEqual({ kind: 'invalid' });
  });
});

describe('AccessGuard with Basic credentials', () => {
  const principal: Principal = {
    kind: 'api_token',
    userId: 'u1',
    organisationId: 'o1',
    isPlatformAdmin: false,
    memberships: new Map([['p1', 'viewer']]),
    apiToken: { id: 't1', programmeId: 'p1', scope: 'read' },
  };
  const tokens = {
    authenticate: jest.fn((token: string) =>
      Promise.resolve(token === TOKEN ? principal : undefined),
    ),
    // An access JWT would name its user here; the tokens of these cases name no one.
    accessClaims: jest.fn(() => undefined),
  };

  // The bearer strategy, as the app registers it: the guard hands it what Basic does not take.
  new BearerStrategy(tokens as unknown as AccessTokens);

  function call(access: RouteAccess, authorization: string | undefined) {
    const headers = new Map<string, string>();
    const req = {
      method: 'GET',
      params: { id: 'p1' },
      headers: { authorization },
      get: (name: string) => (name === 'authorization' ? authorization : undefined),
      user: undefined as Principal | undefined,
    };
    const res = { setHeader: (name: string, value: string) => headers.set(name, value) };
    const context = {
      getHandler: () => call,
      switchToHttp: () => ({ getRequest: () => req, getResponse: () => res }),
    } as unknown as ExecutionContext;
    const guard = new AccessGuard(
      { get: () => access } as unknown as Reflector,
      {} as DenialRecorder,
      tokens as unknown as AccessTokens,
      { admit: () => Promise.resolve() } as unknown as RateLimits,
      {} as ProgrammesService,
      {} as PrincipalCache,
    );
    return { result: guard.canActivate(context), headers, req };
  }

  const calendar: RouteAccess = {
    permission: Permission.ProgrammeRead,
    programmeParam: 'id',
    basicApiToken: true,
  };

  beforeEach(() => tokens.authenticate.mockClear());

  it('lets an API token in as the Basic password', async () => {
    const { result, req } = call(calendar, basic(`me:${TOKEN}`));
    await expect(result).resolves.toBe(true);
    expect(req.user).toBe(principal);
  });

  it.each([
    ['malformed base64', 'Basic %%%'],
    ['a missing colon', basic(TOKEN)],
    ['a password that is no API token', basic('me:a long enough password')],
    ['an unknown API token', basic('me:sbt_never-issued')],
  ])('answers %s with a 401 problem that challenges for Basic', async (_what, header) => {
    const { result, headers } = call(calendar, header);
    const error = await result.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ kind: 'unauthenticated', code: 'UNAUTHENTICATED' });
    expect(headers.get('WWW-Authenticate')).toBe(BASIC_CHALLENGE);
  });

  it('never looks up a password as a token', async () => {
    await call(calendar, basic('me:a long enough password')).result.catch(() => undefined);
    expect(tokens.authenticate).not.toHaveBeenCalled();
  });

  it('ignores Basic credentials on routes that do not take them', async () => {
    const { result, headers } = call(
      { permission: Permission.ProgrammeRead, programmeParam: 'id' },
      basic(`me:${TOKEN}`),
    );
    await expect(result).rejects.toMatchObject({ kind: 'unauthenticated' });
    expect(tokens.authenticate).not.toHaveBeenCalled();
    expect(headers.has('WWW-Authenticate')).toBe(false);
  });
});
