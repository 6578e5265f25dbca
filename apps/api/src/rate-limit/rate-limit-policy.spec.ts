import type { Principal } from '@app/identity';
import {
  type Allowance,
  principalKey,
  rateClassOf,
  rateLimitField,
  rateLimitPolicyField,
  secondsFrom,
} from './rate-limit-policy';

const person: Principal = {
  kind: 'user',
  userId: 'u1',
  organisationId: 'o1',
  isPlatformAdmin: false,
  memberships: new Map(),
  sessionId: 's1',
};

describe('rateClassOf', () => {
  it('spends reads on GET and HEAD, writes on every other method', () => {
    expect(rateClassOf('GET')).toBe('read');
    expect(rateClassOf('head')).toBe('read');
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'])
      expect(rateClassOf(method)).toBe('write');
  });

  it('spends the expensive budget on a route declared expensive, whatever its method', () => {
    expect(rateClassOf('GET', 'expensive')).toBe('expensive');
    expect(rateClassOf('POST', 'expensive')).toBe('expensive');
  });

  it('spends nothing on an exempt route', () => {
    expect(rateClassOf('GET', 'exempt')).toBeUndefined();
  });
});

describe('principalKey', () => {
  it('gives a person one budget across sessions and their API tokens', () => {
    expect(principalKey(person)).toBe('user:u1');
    expect(principalKey({ ...person, sessionId: 's2' })).toBe('user:u1');
    expect(
      principalKey({
        ...person,
        kind: 'api_token',
        sessionId: undefined,
        apiToken: { id: 't1', programmeId: 'p1', scope: 'read' },
      }),
    ).toBe('user:u1');
  });
});

describe('the RateLimit fields (draft-ietf-httpapi-ratelimit-headers-11)', () => {
  const allowances: Allowance[] = [
    { policy: 'address-read', quota: 6000, windowSeconds: 60, remaining: 5990, resetSeconds: 42 },
    { policy: 'principal-read', quota: 600, windowSeconds: 60, remaining: 0, resetSeconds: 7 },
  ];

  it('lists each policy with its quota and window', () => {
    expect(rateLimitPolicyField(allowances)).toBe(
      '"address-read";q=6000;w=60, "principal-read";q=600;w=60',
    );
  });

  it('lists what is left of each and when its window ends', () => {
    expect(rateLimitField(allowances)).toBe('"address-read";r=5990;t=42, "principal-read";r=0;t=7');
  });

  it('rounds a window’s rest up to whole seconds', () => {
    expect(secondsFrom(1)).toBe(1);
    expect(secondsFrom(1000)).toBe(1);
    expect(secondsFrom(1001)).toBe(2);
    expect(secondsFrom(0)).toBe(0);
    expect(secondsFrom(-5)).toBe(0);
  });
});
